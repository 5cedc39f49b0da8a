package dev.ascendcp.jobs.model;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lease columns of unfinished jobs: which replica runs a job and until when its claim holds. Single guarded
 * statements, so they need no surrounding transaction.
 */
@Component
public class JobLeases {

    private static final String UNFINISHED = "status IN ('QUEUED', 'RUNNING')";

    private final JdbcTemplate jdbc;

    JobLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Extends this replica's claim; false when the job is no longer ours or no longer unfinished. */
    public boolean renew(UUID jobId, String owner, Instant expiresAt) {
        return jdbc.update(
                        "UPDATE job SET lease_expires_at = ? WHERE id = ? AND owner = ? AND " + UNFINISHED,
                        Timestamp.from(expiresAt),
                        jobId,
                        owner)
                == 1;
    }

    /** A cancel someone asked for, possibly through another replica; {@code by} is null for rows older than it. */
    public record CancelRequest(UUID jobId, @Nullable String by) {}

    /** Jobs of this replica that someone asked (possibly on another replica) to cancel. */
    public List<CancelRequest> cancelRequested(String owner) {
        return jdbc.query(
                "SELECT id, cancel_requested_by FROM job WHERE owner = ? AND cancel_requested = TRUE AND " + UNFINISHED,
                (row, n) -> new CancelRequest(row.getObject(1, UUID.class), row.getString(2)),
                owner);
    }

    /** A stopping replica gives up its claims at once, so that survivors need not wait for the lease to run out. */
    public int releaseAll(String owner, Instant now) {
        return jdbc.update(
                "UPDATE job SET lease_expires_at = ? WHERE owner = ? AND " + UNFINISHED, Timestamp.from(now), owner);
    }

    /** Deletes jobs (their steps and events go with them). */
    public int delete(List<UUID> jobIds) {
        int deleted = 0;
        for (UUID id : jobIds) {
            jdbc.update("DELETE FROM job_event WHERE job_id = ?", id);
            jdbc.update("DELETE FROM job_step WHERE job_id = ?", id);
            jdbc.update("UPDATE cluster_lock SET job_id = NULL WHERE job_id = ?", id);
            deleted += jdbc.update("DELETE FROM job WHERE id = ?", id);
        }
        return deleted;
    }
}
