package dev.ascendcp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Ascend Cluster Control Plane. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AscendControlPlaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(AscendControlPlaneApplication.class, args);
    }
}
