package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.jobs.logs.EventLog;
import dev.ascendcp.jobs.logs.JobEvent;
import dev.ascendcp.jobs.logs.StepRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code status} and {@code step} events, as JSON in the job's event sequence. */
@Component
public class JobEvents {

    private final EventLog log;
    private final JsonMapper json;

    JobEvents(EventLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    public void status(JobView job) {
        log.emit(job.id(), JobEvent.Type.STATUS, null, statusJson(job));
    }

    public void step(UUID jobId, StepView step) {
        log.emit(
                jobId,
                JobEvent.Type.STEP,
                new StepRef(step.id(), step.nodeId(), step.nodeName()),
                json.writeValueAsString(step));
    }

    public String statusJson(JobView job) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", job.id());
        data.put("status", job.status());
        data.put("progress", job.progress());
        data.put("error", job.error());
        data.put("startedAt", job.startedAt());
        data.put("finishedAt", job.finishedAt());
        return json.writeValueAsString(data);
    }
}
