package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.BrowserSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starts the demo profile on a random port and runs the browser test {@code frontend/tests/verify.spec.mjs} (node's
 * test runner, playwright-core, Debian chromium) against it; fails when node fails. Skipped (failed on CI) when
 * chromium, node or {@code frontend/node_modules} are absent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ascendcp.security.admin-password=" + VerifyBrowserIntegrationTests.PASSWORD,
            "ascendcp.simulator.host-key-dir=target/test-data/browser/simulator",
            "ascendcp.demo.key-dir=target/test-data/browser/demo",
            "ascendcp.simulator.hccn-latency=5ms"
        })
@ActiveProfiles("demo")
class VerifyBrowserIntegrationTests {

    static final String PASSWORD = "Browser-Test-Pa55word";

    @LocalServerPort
    int port;

    @Test
    void verifiesFromTheBrowserAndShowsALinkDownFault() throws Exception {
        BrowserSpecs.require();
        Path shots = BrowserSpecs.screenshots();
        BrowserSpecs.run(
                BrowserSpecs.topLevelSpecs(),
                Map.of(
                        "ASCENDCP_BASE_URL",
                        "http://localhost:" + port,
                        "ASCENDCP_USER",
                        "admin",
                        "ASCENDCP_PASSWORD",
                        PASSWORD,
                        "ASCENDCP_CLUSTER",
                        "demo",
                        "ASCENDCP_SCREENSHOTS",
                        shots.toString()),
                "browser-test.log",
                Duration.ofMinutes(5));
        assertThat(shots.resolve("verify-all-green.png")).exists();
        assertThat(shots.resolve("verify-link-down.png")).exists();
        assertThat(shots.resolve("verify-live.png")).exists();
        assertThat(shots.resolve("job-cancelled.png")).exists();
        assertThat(shots.resolve("job-retried.png")).exists();
    }
}
