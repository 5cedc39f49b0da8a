package dev.ascendcp.verification.web;

import dev.ascendcp.verification.RayStatusSource;
import dev.ascendcp.verification.ServingStatusSource;
import dev.ascendcp.verification.store.VerificationStore;
import dev.ascendcp.verification.store.VerificationSummary;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: every cluster with its last verdict, failing NPU count, Ray and serving state. */
@Controller
class OverviewController {

    /** One row of the overview. */
    record ClusterRow(
            UUID id,
            String name,
            @Nullable VerificationSummary verification,
            RayStatusSource.RayStatus ray,
            ServingStatusSource.ServingStatus serving) {}

    private final ClusterDirectory clusters;
    private final VerificationStore store;
    private final RayStatusSource ray;
    private final ServingStatusSource serving;

    OverviewController(
            ClusterDirectory clusters, VerificationStore store, RayStatusSource ray, ServingStatusSource serving) {
        this.clusters = clusters;
        this.store = store;
        this.ray = ray;
        this.serving = serving;
    }

    @GetMapping("/")
    String overview(Model model) {
        List<ClusterDirectory.ClusterRef> all = clusters.all();
        Map<UUID, VerificationSummary> latest = store.latestSummaries(
                all.stream().map(ClusterDirectory.ClusterRef::id).toList());
        model.addAttribute(
                "clusters",
                all.stream()
                        .map(c -> new ClusterRow(
                                c.id(),
                                c.name(),
                                latest.get(c.id()),
                                ray.rayStatus(c.id()),
                                serving.servingStatus(c.id())))
                        .toList());
        return "overview";
    }
}
