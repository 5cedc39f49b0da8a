package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The main-class switch: the {@code simulator} profile, wherever it is given, selects the standalone simulator. */
class StandaloneSimulatorTests {

    @Test
    void isRequestedByTheSimulatorProfileOnTheCommandLine() {
        assertThat(StandaloneSimulator.requested(new String[] {"--spring.profiles.active=simulator"}))
                .isTrue();
        assertThat(StandaloneSimulator.requested(new String[] {"--spring.profiles.active=postgres, simulator"}))
                .isTrue();
    }

    @Test
    void isNotRequestedByOtherProfiles() {
        assertThat(StandaloneSimulator.requested(new String[] {"--spring.profiles.active=demo"}))
                .isFalse();
        assertThat(StandaloneSimulator.requested(new String[] {"--spring.profiles.active=simulators"}))
                .isFalse();
        assertThat(StandaloneSimulator.requested(new String[] {"--ascendcp.simulator.enabled=true"}))
                .isFalse();
    }

    @Test
    void isRequestedByASystemProperty() {
        String previous = System.getProperty("spring.profiles.active");
        System.setProperty("spring.profiles.active", "simulator");
        try {
            assertThat(StandaloneSimulator.requested(new String[0])).isTrue();
        } finally {
            if (previous == null) {
                System.clearProperty("spring.profiles.active");
            } else {
                System.setProperty("spring.profiles.active", previous);
            }
        }
    }
}
