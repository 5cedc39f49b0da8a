package dev.ascendcp.simulator.npu;

import dev.ascendcp.simulator.SimulatedNode;

/**
 * The {@code -lldp -g} dump in the open-lldp {@code lldptool -t -n} layout: TLV names at column 0, values indented
 * by one TAB, the system description continuing unindented. Without a neighbour (link down or the no-LLDP fault)
 * the tool prints nothing and exits 0: no real sample of that case exists, and an empty dump is what a parser
 * looking for {@code Ifname:} must treat as "no neighbour".
 */
final class Lldp {

    private Lldp() {}

    /** The switch port NPU {@code i} of node {@code k} is cabled to, e.g. {@code 400GE1/1/1:1}. */
    static String switchPort(SimulatedNode node, int i) {
        return "400GE1/" + (i / 2 + 1) + "/" + (node.spec().index() + 1) + ":" + (i % 2 + 1);
    }

    static String render(SimulatedNode node, int i) {
        int sw = i / 2 + 1;
        return "Chassis ID TLV\n"
                + "\tMAC: 44:31:92:6b:5e:" + String.format("%02x", sw) + "\n"
                + "Port ID TLV\n"
                + "\tIfname: " + switchPort(node, i) + "\n"
                + "Time to Live TLV\n"
                + "\t121\n"
                + "System Name TLV\n"
                + "\tleaf-" + sw + "\n"
                + "System Description TLV\n"
                + "\tVersatile Routing Platform Software\n"
                + "VRP (R) software, Version 8.211 (DX511 V200R021C10SPC600)\n"
                + "\n"
                + "Huarong DX511\n"
                + "\n"
                + "System Capabilities TLV\n"
                + "\tEnabled capabilities: Bridge, Router\n"
                + "Management Address TLV\n"
                + "\tIPv4: 26.0.0." + sw + "\n"
                + "\tIfindex: 14\n"
                + "Maximum Frame Size TLV\n"
                + "\t9216\n"
                + "End of LLDPDU TLV\n";
    }
}
