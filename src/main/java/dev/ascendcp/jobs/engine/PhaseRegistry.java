package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.InvalidJobRequestException;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.PhaseKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The phases installed as Spring beans, one per kind. */
@Component
public class PhaseRegistry {

    private final Map<PhaseKind, Phase> phases = new EnumMap<>(PhaseKind.class);

    PhaseRegistry(ObjectProvider<Phase> phases) {
        for (Phase phase : phases.orderedStream().toList()) {
            Phase previous = this.phases.put(phase.kind(), phase);
            if (previous != null) {
                throw new IllegalStateException("Two phases for " + phase.kind() + ": "
                        + previous.getClass().getName() + " and "
                        + phase.getClass().getName());
            }
        }
    }

    /** The phase of this kind, or 422 when none is installed. */
    public Phase get(PhaseKind kind) {
        Phase phase = phases.get(kind);
        if (phase == null) {
            throw InvalidJobRequestException.phaseNotAvailable(kind);
        }
        return phase;
    }

    public Set<PhaseKind> kinds() {
        return phases.keySet();
    }
}
