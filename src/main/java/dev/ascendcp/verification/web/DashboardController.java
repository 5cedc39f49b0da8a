package dev.ascendcp.verification.web;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.verification.PingStrategy;
import dev.ascendcp.verification.Problem;
import dev.ascendcp.verification.phase.PingEstimate;
import dev.ascendcp.verification.store.StoredVerification;
import dev.ascendcp.verification.store.VerificationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The cluster dashboard: NPU grid, ping heat map, problems, diff, history, the Run verification form and the Ray and
 * serving panels. {@code /clusters/{id}/verification} answers only the verification part, for the refresh when a run
 * ends; {@code /clusters/{id}/verification/live} only the running verification's progress and fresh rows.
 */
@Controller
class DashboardController {

    private final ClusterStatusService status;
    private final VerificationStore store;

    DashboardController(ClusterStatusService status, VerificationStore store) {
        this.status = status;
        this.store = store;
    }

    @GetMapping("/clusters/{id}")
    String dashboard(@PathVariable UUID id, Model model) {
        model.addAttribute("cluster", status.cluster(id));
        fill(id, model);
        List<Integer> counts =
                status.nodes(id).stream().map(NodeResponse::npuCount).toList();
        model.addAttribute("estimate", PingEstimate.pings(PingStrategy.SAME_INDEX, counts));
        model.addAttribute("strategies", PingStrategy.values());
        return "clusters/dashboard";
    }

    @GetMapping("/clusters/{id}/verification")
    String verification(@PathVariable UUID id, Model model) {
        model.addAttribute("cluster", status.cluster(id));
        fill(id, model);
        return "clusters/verification :: panel";
    }

    /** The running verification's progress and fresh grid rows (empty when none runs), fetched on job events. */
    @GetMapping("/clusters/{id}/verification/live")
    String live(@PathVariable UUID id, Model model) {
        model.addAttribute("cluster", status.cluster(id));
        model.addAttribute("status", status.status(id));
        return "clusters/verification :: live";
    }

    private void fill(UUID id, Model model) {
        ClusterStatusResponse current = status.status(id);
        model.addAttribute("status", current);
        model.addAttribute("nodes", status.nodes(id));
        Optional<StoredVerification> latest = status.latest(id);
        model.addAttribute("problems", latest.map(DashboardController::problems).orElse(List.of()));
        model.addAttribute("diff", status.diff(id));
        model.addAttribute("history", store.history(id, PageRequest.of(0, 20)).getContent());
    }

    /** Every problem of a verification, failures first, as the sentences an operator reads. */
    static List<Problem> problems(StoredVerification v) {
        List<Problem> all = new ArrayList<>(v.verification().problems());
        v.verification().nodes().forEach(n -> all.addAll(n.allProblems()));
        if (v.verification().ping() != null) {
            all.addAll(v.verification().ping().problems());
        }
        all.sort((a, b) -> b.severity().compareTo(a.severity()));
        return all;
    }
}
