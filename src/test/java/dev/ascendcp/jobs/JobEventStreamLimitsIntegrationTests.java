package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The caps on concurrent SSE viewers (3 in all, 2 per job here) and the release of a viewer's slot when its stream
 * ends, it goes away or it is dropped. Tomcat's write timeout (which bounds a blocked write) is 2 s here.
 */
@TestPropertySource(
        properties = {
            "ascendcp.jobs.events.max-viewers=3",
            "ascendcp.jobs.events.max-viewers-per-job=2",
            "ascendcp.jobs.events.retry-after=7s",
            "server.tomcat.connection-timeout=2s"
        })
class JobEventStreamLimitsIntegrationTests extends JobsIntegrationTestSupport {

    @Autowired
    org.springframework.context.ApplicationContext context;

    dev.ascendcp.jobs.web.JobEventStreamsProbe probe;

    @org.junit.jupiter.api.BeforeEach
    void probe() {
        probe = new dev.ascendcp.jobs.web.JobEventStreamsProbe(context);
    }

    @Autowired
    dev.ascendcp.jobs.logs.JobEventBus bus;

    @Test
    void viewersBeyondTheCapsGet503WithRetryAfterTheOthersKeepStreamingAndAFreedSlotIsReused() throws Exception {
        ClusterTargets a = targets.add("cap-a", 1);
        ClusterTargets b = targets.add("cap-b", 1);
        CountDownLatch speak = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        for (ClusterTargets cluster : List.of(a, b)) {
            phase.script(
                    cluster.clusterId(),
                    ctx -> {
                        ctx.log(LogStream.STDOUT, "first");
                        speak.await(30, TimeUnit.SECONDS);
                        ctx.log(LogStream.STDOUT, "after the refusals");
                        // Ticks until the end: a viewer that went away is noticed at a write to it.
                        while (!end.await(200, TimeUnit.MILLISECONDS)) {
                            ctx.log(LogStream.STDOUT, "tick");
                        }
                        return StepOutcome.succeeded();
                    },
                    "hold");
        }
        JobView jobA = jobs.start(a.clusterId(), PhaseKind.VERIFY, Map.of());
        JobView jobB = jobs.start(b.clusterId(), PhaseKind.VERIFY, Map.of());
        List<Viewer> open = new ArrayList<>();
        try {
            open.add(Viewer.open(this, jobA.id()));
            open.add(Viewer.open(this, jobA.id()));

            HttpResponse<String> perJob = refused(jobA.id());
            assertThat(perJob.statusCode()).isEqualTo(503);
            assertThat(perJob.headers().firstValue("Retry-After")).contains("7");
            assertThat(perJob.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(perJob.body())
                    .contains("too-many-viewers")
                    .contains("\"scope\":\"job\"")
                    .contains("\"limit\":2");

            open.add(Viewer.open(this, jobB.id()));
            HttpResponse<String> overall = refused(jobB.id());
            assertThat(overall.statusCode()).isEqualTo(503);
            assertThat(overall.headers().firstValue("Retry-After")).contains("7");
            assertThat(overall.body()).contains("\"scope\":\"server\"").contains("\"limit\":3");
            assertThat(probe.viewers()).isEqualTo(3);

            // The admitted viewers keep streaming.
            speak.countDown();
            for (Viewer viewer : open) {
                viewer.awaitText("after the refusals");
            }

            // One goes away: its slot is given back, and a new viewer of that job is admitted.
            open.remove(0).close();
            awaitTrue(() -> probe.viewers() == 2, "the closed viewer's slot is released", Duration.ofSeconds(30));
            open.add(Viewer.open(this, jobA.id()));
            open.get(open.size() - 1).awaitText("after the refusals");
        } finally {
            speak.countDown();
            end.countDown();
            for (Viewer viewer : open) {
                viewer.close();
            }
        }
        assertThat(awaitFinished(jobA.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(awaitFinished(jobB.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        // Streams that ended with their job give their slots back.
        awaitTrue(() -> probe.viewers() == 0, "all slots are released", Duration.ofSeconds(30));
    }

    @Test
    void aDroppedViewerThatNeverReadsGivesBackItsSlotAndThreadWithinTheWriteTimeout() throws Exception {
        ClusterTargets cluster = targets.add("cap-slow", 1);
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        String padding = "x".repeat(160);
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    subscribed.await(20, TimeUnit.SECONDS);
                    for (int i = 0; i < 60_000; i++) {
                        ctx.log(LogStream.STDOUT, "line " + i + " " + padding);
                    }
                    // The job goes on: only the dropped viewer's own write may end its pump.
                    end.await(60, TimeUnit.SECONDS);
                    return StepOutcome.succeeded();
                },
                "loud");
        JobView job = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
        try (Socket viewer = new Socket()) {
            viewer.setReceiveBufferSize(4096);
            viewer.connect(new InetSocketAddress("localhost", port));
            viewer.getOutputStream()
                    .write(("GET /api/v1/jobs/" + job.id() + "/events HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Accept: text/event-stream\r\nAuthorization: " + basic() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            awaitTrue(() -> bus.viewers(job.id()) == 1, "the viewer is subscribed", Duration.ofSeconds(20));
            assertThat(probe.viewers()).isEqualTo(1);
            subscribed.countDown();

            awaitTrue(() -> bus.viewers(job.id()) == 0, "the viewer is dropped", Duration.ofSeconds(30));
            long dropped = System.nanoTime();
            // Its pump is blocked writing to a socket nobody reads; the write timeout (2 s) ends it.
            awaitTrue(
                    () -> probe.viewers() == 0 && probe.pumpsBusy() == 0,
                    "the dropped viewer's slot and thread are freed",
                    Duration.ofSeconds(15));
            System.out.printf(
                    "dropped viewer's slot freed %d ms after the drop%n",
                    Duration.ofNanos(System.nanoTime() - dropped).toMillis());
            assertThat(jobs.find(job.id()).status()).isEqualTo(JobStatus.RUNNING);
            // Its slot is free for another viewer, while the never-reading socket is still open.
            assertThat(viewer.isClosed()).isFalse();
            Viewer next = Viewer.open(this, job.id());
            next.close();
        } finally {
            end.countDown();
        }
        assertThat(awaitFinished(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    private HttpResponse<String> refused(UUID jobId) throws Exception {
        return http.send(request(jobId).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(UUID jobId) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs/" + jobId + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", basic());
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(("viewer:" + TestJobsConfiguration.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitTrue(BooleanSupplier condition, String what, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(20);
        }
    }

    /** An open event stream, read on its own thread. */
    static final class Viewer implements AutoCloseable {
        private final InputStream body;
        private final StringBuffer got = new StringBuffer();
        private final Thread reader;

        private Viewer(InputStream body) {
            this.body = body;
            this.reader = new Thread(this::read, "test-viewer");
            reader.setDaemon(true);
            reader.start();
        }

        static Viewer open(JobEventStreamLimitsIntegrationTests test, UUID jobId) throws Exception {
            HttpResponse<InputStream> response =
                    test.http.send(test.request(jobId).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).as("viewer admitted").isEqualTo(200);
            return new Viewer(response.body());
        }

        private void read() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = body.read(buffer)) != -1) {
                    got.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException closed) {
                // closed by the test
            }
        }

        void awaitText(String text) throws Exception {
            awaitTrue(() -> got.indexOf(text) >= 0, "the viewer got " + text, Duration.ofSeconds(20));
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.interrupt();
        }
    }
}
