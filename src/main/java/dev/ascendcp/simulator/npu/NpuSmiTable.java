package dev.ascendcp.simulator.npu;

import dev.ascendcp.simulator.NpuFaults;
import dev.ascendcp.simulator.NpuProcess;
import dev.ascendcp.simulator.SimulatedNode;
import java.util.List;

/**
 * The {@code npu-smi info} table, 98 characters wide: a 910B (A2) block of two rows per NPU, or on A3 (910C) two
 * rows per die with the dies of one card separated by a dashed line and the {@code Chip  Phy-ID} header.
 */
final class NpuSmiTable {

    static final String DASH = "+" + "-".repeat(96) + "+";
    static final String COLS =
            "+---------------------------+---------------+----------------------------------------------------+";
    static final String EQ =
            "+===========================+===============+====================================================+";
    private static final String[] BUS_A2 = {"C1", "C2", "81", "82", "01", "02", "41", "42"};
    private static final String[] BUS_A3 = {
        "9D", "9F", "99", "9B", "95", "97", "91", "93", "8D", "8F", "89", "8B", "85", "87", "81", "83"
    };

    private final SimulatedNode node;
    private final StringBuilder out = new StringBuilder();

    NpuSmiTable(SimulatedNode node) {
        this.node = node;
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String version(SimulatedNode node) {
        return node.spec().isA3() ? "24.1.rc3.3" : "23.0.7";
    }

    String render() {
        boolean a3 = node.spec().isA3();
        line(DASH);
        line("| " + pad("npu-smi " + version(node), 33) + pad("Version: " + version(node), 62) + "|");
        line(COLS);
        line("| NPU   Name                | Health        | Power(W)    Temp(C)           Hugepages-Usage(page)|");
        line(
                a3
                        ? "| Chip  Phy-ID              | Bus-Id        | AICore(%)   Memory-Usage(MB)  HBM-Usage(MB)        |"
                        : "| Chip                      | Bus-Id        | AICore(%)   Memory-Usage(MB)  HBM-Usage(MB)        |");
        line(EQ);
        for (int die = 0; die < node.npuCount(); die++) {
            chipRows(die, a3);
            line(a3 && die % 2 == 0 ? DASH : EQ);
        }
        processes(a3);
        return out.toString();
    }

    private void chipRows(int die, boolean a3) {
        NpuFaults f = node.faults().npu(die);
        int card = a3 ? die / 2 : die;
        int chip = a3 ? die % 2 : 0;
        String power = a3 && chip == 1 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", 96.5 + (die * 37 % 13));
        String temp = String.valueOf(54 + die % 5);
        int used = 3334 + f.processes().stream().mapToInt(NpuProcess::memoryMb).sum();
        int aicore = f.processes().isEmpty() ? 0 : 68 + die % 20;
        String bus = "0000:" + (a3 ? BUS_A3[die % 16] : BUS_A2[die % 8]) + ":00.0";
        line("| " + pad(String.valueOf(card), 6) + pad(node.chipType(), 20) + "| " + pad(f.health(), 14) + "| "
                + pad(power, 12) + pad(temp, 18) + pad("0", 5) + "/ " + pad("0", 14) + "|");
        String chipCell = a3 ? pad(String.valueOf(chip), 6) + pad(String.valueOf(die), 20) : pad("0", 26);
        line("| " + chipCell + "| " + pad(bus, 14) + "| " + pad(String.valueOf(aicore), 12) + pad("0", 5) + "/ "
                + pad("0", 11) + pad(String.valueOf(Math.min(used, 65536)), 5) + "/ " + pad("65536", 14) + "|");
    }

    private void processes(boolean a3) {
        line(COLS);
        line("| NPU     Chip              | Process id    | Process name             | Process memory(MB)      |");
        line(EQ);
        int cards = a3 ? node.npuCount() / 2 : node.npuCount();
        for (int card = 0; card < cards; card++) {
            List<Integer> dies = a3 ? List.of(card * 2, card * 2 + 1) : List.of(card);
            boolean any = false;
            for (int die : dies) {
                for (NpuProcess p : node.faults().npu(die).processes()) {
                    any = true;
                    line("| " + pad(String.valueOf(card), 8) + pad(String.valueOf(a3 ? die % 2 : 0), 18) + "| "
                            + pad(String.valueOf(p.pid()), 14) + "| " + pad(p.name(), 25) + "| "
                            + pad(String.valueOf(p.memoryMb()), 24)
                            + "|");
                }
            }
            if (!any) {
                line("| " + pad("No running processes found in NPU " + card, 95) + "|");
            }
            line(EQ);
        }
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
