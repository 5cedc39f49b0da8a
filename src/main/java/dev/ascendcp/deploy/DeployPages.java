package dev.ascendcp.deploy;

import dev.ascendcp.jobs.InvalidJobRequestException;
import dev.ascendcp.jobs.JobConflictException;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.PhaseKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cluster page's Deploy button (OPERATOR): starts a DEPLOY job and shows its page; when the job cannot start (a
 * job runs, the plan is invalid) it goes back to the cluster page saying why.
 */
@Controller
class DeployPages {

    private final JobService jobs;

    DeployPages(JobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/clusters/{clusterId}/deploy")
    String deploy(@PathVariable UUID clusterId, RedirectAttributes redirect) {
        try {
            return "redirect:/jobs/"
                    + jobs.start(clusterId, PhaseKind.DEPLOY, Map.of()).id();
        } catch (JobConflictException | InvalidJobRequestException e) {
            redirect.addFlashAttribute("flash", "Deploy not started: " + reason(e));
            return "redirect:/clusters/" + clusterId;
        }
    }

    /** The problem's detail and, for an invalid plan, each broken rule's message. */
    static String reason(ErrorResponseException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getBody().getDetail()));
        Map<String, Object> properties = e.getBody().getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> rule) {
                    text.append("; ").append(rule.get("field")).append(' ').append(rule.get("message"));
                }
            }
        }
        return text.toString();
    }
}
