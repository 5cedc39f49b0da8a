package dev.ascendcp.simulator.npu;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import dev.ascendcp.simulator.shell.Program;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** {@code npu-smi info}, {@code info -l}, {@code info -m} and {@code info -t health -i N [-c C]}. */
public final class NpuSmi implements Program {

    private static final String USAGE = "Usage: npu-smi info <watch|proc|-h|-m|-l|-t type> [Options...]";

    private final SimulatedNode node;

    public NpuSmi(SimulatedNode node) {
        this.node = node;
    }

    @Override
    public int run(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        if (a.isEmpty() || !a.get(0).equals("info")) {
            return call.fail(1, USAGE);
        }
        ToolGate.delay(node.faults(), Duration.ofMillis(50));
        List<String> opts = a.subList(1, a.size());
        if (opts.isEmpty()) {
            call.out(new NpuSmiTable(node).render());
            return 0;
        }
        if (opts.equals(List.of("-l"))) {
            call.out(list());
            return 0;
        }
        if (opts.equals(List.of("-m"))) {
            call.out(mapping());
            return 0;
        }
        int t = opts.indexOf("-t");
        int i = opts.indexOf("-i");
        if (t >= 0 && t + 1 < opts.size() && opts.get(t + 1).equals("health") && i >= 0 && i + 1 < opts.size()) {
            return health(call, opts.get(i + 1));
        }
        return call.fail(1, USAGE);
    }

    private int cards() {
        return node.spec().isA3() ? node.npuCount() / 2 : node.npuCount();
    }

    private String list() {
        StringBuilder sb = new StringBuilder();
        sb.append('\t')
                .append(NpuSmiTable.pad("Total Count", 31))
                .append(": ")
                .append(cards())
                .append("\n\n");
        for (int c = 0; c < cards(); c++) {
            sb.append('\t')
                    .append(NpuSmiTable.pad("NPU ID", 31))
                    .append(": ")
                    .append(c)
                    .append('\n');
            sb.append('\t').append(NpuSmiTable.pad("Product Name", 31)).append(": IT21PDDA01\n");
            sb.append('\t')
                    .append(NpuSmiTable.pad("Serial Number", 31))
                    .append(": 033VNY10MB0000")
                    .append(String.format("%02d", node.spec().index() * 16 + c))
                    .append('\n');
            sb.append('\t')
                    .append(NpuSmiTable.pad("Chip Count", 31))
                    .append(": ")
                    .append(node.spec().isA3() ? 2 : 1)
                    .append("\n\n");
        }
        return sb.toString();
    }

    private String mapping() {
        StringBuilder sb = new StringBuilder("\t");
        sb.append(NpuSmiTable.pad("NPU ID", 31))
                .append(NpuSmiTable.pad("Chip ID", 31))
                .append(NpuSmiTable.pad("Chip Logic ID", 31))
                .append("Chip Name\n");
        for (int die = 0; die < node.npuCount(); die++) {
            int card = node.spec().isA3() ? die / 2 : die;
            int chip = node.spec().isA3() ? die % 2 : 0;
            sb.append('\t')
                    .append(NpuSmiTable.pad(String.valueOf(card), 31))
                    .append(NpuSmiTable.pad(String.valueOf(chip), 31))
                    .append(NpuSmiTable.pad(String.valueOf(die), 31))
                    .append("Ascend ")
                    .append(node.chipType())
                    .append('\n');
        }
        return sb.toString();
    }

    private int health(Call call, String id) throws IOException {
        int card;
        try {
            card = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            card = -1;
        }
        if (card < 0 || card >= cards()) {
            call.outln("Invalid card id.");
            call.outln("Error parameter of -i");
            call.outln(USAGE);
            return 1;
        }
        int die = node.spec().isA3() ? card * 2 : card;
        String h = node.faults().npu(die).health();
        call.outln("\t" + NpuSmiTable.pad("Health Status", 31) + ": " + h);
        call.outln("\t" + NpuSmiTable.pad("Error Code", 31) + ": " + (h.equals("OK") ? "NA" : "A4025021"));
        call.outln("\t" + NpuSmiTable.pad("Error Information", 31) + ": "
                + (h.equals("OK")
                        ? "NA"
                        : "node type=adda, sensor type=Heartbeat Sensor, event state=Heartbeat Lost."));
        return 0;
    }
}
