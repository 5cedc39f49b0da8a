package dev.ascendcp.jobs.model;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One row per cluster, locked {@code FOR UPDATE} while a job is admitted, so that two requests (on one replica or
 * several) cannot both start a job on the same cluster. Portable: no partial index needed.
 */
@Component
public class ClusterLocks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    ClusterLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes sure the cluster's row exists, in its own transaction (a concurrent creator may win: that is fine). */
    public void ensureRow(UUID clusterId) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO cluster_lock (cluster_id) SELECT ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM cluster_lock WHERE cluster_id = ?)",
                    clusterId,
                    clusterId));
        } catch (DataIntegrityViolationException concurrentInsert) {
            // Another request created the row first; the lock below serialises us behind it.
        }
    }

    /** Locks the cluster's row until the current transaction ends; answers the job it last admitted. */
    public @Nullable UUID lock(UUID clusterId) {
        List<UUID> jobs = jdbc.query(
                "SELECT job_id FROM cluster_lock WHERE cluster_id = ? FOR UPDATE",
                (rs, i) -> rs.getObject(1, UUID.class),
                clusterId);
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    public void admitted(UUID clusterId, UUID jobId, Instant now) {
        jdbc.update(
                "UPDATE cluster_lock SET job_id = ?, locked_at = ? WHERE cluster_id = ?",
                jobId,
                Timestamp.from(now),
                clusterId);
    }
}
