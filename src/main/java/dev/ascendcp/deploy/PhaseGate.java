package dev.ascendcp.deploy;

import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.jobs.StepContext;
import java.util.Optional;

/**
 * What a phase's steps cannot say by failing: whether the phase's result as a whole lets a Deploy go on (e.g. a
 * verification whose steps all ran but whose verdict is FAILED). Every step failure stops a Deploy anyway.
 */
public interface PhaseGate {

    /** The phase this gate judges. */
    PhaseKind phase();

    /** Why the next phase must not start, or empty when it may; reads what the phase's steps left in the job. */
    Optional<String> refusal(StepContext context);
}
