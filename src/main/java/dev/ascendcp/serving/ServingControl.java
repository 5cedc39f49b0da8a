package dev.ascendcp.serving;

import dev.ascendcp.audit.AuditLog;
import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.JobFilter;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobSummary;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.PhaseKind;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Stop (a direct action over SSH) and restart (a SERVE job, whose launch stops the running vLLM first). */
@Service
public class ServingControl {

    private final Inventory inventory;
    private final ServeTools tools;
    private final JobService jobs;
    private final AuditLog audit;

    ServingControl(Inventory inventory, ServeTools tools, JobService jobs, AuditLog audit) {
        this.inventory = inventory;
        this.tools = tools;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** Stops the cluster's vLLM (409 while a job runs on the cluster); the endpoint becomes STOPPED. */
    public ServingView stop(UUID clusterId) throws InterruptedException {
        String container = inventory
                .findCluster(clusterId)
                .orElseThrow(() -> ServingException.clusterNotFound(clusterId))
                .container()
                .name();
        ensureNoJob(clusterId);
        NodeResponse head = inventory.nodesOf(clusterId).get(0);
        String result = tools.remote().stop(tools.targets().target(head.id()), container);
        audit.record("serving.stop", "cluster:" + clusterId, result);
        return tools.store()
                .transition(
                        clusterId, ServingState.STOPPED, "STOPPED_BY_USER", result + " by " + AuditLog.currentActor());
    }

    /** Starts a SERVE job that relaunches vLLM (404/409/422 as {@link JobService#start}). */
    public JobView restart(UUID clusterId, Map<String, Object> options) {
        JobView job = jobs.start(clusterId, PhaseKind.SERVE, options);
        audit.record("serving.restart", "cluster:" + clusterId, "SERVE job " + job.id());
        return job;
    }

    private void ensureNoJob(UUID clusterId) {
        for (JobStatus status : new JobStatus[] {JobStatus.RUNNING, JobStatus.QUEUED}) {
            for (JobSummary job : jobs.list(new JobFilter(clusterId, null, status), Pageable.ofSize(1))) {
                throw ServingException.busy(clusterId, job.id());
            }
        }
    }
}
