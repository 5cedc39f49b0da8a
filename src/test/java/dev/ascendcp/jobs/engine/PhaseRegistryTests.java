package dev.ascendcp.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.InvalidJobRequestException;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.PhaseKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

class PhaseRegistryTests {

    record FakePhase(PhaseKind kind) implements Phase {
        @Override
        public JobPlan plan(JobRequest request, ClusterTargets targets) {
            return JobPlan.builder().build();
        }
    }

    private static DefaultListableBeanFactory beans() {
        return new DefaultListableBeanFactory();
    }

    private static void register(DefaultListableBeanFactory beans, String name, PhaseKind kind, boolean primary) {
        RootBeanDefinition definition = new RootBeanDefinition(FakePhase.class, () -> new FakePhase(kind));
        definition.setPrimary(primary);
        beans.registerBeanDefinition(name, definition);
    }

    @Test
    void answers422ForAPhaseThatIsNotInstalled() {
        DefaultListableBeanFactory beans = beans();
        register(beans, "verify", PhaseKind.VERIFY, false);

        PhaseRegistry registry = new PhaseRegistry(beans);

        assertThat(registry.kinds()).containsExactly(PhaseKind.VERIFY);
        assertThatThrownBy(() -> registry.get(PhaseKind.SERVE))
                .isInstanceOf(InvalidJobRequestException.class)
                .hasMessageContaining("SERVE");
    }

    @Test
    void refusesTwoPhasesOfOneKindUnlessOneIsPrimary() {
        DefaultListableBeanFactory twice = beans();
        register(twice, "a", PhaseKind.VERIFY, false);
        register(twice, "b", PhaseKind.VERIFY, false);
        assertThatThrownBy(() -> new PhaseRegistry(twice)).hasMessageContaining("Two phases for VERIFY");

        DefaultListableBeanFactory replaced = beans();
        register(replaced, "real", PhaseKind.VERIFY, false);
        register(replaced, "double", PhaseKind.VERIFY, true);
        Phase chosen = new PhaseRegistry(replaced).get(PhaseKind.VERIFY);
        assertThat(chosen).isSameAs(replaced.getBean("double"));
    }
}
