package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.ascendcp.jobs.model.Job;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobStatusTests {

    private static final Map<JobStatus, Set<JobStatus>> LEGAL = Map.of(
            JobStatus.QUEUED, EnumSet.of(JobStatus.RUNNING, JobStatus.CANCELLED, JobStatus.INTERRUPTED),
            JobStatus.RUNNING,
                    EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.INTERRUPTED),
            JobStatus.SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            JobStatus.FAILED, EnumSet.noneOf(JobStatus.class),
            JobStatus.CANCELLED, EnumSet.noneOf(JobStatus.class),
            JobStatus.INTERRUPTED, EnumSet.noneOf(JobStatus.class));

    static Stream<Arguments> allPairs() {
        return Arrays.stream(JobStatus.values())
                .flatMap(from -> Arrays.stream(JobStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void allowsExactlyTheDocumentedTransitions(JobStatus from, JobStatus to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(LEGAL.get(from).contains(to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void aggregateAppliesLegalMovesAndRefusesIllegalOnesNamingTheCurrentState(JobStatus from, JobStatus to) {
        Job job = jobIn(from);
        if (LEGAL.get(from).contains(to)) {
            move(job, to);
            assertThat(job.status()).isEqualTo(to);
        } else {
            assertThatIllegalStateException().isThrownBy(() -> move(job, to)).withMessageContaining("it is " + from);
            assertThat(job.status()).isEqualTo(from);
        }
    }

    @Test
    void onlyFinishedStatesAreTerminal() {
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal))
                .containsExactlyInAnyOrder(
                        JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.INTERRUPTED);
    }

    @Test
    void failedJobKeepsItsError() {
        Job job = jobIn(JobStatus.RUNNING);
        job.markFailed(new JobError("NON_ZERO_EXIT", "node-a: lldp: exit 1"), Instant.now());
        assertThat(job.error()).isEqualTo(new JobError("NON_ZERO_EXIT", "node-a: lldp: exit 1"));
        assertThat(job.finishedAt()).isNotNull();
    }

    static Job jobIn(JobStatus status) {
        Job job = new Job(UUID.randomUUID(), "c", PhaseKind.VERIFY, "op", "{}", null, Instant.now());
        if (status == JobStatus.QUEUED) {
            return job;
        }
        if (status == JobStatus.CANCELLED || status == JobStatus.INTERRUPTED) {
            move(job, status);
            return job;
        }
        move(job, JobStatus.RUNNING);
        if (status != JobStatus.RUNNING) {
            move(job, status);
        }
        return job;
    }

    static void move(Job job, JobStatus to) {
        Instant now = Instant.now();
        switch (to) {
            case QUEUED -> throw new IllegalStateException("Job cannot move to QUEUED: it is " + job.status());
            case RUNNING -> job.markRunning("r", now, now.plusSeconds(10), now.plusSeconds(60));
            case SUCCEEDED -> job.markSucceeded(now);
            case FAILED -> job.markFailed(new JobError("X", "x"), now);
            case CANCELLED -> job.markCancelled("by test", now);
            case INTERRUPTED -> job.markInterrupted("by test", now);
        }
    }
}
