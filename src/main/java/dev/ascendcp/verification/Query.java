package dev.ascendcp.verification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The queries of the Verify phase; {@code token} names them in the output markers. */
public enum Query {
    NPU_SMI("npu_smi", null),
    HCCN_CONF("hccn_conf", null),
    IP("ip", "-ip"),
    LINK("link", "-link"),
    NET_HEALTH("net_health", "-net_health"),
    NETDETECT("netdetect", "-netdetect"),
    GATEWAY("gateway", "-gateway"),
    LLDP("lldp", "-lldp"),
    PING("ping", "-ping");

    /** The six hccn_tool queries asked for every NPU. */
    public static final List<Query> PER_NPU = List.of(IP, LINK, NET_HEALTH, NETDETECT, GATEWAY, LLDP);

    private final String token;
    private final @Nullable String flag;

    Query(String token, @Nullable String flag) {
        this.token = token;
        this.flag = flag;
    }

    public String token() {
        return token;
    }

    /** The hccn_tool option, e.g. {@code -link}; null for npu-smi and hccn.conf. */
    public @Nullable String flag() {
        return flag;
    }

    static Optional<Query> ofToken(String token) {
        return Arrays.stream(values()).filter(q -> q.token.equals(token)).findFirst();
    }
}
