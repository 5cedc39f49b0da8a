package dev.ascendcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs browser specs under {@code frontend/tests} with node's test runner (playwright-core driving Debian's
 * chromium), one file at a time, and fails the calling test when node fails. Skips (fails on CI) when chromium, node
 * or {@code frontend/node_modules} are absent.
 */
public final class BrowserSpecs {

    private static final Path FRONTEND = Path.of("frontend");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserSpecs() {}

    /** Skips the calling test, or fails it on CI, unless a browser test can run here. */
    public static void require() {
        boolean node = commandWorks("node", "--version");
        boolean modules = Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core"));
        ExternalService.require(
                "Chromium",
                Files.isExecutable(CHROMIUM) && node && modules,
                "needs /usr/bin/chromium, node and frontend/node_modules (npm ci in frontend/)");
    }

    /** The screenshot directory, {@code target/screenshots}, created if needed. */
    public static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());
    }

    /** Every {@code *.spec.mjs} directly under {@code frontend/tests} (not in subdirectories), relative to frontend/. */
    public static List<String> topLevelSpecs() throws IOException {
        try (Stream<Path> files = Files.list(FRONTEND.resolve("tests"))) {
            return files.map(p -> "tests/" + p.getFileName())
                    .filter(name -> name.endsWith(".spec.mjs"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Runs the specs (paths relative to {@code frontend/}) with the given environment added, writes node's output to
     * {@code target/<logName>}, prints it, and asserts that node ended in time with status 0.
     *
     * @return node's output
     */
    public static String run(List<String> specs, Map<String, String> env, String logName, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Path.of("target", logName).toAbsolutePath();
        // node 20 takes files, not a directory; one file at a time: specs may share one cluster, which runs one job
        // at a time
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1"));
        command.addAll(specs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(ended)
                .as("the browser test ended within %s; its output:%n%s", timeout, output)
                .isTrue();
        assertThat(process.exitValue())
                .as("node --test %s exit status; its output:%n%s", specs, output)
                .isZero();
        return output;
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
