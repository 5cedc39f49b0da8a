package dev.ascendcp.simulator.npu;

import dev.ascendcp.simulator.NpuFaults;
import dev.ascendcp.simulator.SimulatedNode;

/** Renders {@code /etc/hccn.conf} from a node's NPU configuration ({@code key_<phyid>=value} lines). */
public final class HccnConf {

    private HccnConf() {}

    public static String render(SimulatedNode node) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < node.npuCount(); i++) {
            NpuFaults f = node.faults().npu(i);
            if (f.noIp()) {
                continue;
            }
            String address = f.confAddress() != null ? f.confAddress() : node.npuIp(i);
            String gateway = node.spec().npuGateway(i);
            sb.append("address_").append(i).append('=').append(address).append('\n');
            sb.append("netmask_").append(i).append("=255.255.255.0\n");
            sb.append("netdetect_").append(i).append('=').append(gateway).append('\n');
            if (!f.noGateway()) {
                sb.append("gateway_").append(i).append('=').append(gateway).append('\n');
            }
            sb.append("send_arp_status_").append(i).append("=1\n");
        }
        return sb.toString();
    }
}
