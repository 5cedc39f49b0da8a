package dev.ascendcp.serving;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Access mode {@code tunnel}: every request to the endpoint goes through an SSH local port forward to the head. */
@SpringBootTest(
        properties = {
            "ascendcp.serving.access=tunnel",
            "ascendcp.serving.poll-interval=200ms",
            "ascendcp.serving.readiness-timeout=20s",
            "ascendcp.serving.health-check-interval=1h"
        })
@AutoConfigureMockMvc
class ServeTunnelIntegrationTests extends TunnelledServing {}
