package dev.ascendcp;

import dev.ascendcp.simulator.StandaloneSimulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the Ascend Cluster Control Plane; with profile {@code simulator} the same jar runs the standalone
 * simulator instead ({@link StandaloneSimulator}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AscendControlPlaneApplication {

    public static void main(String[] args) {
        if (StandaloneSimulator.requested(args)) {
            StandaloneSimulator.run(args);
        } else {
            SpringApplication.run(AscendControlPlaneApplication.class, args);
        }
    }
}
