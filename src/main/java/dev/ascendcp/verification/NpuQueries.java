package dev.ascendcp.verification;

/** The six parsed hccn_tool answers for one NPU. */
public record NpuQueries(
        int index,
        IpInfo ip,
        LinkInfo link,
        NetHealthInfo netHealth,
        NetdetectInfo netdetect,
        GatewayInfo gateway,
        LldpInfo lldp) {

    /** True when any of the six answered {@code Get invalid device id.}. */
    public boolean invalidDevice() {
        return ip.outcome() == Outcome.INVALID_DEVICE
                || link.outcome() == Outcome.INVALID_DEVICE
                || netHealth.outcome() == Outcome.INVALID_DEVICE
                || netdetect.outcome() == Outcome.INVALID_DEVICE
                || gateway.outcome() == Outcome.INVALID_DEVICE
                || lldp.outcome() == Outcome.INVALID_DEVICE;
    }
}
