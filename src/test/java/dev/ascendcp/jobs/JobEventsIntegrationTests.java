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

    private List<Event> read(java.util.UUID jobId, @Nullable Long lastEventId, int max) throws Exception {
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
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
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
                } else if (line.isEmpty() && id != null) {
                    events.add(new Event(id, name, data.toString()));
                    id = null;
                    name = null;
                    data.setLength(0);
                }
            }
        }
        return events;
    }
}
