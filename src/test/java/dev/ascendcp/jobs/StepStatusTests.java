package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.ascendcp.jobs.model.Job;
import dev.ascendcp.jobs.model.Step;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepStatusTests {

    private static final Map<StepStatus, Set<StepStatus>> LEGAL = Map.of(
            StepStatus.PENDING, EnumSet.of(StepStatus.RUNNING, StepStatus.SKIPPED, StepStatus.CANCELLED),
            StepStatus.RUNNING,
                    EnumSet.of(StepStatus.SUCCEEDED, StepStatus.FAILED, StepStatus.SKIPPED, StepStatus.CANCELLED),
            StepStatus.SUCCEEDED, EnumSet.noneOf(StepStatus.class),
            StepStatus.FAILED, EnumSet.noneOf(StepStatus.class),
            StepStatus.SKIPPED, EnumSet.noneOf(StepStatus.class),
            StepStatus.CANCELLED, EnumSet.noneOf(StepStatus.class));

    static Stream<Arguments> allPairs() {
        return Arrays.stream(StepStatus.values())
                .flatMap(from -> Arrays.stream(StepStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void allowsExactlyTheDocumentedTransitions(StepStatus from, StepStatus to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(LEGAL.get(from).contains(to));
        assertThat(from.isTerminal()).isEqualTo(LEGAL.get(from).isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void stepAppliesLegalMovesAndRefusesIllegalOnesNamingTheCurrentState(StepStatus from, StepStatus to) {
        Step step = stepIn(from);
        if (LEGAL.get(from).contains(to)) {
            move(step, to);
            assertThat(step.status()).isEqualTo(to);
        } else {
            assertThatIllegalStateException().isThrownBy(() -> move(step, to)).withMessageContaining("it is " + from);
            assertThat(step.status()).isEqualTo(from);
        }
    }

    private static Step stepIn(StepStatus status) {
        Job job = new Job(UUID.randomUUID(), "c", PhaseKind.VERIFY, "op", "{}", null, Instant.now());
        Step step = job.addStep(UUID.randomUUID(), "node-a", "lldp", 0, 0);
        if (status == StepStatus.PENDING) {
            return step;
        }
        if (status != StepStatus.RUNNING && status != StepStatus.SUCCEEDED && status != StepStatus.FAILED) {
            move(step, status);
            return step;
        }
        move(step, StepStatus.RUNNING);
        if (status != StepStatus.RUNNING) {
            move(step, status);
        }
        return step;
    }

    private static void move(Step step, StepStatus to) {
        Instant now = Instant.now();
        switch (to) {
            case PENDING -> throw new IllegalStateException("Step cannot move to PENDING: it is " + step.status());
            case RUNNING -> {
                if (step.status() != StepStatus.PENDING) {
                    throw new IllegalStateException("Step cannot start: it is " + step.status());
                }
                step.markAttempt(1, now);
            }
            case SUCCEEDED -> step.markSucceeded(null, 0, now);
            case FAILED -> step.markFailed("NON_ZERO_EXIT", "exit 1", 1, now);
            case SKIPPED -> step.markSkipped("skipped", now);
            case CANCELLED -> step.markCancelled("cancelled", now);
        }
    }
}
