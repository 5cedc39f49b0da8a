package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobEventsIntegrationTests extends JobsIntegrationTestSupport {

    record Event(long id, String name, String data) {}

    @Test
    void eventsArriveInOrderAndAReconnectWithLastEventIdMissesNone() throws Exception {
        ClusterTargets cluster = targets.add("sse", 2);
        CountDownLatch firstHalfRead = new CountDownLatch(1);
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    for (int i = 0; i < 20; i++) {
                        ctx.log(LogStream.STDOUT, ctx.node().nodeName() + " line " + i);
                        if (i == 10) {
                            firstHalfRead.await(10, TimeUnit.SECONDS);
                        }
                        Thread.sleep(10);
                    }
                    return StepOutcome.succeeded();
                },
                "talk");
        JobView job = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());

        List<Event> first = read(job.id(), null, 15);
        firstHalfRead.countDown();
        List<Event> second = read(job.id(), first.get(first.size() - 1).id(), Integer.MAX_VALUE);
        awaitFinished(job.id());

        List<Event> all = new ArrayList<>(first);
        all.addAll(second);
        long[] ids = all.stream().mapToLong(Event::id).toArray();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids)
                .containsExactly(LongStream.rangeClosed(1, ids[ids.length - 1]).toArray());
        assertThat(all).extracting(Event::name).contains("status", "step", "log");
        assertThat(all.get(all.size() - 1).data()).contains("\"status\":\"SUCCEEDED\"");
        assertThat(all).filteredOn(e -> e.name().equals("log")).hasSize(40);
        // A fresh viewer of the finished job replays exactly the same sequence from the database.
        assertThat(read(job.id(), null, Integer.MAX_VALUE))
                .extracting(Event::id)
                .containsExactly(all.stream().map(Event::id).toArray(Long[]::new));
    }

    @Test
    void aViewerThatNeverReadsDoesNotSlowTheJobAndIsDropped() throws Exception {
        ClusterTargets cluster = targets.add("sse-slow", 1);
        java.util.concurrent.atomic.AtomicReference<CountDownLatch> viewerReady =
                new java.util.concurrent.atomic.AtomicReference<>(new CountDownLatch(0));
        String padding = "x".repeat(160);
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    viewerReady.get().await(20, TimeUnit.SECONDS);
                    long start = System.nanoTime();
                    for (int i = 0; i < LOUD_LINES; i++) {
                        ctx.log(LogStream.STDOUT, "line " + i + " " + padding);
                    }
                    outputTook.set(Duration.ofNanos(System.nanoTime() - start));
                    return StepOutcome.succeeded();
                },
                "loud");
        runLoudJob(cluster); // warm-up
        Duration alone = runLoudJob(cluster);

        CountDownLatch subscribed = new CountDownLatch(1);
        viewerReady.set(subscribed);
        JobView job = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
        try (java.net.Socket viewer = new java.net.Socket()) {
            // A tiny receive window and no reads at all: the server's writes to it block as soon as buffers fill.
            viewer.setReceiveBufferSize(4096);
            viewer.connect(new java.net.InetSocketAddress("localhost", port));
            viewer.getOutputStream()
                    .write(("GET /api/v1/jobs/" + job.id() + "/events HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Accept: text/event-stream\r\nAuthorization: " + basic("viewer") + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            awaitTrue(() -> bus.viewers(job.id()) == 1, "the viewer is subscribed");
            subscribed.countDown();

            JobView done = awaitFinished(job.id());
            Duration watched = outputTook.get();

            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(bus.viewers(job.id())).as("the slow viewer was dropped").isZero();
            System.out.printf(
                    "loud step's output: %d ms alone, %d ms with a viewer that never reads%n",
                    alone.toMillis(), watched.toMillis());
            assertThat(watched)
                    .as("with the slow viewer (alone: %s)", alone)
                    .isLessThan(alone.multipliedBy(3).plusSeconds(2));

            // What the dropped viewer got, once it reads: events in order, none of the stored ones missing up to
            // where it was dropped, and the end of the stream before the job's end (the step keeps only 4 KB of its
            // output, so the middle of it is not stored; the stored truncation marker's id comes before the lines it
            // was reserved ahead of, so a live viewer gets it only as an update without id, not counted here).
            List<Event> got = readEvents(dechunk(viewer.getInputStream()), Integer.MAX_VALUE);
            assertThat(got).isNotEmpty();
            long[] ids = got.stream().mapToLong(Event::id).toArray();
            long lastGot = ids[ids.length - 1];
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(got).filteredOn(e -> e.name().equals("log")).hasSizeLessThan(LOUD_LINES);
            assertThat(got).noneMatch(e -> e.name().equals("status") && e.data().contains("SUCCEEDED"));
            List<Long> storedUpToThere = read(job.id(), null, Integer.MAX_VALUE).stream()
                    .filter(e -> e.id() <= lastGot && !e.data().contains("of output dropped here"))
                    .map(Event::id)
                    .toList();
            assertThat(storedUpToThere).isNotEmpty();
            assertThat(got).extracting(Event::id).containsAll(storedUpToThere);
            List<Event> rest = read(job.id(), lastGot, Integer.MAX_VALUE);
            assertThat(rest.get(0).id()).isGreaterThan(lastGot);
            assertThat(rest.get(rest.size() - 1).data()).contains("\"status\":\"SUCCEEDED\"");
        }
    }

    @Test
    void aViewerGetsNoRecentEventsThatDoNotContinueTheStoredOnesAndIsToldToReconnect() throws Exception {
        ClusterTargets cluster = targets.add("sse-gap", 1);
        CountDownLatch release = new CountDownLatch(1);
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    ctx.log(LogStream.STDOUT, "stored line");
                    release.await(30, TimeUnit.SECONDS);
                    return StepOutcome.succeeded();
                },
                "wait");
        JobView job = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
        try {
            awaitTrue(() -> storedLines(job.id()).contains("stored line"), "the first line is stored");
            long stored = eventStore.maxSeq(job.id());
            // Events published live but not stored yet, whose beginning has already left the recent ring: a viewer
            // that got the ring after the stored events would miss stored+1 … stored+999 for good.
            java.time.Instant now = java.time.Instant.now();
            for (long seq = stored + 1000; seq < stored + 1000 + 2L * 4096; seq++) {
                bus.publish(new dev.ascendcp.jobs.logs.JobEvent(
                        job.id(),
                        seq,
                        dev.ascendcp.jobs.logs.JobEvent.Type.LOG,
                        now,
                        null,
                        null,
                        null,
                        LogStream.STDOUT,
                        "not stored yet " + seq));
            }

            List<Event> got = readFor(job.id(), Duration.ofSeconds(10));

            assertThat(got)
                    .extracting(Event::id)
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(id).isLessThanOrEqualTo(stored));
            assertThat(got)
                    .extracting(Event::id)
                    .containsExactly(LongStream.rangeClosed(1, stored).boxed().toArray(Long[]::new));
        } finally {
            release.countDown();
        }
        assertThat(awaitFinished(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void theTruncationMarkerOfAStepThatOutgrowsItsBoundReachesLiveViewersReplaysAndTheLog() throws Exception {
        ClusterTargets cluster = targets.add("sse-marker", 1);
        CountDownLatch watched = new CountDownLatch(1);
        String padding = "y".repeat(80);
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    watched.await(20, TimeUnit.SECONDS);
                    // 300 lines of ~95 bytes: far over the 4 KB this context keeps per step.
                    for (int i = 0; i < 300; i++) {
                        ctx.log(LogStream.STDOUT, "line " + i + " " + padding);
                        if (i % 50 == 0) {
                            Thread.sleep(250); // more than one flush while the step runs
                        }
                    }
                    return StepOutcome.succeeded();
                },
                "loud");
        JobView job = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        List<Event> live;
        try {
            java.util.concurrent.Future<List<Event>> watching =
                    reader.submit(() -> read(job.id(), null, Integer.MAX_VALUE, true));
            awaitTrue(() -> bus.viewers(job.id()) == 1, "the viewer is subscribed");
            watched.countDown();
            live = watching.get(30, TimeUnit.SECONDS);
        } finally {
            reader.shutdownNow();
        }
        assertThat(awaitFinished(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);

        List<Event> stored = read(job.id(), null, Integer.MAX_VALUE);
        List<Event> storedMarkers = stored.stream()
                .filter(e -> e.name().equals("log") && e.data().contains("\"dropped\""))
                .toList();
        assertThat(storedMarkers).hasSize(1);
        Event marker = storedMarkers.get(0);
        JsonNode markerData = json.readTree(marker.data());
        long droppedLines = markerData.get("dropped").get("lines").asLong();
        assertThat(droppedLines).isPositive();
        assertThat(markerData.get("dropped").get("bytes").asLong()).isGreaterThanOrEqualTo(droppedLines * 88);
        assertThat(markerData.get("seq").asLong()).isEqualTo(marker.id());
        assertThat(markerData.get("stream").asString()).isEqualTo("SYSTEM");
        assertThat(markerData.get("nodeName").asString()).isNotBlank();
        // Stored at its place: after the kept head (line 0 …), before the kept tail (… line 299).
        long firstLine = idOf(stored, "line 0 ");
        long lastLine = idOf(stored, "line 299 ");
        assertThat(marker.id()).isGreaterThan(firstLine).isLessThan(lastLine);
        assertThat(stored.stream()
                        .filter(e -> e.id() > marker.id() && e.data().contains("\"text\":\"line "))
                        .count())
                .as("the tail is smaller than all lines after the head")
                .isLessThan(300);

        // The live viewer got the marker before the job's end, naming the same line (seq) and, last, the same counts.
        List<Event> liveMarkers = live.stream()
                .filter(e -> e.name().equals("log") && e.data().contains("\"dropped\""))
                .toList();
        assertThat(liveMarkers).isNotEmpty();
        int endIndex = indexOfTerminal(live);
        assertThat(live.indexOf(liveMarkers.get(liveMarkers.size() - 1))).isLessThan(endIndex);
        assertThat(liveMarkers)
                .allSatisfy(e ->
                        assertThat(json.readTree(e.data()).get("seq").asLong()).isEqualTo(marker.id()));
        JsonNode lastLive =
                json.readTree(liveMarkers.get(liveMarkers.size() - 1).data());
        assertThat(lastLive.get("dropped").get("lines").asLong()).isEqualTo(droppedLines);
        // The id a live viewer resumes from never goes back: the ids it got are in order.
        assertThat(live.stream().mapToLong(Event::id).filter(id -> id > 0).toArray())
                .isSorted()
                .doesNotHaveDuplicates();

        // A reconnect from inside the head gets the marker in stored order.
        List<Event> resumed = read(job.id(), firstLine, Integer.MAX_VALUE);
        assertThat(resumed).extracting(Event::id).isSorted().contains(marker.id());
        Event resumedMarker =
                resumed.stream().filter(e -> e.id() == marker.id()).findFirst().orElseThrow();
        assertThat(json.readTree(resumedMarker.data())
                        .get("dropped")
                        .get("lines")
                        .asLong())
                .isEqualTo(droppedLines);
        assertThat(resumed)
                .extracting(Event::id)
                .containsExactly(stored.stream()
                        .map(Event::id)
                        .filter(id -> id > firstLine)
                        .toArray(Long[]::new));

        // The stored text log shows it between head and tail.
        String text =
                send("GET", "/api/v1/jobs/" + job.id() + "/log", "viewer", null).body();
        int at = text.indexOf(droppedLines + " lines) of output dropped here");
        assertThat(at).isPositive();
        assertThat(text.indexOf("| line 0 ")).isLessThan(at);
        assertThat(text.indexOf("| line 299 ")).isGreaterThan(at);
    }

    private static long idOf(List<Event> events, String textStart) {
        return events.stream()
                .filter(e -> e.name().equals("log") && e.data().contains("\"text\":\"" + textStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + textStart))
                .id();
    }

    private static int indexOfTerminal(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).name().equals("status") && events.get(i).data().contains("SUCCEEDED")) {
                return i;
            }
        }
        throw new AssertionError("no final status");
    }

    @org.springframework.beans.factory.annotation.Autowired
    tools.jackson.databind.json.JsonMapper json;

    @org.springframework.beans.factory.annotation.Autowired
    dev.ascendcp.jobs.logs.EventStore eventStore;

    private List<String> storedLines(java.util.UUID jobId) {
        List<String> lines = new ArrayList<>();
        jobs.forEachLine(jobId, null, line -> lines.add(line.text()));
        return lines;
    }

    /** The events of one connection, which must end by itself within {@code limit}. */
    private List<Event> readFor(java.util.UUID jobId, Duration limit) throws Exception {
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return reader.submit(() -> read(jobId, null, Integer.MAX_VALUE))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            reader.shutdownNow();
        }
    }

    private static final int LOUD_LINES = 60_000;

    @org.springframework.beans.factory.annotation.Autowired
    dev.ascendcp.jobs.logs.JobEventBus bus;

    /** How long the loud step took to write its output, the last time it ran. */
    private final java.util.concurrent.atomic.AtomicReference<Duration> outputTook =
            new java.util.concurrent.atomic.AtomicReference<>();

    private Duration runLoudJob(ClusterTargets cluster) throws Exception {
        JobView done = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        return outputTook.get();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(20);
        }
    }

    /** The body of an HTTP/1.1 response with chunked transfer encoding, read from the raw socket stream. */
    private static InputStream dechunk(InputStream raw) throws java.io.IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(raw));
        String line;
        while (!(line = asciiLine(in)).isEmpty()) {
            if (line.startsWith("HTTP/1.1")) {
                assertThat(line).contains(" 200");
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            while (true) {
                String size = asciiLine(in).trim();
                if (size.isEmpty()) {
                    continue;
                }
                int n = Integer.parseInt(size.split(";")[0], 16);
                if (n == 0) {
                    break;
                }
                byte[] chunk = new byte[n];
                in.readFully(chunk);
                body.write(chunk);
            }
        } catch (java.io.EOFException | java.net.SocketException closed) {
            // The server closed the connection: what came so far is what the viewer got.
        }
        return new java.io.ByteArrayInputStream(body.toByteArray());
    }

    private static String asciiLine(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        if (c == -1 && line.isEmpty()) {
            throw new java.io.EOFException();
        }
        return line.toString();
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + TestJobsConfiguration.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private List<Event> read(java.util.UUID jobId, @Nullable Long lastEventId, int max) throws Exception {
        return read(jobId, lastEventId, max, false);
    }

    private List<Event> read(java.util.UUID jobId, @Nullable Long lastEventId, int max, boolean updates)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/jobs/" + jobId + "/events"))
                .header("Accept", "text/event-stream")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("viewer:" + TestJobsConfiguration.PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return readEvents(response.body(), max, updates);
    }

    private static List<Event> readEvents(InputStream body, int max) throws java.io.IOException {
        return readEvents(body, max, false);
    }

    /** The events of a stream; with {@code updates}, also those without an id (as id -1). */
    static List<Event> readEvents(InputStream body, int max, boolean updates) throws java.io.IOException {
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            Long id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (events.size() < max && (line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && (id != null || (updates && name != null))) {
                    events.add(new Event(id == null ? -1 : id, name, data.toString()));
                    id = null;
                    name = null;
                    data.setLength(0);
                }
            }
        }
        return events;
    }
}
