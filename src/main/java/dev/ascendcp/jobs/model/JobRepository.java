package dev.ascendcp.jobs.model;

import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.PhaseKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JobRepository extends JpaRepository<Job, UUID> {

    @Query("select j from Job j where (:clusterId is null or j.clusterId = :clusterId)"
            + " and (:phase is null or j.phase = :phase) and (:status is null or j.status = :status)")
    Page<Job> search(
            @Param("clusterId") @Nullable UUID clusterId,
            @Param("phase") @Nullable PhaseKind phase,
            @Param("status") @Nullable JobStatus status,
            Pageable pageable);

    @Query("select j.id from Job j where j.status in :statuses and (j.owner = :owner"
            + " or j.owner is null or j.leaseExpiresAt is null or j.leaseExpiresAt < :now)")
    List<UUID> findOrphans(
            @Param("statuses") Collection<JobStatus> statuses, @Param("owner") String owner, @Param("now") Instant now);

    @Query(
            "select j.id from Job j where j.status in :statuses and (j.leaseExpiresAt is null or j.leaseExpiresAt < :now)")
    List<UUID> findExpired(@Param("statuses") Collection<JobStatus> statuses, @Param("now") Instant now);

    @Query("select j.id from Job j where j.status in :statuses and j.finishedAt < :before")
    List<UUID> findFinishedBefore(@Param("statuses") Collection<JobStatus> statuses, @Param("before") Instant before);
}
