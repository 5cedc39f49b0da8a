package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Feeds the sections of a node to the parsers. */
public final class NodeCollector {

    private NodeCollector() {}

    /** Parses the combined output of all lanes of {@link CollectionScript#forNode}. */
    public static NodeCollection collect(int npuCount, String combinedOutput) {
        return collect(npuCount, SectionDemux.split(combinedOutput));
    }

    public static NodeCollection collect(int npuCount, List<Section> sections) {
        Map<SectionKey, Section> byKey = new HashMap<>();
        sections.forEach(s -> byKey.put(s.key(), s));
        List<SectionKey> missing = new ArrayList<>();
        List<SectionKey> busy = new ArrayList<>();
        for (SectionKey key : CollectionScript.expected(npuCount)) {
            Section s = byKey.get(key);
            if (s == null || !s.complete()) {
                missing.add(key);
            } else if (ToolText.isBusy(s.output())) {
                busy.add(key);
            }
        }
        @Nullable Section smi = usable(byKey.get(SectionKey.node(Query.NPU_SMI)));
        @Nullable Section conf = usable(byKey.get(SectionKey.node(Query.HCCN_CONF)));
        List<NpuQueries> npus = new ArrayList<>();
        for (int npu = 0; npu < npuCount; npu++) {
            npus.add(npu(npu, byKey));
        }
        return new NodeCollection(
                smi == null
                        ? new NpuSmiInfo(Outcome.UNKNOWN, null, List.of(), List.of(), "")
                        : NpuSmiParser.parse(smi.output(), ""),
                conf == null ? new HccnConf(Outcome.UNKNOWN, Map.of(), "") : HccnConfParser.parse(conf.output(), ""),
                List.copyOf(npus),
                List.copyOf(busy),
                List.copyOf(missing));
    }

    private static NpuQueries npu(int npu, Map<SectionKey, Section> byKey) {
        @Nullable String ip = text(byKey, Query.IP, npu);
        @Nullable String link = text(byKey, Query.LINK, npu);
        @Nullable String health = text(byKey, Query.NET_HEALTH, npu);
        @Nullable String netdetect = text(byKey, Query.NETDETECT, npu);
        @Nullable String gateway = text(byKey, Query.GATEWAY, npu);
        @Nullable Section lldp = usable(byKey.get(SectionKey.npu(Query.LLDP, npu)));
        return new NpuQueries(
                npu,
                ip == null ? new IpInfo(Outcome.UNKNOWN, null, null, null, null, "") : IpParser.parse(ip, ""),
                link == null ? new LinkInfo(Outcome.UNKNOWN, LinkState.UNKNOWN, "") : LinkParser.parse(link, ""),
                health == null ? new NetHealthInfo(Outcome.UNKNOWN, null, null, "") : NetHealthParser.parse(health, ""),
                netdetect == null ? new NetdetectInfo(Outcome.UNKNOWN, null, "") : NetdetectParser.parse(netdetect, ""),
                gateway == null ? new GatewayInfo(Outcome.UNKNOWN, null, null, "") : GatewayParser.parse(gateway, ""),
                lldp(lldp));
    }

    /** Empty LLDP output means no neighbour, but only when the tool exited cleanly. */
    private static LldpInfo lldp(@Nullable Section s) {
        if (s == null) {
            return new LldpInfo(Outcome.UNKNOWN, null, null, null, null, null, "");
        }
        LldpInfo info = LldpParser.parse(s.output(), "");
        boolean failedSilently = info.outcome() == Outcome.NOT_SET && s.exitCode() != null && s.exitCode() != 0;
        return failedSilently ? new LldpInfo(Outcome.UNKNOWN, null, null, null, null, null, info.raw()) : info;
    }

    private static @Nullable String text(Map<SectionKey, Section> byKey, Query query, int npu) {
        Section s = usable(byKey.get(SectionKey.npu(query, npu)));
        return s == null ? null : s.output();
    }

    private static @Nullable Section usable(@Nullable Section s) {
        return s != null && s.complete() ? s : null;
    }
}
