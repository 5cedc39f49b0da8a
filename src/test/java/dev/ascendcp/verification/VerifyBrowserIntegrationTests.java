package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.ExternalService;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private static final Path FRONTEND = Path.of("frontend");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;

    @Test
    void verifiesFromTheBrowserAndShowsALinkDownFault() throws Exception {
        boolean node = commandWorks("node", "--version");
        boolean modules = Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core"));
        ExternalService.require(
                "Chromium",
                Files.isExecutable(CHROMIUM) && node && modules,
                "needs /usr/bin/chromium, node and frontend/node_modules (npm ci in frontend/)");
        Path shots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        Path log = Path.of("target", "browser-test.log").toAbsolutePath();
        // node 20 takes files, not a directory: every *.spec.mjs under frontend/tests, one file at a time (they
        // share the demo cluster, which runs one job at a time)
        java.util.List<String> command =
                new java.util.ArrayList<>(java.util.List.of("node", "--test", "--test-concurrency=1"));
        try (var specs = Files.list(FRONTEND.resolve("tests"))) {
            specs.map(p -> "tests/" + p.getFileName())
                    .filter(name -> name.endsWith(".spec.mjs"))
                    .sorted()
                    .forEach(command::add);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ASCENDCP_BASE_URL", "http://localhost:" + port);
        env.put("ASCENDCP_USER", "admin");
        env.put("ASCENDCP_PASSWORD", PASSWORD);
        env.put("ASCENDCP_CLUSTER", "demo");
        env.put("ASCENDCP_SCREENSHOTS", shots.toString());
        Process process = builder.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the browser test ended in 5 minutes").isTrue();
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(process.exitValue())
                .as("node --test tests/ exit status; its output:%n%s", output)
                .isZero();
        assertThat(shots.resolve("verify-all-green.png")).exists();
        assertThat(shots.resolve("verify-link-down.png")).exists();
        assertThat(shots.resolve("verify-live.png")).exists();
        assertThat(shots.resolve("job-cancelled.png")).exists();
        assertThat(shots.resolve("job-retried.png")).exists();
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
