package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.InvalidJobRequestException;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.PhaseKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The phases installed as Spring beans, one per kind. Two phases of one kind stop start-up, unless exactly one of them
 * is {@code @Primary}: that one replaces the other (e.g. a scripted test phase in place of the real one).
 */
@Component
public class PhaseRegistry {

    private final Map<PhaseKind, Phase> phases = new EnumMap<>(PhaseKind.class);

    PhaseRegistry(ConfigurableListableBeanFactory beans) {
        Map<PhaseKind, Boolean> primary = new EnumMap<>(PhaseKind.class);
        for (String name : beans.getBeanNamesForType(Phase.class)) {
            Phase phase = beans.getBean(name, Phase.class);
            boolean isPrimary = beans.containsBeanDefinition(name)
                    && beans.getBeanDefinition(name).isPrimary();
            Phase previous = phases.get(phase.kind());
            if (previous == null) {
                phases.put(phase.kind(), phase);
                primary.put(phase.kind(), isPrimary);
            } else if (isPrimary != primary.get(phase.kind())) {
                if (isPrimary) {
                    phases.put(phase.kind(), phase);
                    primary.put(phase.kind(), true);
                }
            } else {
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
