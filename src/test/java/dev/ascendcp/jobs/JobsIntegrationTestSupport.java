package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** One shared application context (in-memory H2, real HTTP port) for the jobs integration tests. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ascendcp.jobs.instance-id=test-replica",
            "ascendcp.jobs.retry-backoff=20ms",
            "ascendcp.jobs.retry-backoff-max=100ms",
            "ascendcp.jobs.cancel-grace=2s",
            "ascendcp.jobs.log-bytes-per-step=4KB"
        })
@Import(TestJobsConfiguration.class)
abstract class JobsIntegrationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JobService jobs;

    @Autowired
    TestTargets targets;

    @Autowired
    ScriptedPhase phase;

    final HttpClient http = HttpClient.newHttpClient();

    JobView awaitJob(UUID jobId, Predicate<JobView> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JobView job = jobs.find(jobId);
        while (System.nanoTime() < end) {
            job = jobs.find(jobId);
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(50);
        }
        return fail("job did not reach the expected state in " + timeout + ": " + job);
    }

    JobView awaitFinished(UUID jobId) throws InterruptedException {
        return awaitJob(jobId, j -> j.status().isTerminal(), Duration.ofSeconds(30));
    }

    HttpResponse<String> send(String method, String path, @Nullable String user, @Nullable String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + TestJobsConfiguration.PASSWORD)
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
