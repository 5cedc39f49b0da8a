package dev.ascendcp.jobs.web;

import dev.ascendcp.jobs.JobFilter;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.PhaseKind;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The job list and the job page; an htmx request for the job page gets only its grid fragment. */
@Controller
class JobsPageController {

    private final JobService jobs;

    JobsPageController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs")
    String list(
            @RequestParam(required = false) @Nullable UUID clusterId,
            @RequestParam(required = false) @Nullable PhaseKind phase,
            @RequestParam(required = false) @Nullable JobStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var filter = new JobFilter(clusterId, phase, status);
        model.addAttribute(
                "jobs",
                jobs.list(filter, PageRequest.of(Math.max(0, page), 50, Sort.by(Sort.Direction.DESC, "createdAt"))));
        model.addAttribute("filter", filter);
        model.addAttribute("phases", PhaseKind.values());
        model.addAttribute("statuses", JobStatus.values());
        return "jobs/list";
    }

    @GetMapping("/jobs/{id}")
    String detail(
            @PathVariable UUID id,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        JobView job = jobs.find(id);
        model.addAttribute("job", job);
        model.addAttribute("grid", JobGrid.of(job));
        return htmx != null ? "jobs/detail :: grid" : "jobs/detail";
    }

    @PostMapping("/jobs/{id}/cancel")
    ResponseEntity<Void> cancel(
            @PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx) {
        jobs.cancel(id);
        return redirect(htmx, id);
    }

    @PostMapping("/jobs/{id}/retry")
    ResponseEntity<Void> retry(
            @PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx) {
        return redirect(htmx, jobs.retry(id).id());
    }

    /**
     * To the job's page: for htmx a 204 with {@code HX-Redirect} (a 302 would be followed inside the XHR, htmx would
     * never see the header and swap the next page into the button), for a plain form a 303 See Other.
     */
    private static ResponseEntity<Void> redirect(@Nullable String htmx, UUID jobId) {
        String target = "/jobs/" + jobId;
        if (htmx != null) {
            return ResponseEntity.noContent().header("HX-Redirect", target).build();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(target))
                .build();
    }
}
