package dev.ascendcp;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules depend on each other only through their published API and without cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(AscendControlPlaneApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
