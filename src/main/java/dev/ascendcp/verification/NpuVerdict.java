package dev.ascendcp.verification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The checked state of one NPU, as the cluster status and dashboard show it. */
public record NpuVerdict(
        int index,
        @Nullable String ip,
        @Nullable String netmask,
        LinkState link,
        @Nullable String health,
        @Nullable String lldpPort,
        @Nullable String netdetect,
        @Nullable String gateway,
        Verdict verdict,
        List<Problem> problems) {

    public boolean ok() {
        return verdict.ok();
    }
}
