package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobEngineIntegrationTests extends JobsIntegrationTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    dev.ascendcp.audit.AuditLog audit;

    @Test
    void runsSixteenNodesInParallel() throws Exception {
        ClusterTargets cluster = targets.add("fanout", 16);
        CountDownLatch allStarted = new CountDownLatch(16);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    allStarted.countDown();
                    // Every node waits until all 16 are inside their step at the same time: only true overlap passes.
                    boolean overlapped = allStarted.await(10, TimeUnit.SECONDS);
                    concurrent.decrementAndGet();
                    return overlapped ? StepOutcome.succeeded() : StepOutcome.failed("NO_OVERLAP", "alone", null);
                },
                "probe");

        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(maxConcurrent.get()).isEqualTo(16);
        assertThat(job.progress()).isEqualTo(new Progress(16, 16));
    }

    @Test
    void retriesATransientFailureThenSucceedsAndRecordsTheAttempts() throws Exception {
        ClusterTargets cluster = targets.add("busy", 1);
        AtomicInteger calls = new AtomicInteger();
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    ctx.log(LogStream.STDOUT, "attempt " + ctx.attempt());
                    return calls.incrementAndGet() < 3
                            ? StepOutcome.transientFailure("TOOL_BUSY", "hccn_tool is busy, please try again.", 1)
                            : StepOutcome.succeeded();
                },
                "lldp");

        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.steps()).singleElement().satisfies(step -> {
            assertThat(step.attempts()).isEqualTo(3);
            assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
        });
        assertThat(logOf(job)).contains("attempt 1 failed (TOOL_BUSY", "attempt 3");
    }

    @Test
    void givesUpOnAPermanentFailureWithoutRetrying() throws Exception {
        ClusterTargets cluster = targets.add("permanent", 1);
        AtomicInteger calls = new AtomicInteger();
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    calls.incrementAndGet();
                    return StepOutcome.failed("NON_ZERO_EXIT", "link DOWN", 1);
                },
                "link");

        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(calls).hasValue(1);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isNotNull();
        assertThat(job.error().reason()).isEqualTo("NON_ZERO_EXIT");
    }

    @Test
    void aHungStepHitsItsStepTimeout() throws Exception {
        ClusterTargets cluster = targets.add("hung", 1);
        phase.script(
                cluster.clusterId(),
                (request, t) -> JobPlan.builder()
                        .step(t.nodes().get(0), "hang", Duration.ofMillis(500), ctx -> {
                            Thread.sleep(60_000);
                            return StepOutcome.succeeded();
                        })
                        .build());

        long start = System.nanoTime();
        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(job.steps().get(0).reason()).isEqualTo("COMMAND_TIMEOUT");
        assertThat(job.error().reason()).isEqualTo("COMMAND_TIMEOUT");
    }

    @Test
    void aFailingNodeFailsOnlyItselfAndSkipsItsLaterSteps() throws Exception {
        ClusterTargets cluster = targets.add("onebad", 3);
        String bad = cluster.nodes().get(1).nodeName();
        phase.script(
                cluster.clusterId(),
                ctx -> ctx.node().nodeName().equals(bad) && ctx.stepName().equals("first")
                        ? StepOutcome.failed("NON_ZERO_EXIT", "link DOWN", 1)
                        : StepOutcome.succeeded(),
                "first",
                "second",
                "third");

        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        for (StepView step : job.steps()) {
            if (!step.nodeName().equals(bad)) {
                assertThat(step.status())
                        .as(step.nodeName() + " " + step.name())
                        .isEqualTo(StepStatus.SUCCEEDED);
            } else if (step.name().equals("first")) {
                assertThat(step.status()).isEqualTo(StepStatus.FAILED);
            } else {
                assertThat(step.status()).isEqualTo(StepStatus.SKIPPED);
                assertThat(step.attempts()).isZero();
            }
        }
    }

    @Test
    void aStepThatMustStopTheJobStopsTheOtherNodesAndLaterStages() throws Exception {
        ClusterTargets cluster = targets.add("stops", 2);
        phase.script(
                cluster.clusterId(),
                (request, t) -> JobPlan.builder()
                        .step(
                                t.nodes().get(0),
                                "critical-head",
                                ctx -> StepOutcome.failed("PREFLIGHT_FAILED", "no docker", 1))
                        .thenStage()
                        .stepOnEach(t.nodes(), "workers", ctx -> StepOutcome.succeeded())
                        .build());

        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.steps())
                .filteredOn(s -> s.name().equals("workers"))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
    }

    @Test
    void stageTwoStartsOnlyAfterStageOneEndedOnEveryNode() throws Exception {
        ClusterTargets cluster = targets.add("stages", 3);
        Map<String, Long> ended = new ConcurrentHashMap<>();
        List<Long> secondStarts = new java.util.concurrent.CopyOnWriteArrayList<>();
        phase.script(
                cluster.clusterId(),
                (request, t) -> JobPlan.builder()
                        .stepOnEach(t.nodes(), "head", ctx -> {
                            Thread.sleep(100L * (t.nodes().indexOf(ctx.node()) + 1));
                            ctx.attributes().put("head", "10.0.0.1:6379");
                            ended.put(ctx.node().nodeName(), System.nanoTime());
                            return StepOutcome.succeeded();
                        })
                        .thenStage()
                        .stepOnEach(t.nodes(), "worker", ctx -> {
                            secondStarts.add(System.nanoTime());
                            return "10.0.0.1:6379".equals(ctx.attributes().get("head"))
                                    ? StepOutcome.succeeded()
                                    : StepOutcome.failed("NO_HEAD", "no head address", null);
                        })
                        .build());

        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        long lastEnd = ended.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(secondStarts)
                .hasSize(3)
                .allSatisfy(start -> assertThat(start).isGreaterThan(lastEnd));
    }

    @Test
    void cancelRunsTheStepsCancelCallbackAndStopsItsThreadWithinFiveSeconds() throws Exception {
        ClusterTargets cluster = targets.add("cancel", 2);
        CountDownLatch running = new CountDownLatch(2);
        AtomicInteger callbacks = new AtomicInteger();
        AtomicLong stoppedAt = new AtomicLong();
        AtomicInteger stopped = new AtomicInteger();
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    ctx.onCancel(callbacks::incrementAndGet);
                    running.countDown();
                    try {
                        Thread.sleep(120_000);
                        return StepOutcome.succeeded();
                    } finally {
                        stoppedAt.set(System.nanoTime());
                        stopped.incrementAndGet();
                    }
                },
                "hang",
                "after");
        JobView started = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        long cancelAt = System.nanoTime();
        jobs.cancel(started.id());
        JobView job = awaitFinished(started.id());

        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(callbacks).hasValue(2);
        assertThat(stopped).hasValue(2);
        assertThat(Duration.ofNanos(stoppedAt.get() - cancelAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(job.steps())
                .filteredOn(s -> s.name().equals("hang"))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.CANCELLED));
        assertThat(job.steps())
                .filteredOn(s -> s.name().equals("after"))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
        assertThat(job.error().reason()).isEqualTo("CANCELLED");
    }

    @Test
    void theJobDeadlineStopsAJobThatRunsTooLong() throws Exception {
        ClusterTargets cluster = targets.add("deadline", 2);
        phase.script(
                cluster.clusterId(),
                (request, t) -> JobPlan.builder()
                        .deadline(Duration.ofSeconds(1))
                        .stepOnEach(t.nodes(), "slow", ctx -> {
                            Thread.sleep(30_000);
                            return StepOutcome.succeeded();
                        })
                        .stepOnEach(t.nodes(), "later", ctx -> StepOutcome.succeeded())
                        .build());

        long start = System.nanoTime();
        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().reason()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(job.steps())
                .filteredOn(s -> s.name().equals("later"))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
    }

    @Test
    void aSecondJobOnTheSameClusterIsRefusedNamingTheRunningOne() throws Exception {
        ClusterTargets cluster = targets.add("busycluster", 1);
        CountDownLatch release = new CountDownLatch(1);
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    release.await(20, TimeUnit.SECONDS);
                    return StepOutcome.succeeded();
                },
                "wait");
        JobView first = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());

        var response = send(
                "POST",
                "/api/v1/clusters/" + cluster.clusterId() + "/jobs",
                "operator",
                "{\"phase\":\"VERIFY\",\"options\":{}}");
        release.countDown();

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("\"runningJobId\":\"" + first.id() + "\"");
        assertThatThrownBy(() -> jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()))
                .isInstanceOfAny(JobConflictException.class);
        awaitFinished(first.id());
    }

    @Test
    void retryRunsANewJobOverTheFailedNodesOnlyLinkedToTheOriginal() throws Exception {
        ClusterTargets cluster = targets.add("retry", 3);
        String bad = cluster.nodes().get(2).nodeName();
        AtomicInteger failures = new AtomicInteger();
        phase.script(
                cluster.clusterId(),
                ctx -> ctx.node().nodeName().equals(bad) && failures.getAndIncrement() == 0
                        ? StepOutcome.failed("NON_ZERO_EXIT", "link DOWN", 1)
                        : StepOutcome.succeeded(),
                "link");
        JobView original = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        var response = send("POST", "/api/v1/jobs/" + original.id() + "/retry", "operator", null);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/jobs/"));
        String location = response.headers().firstValue("Location").orElseThrow();
        JobView retry = awaitFinished(java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));

        assertThat(retry.retryOf()).isEqualTo(original.id());
        assertThat(retry.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(retry.steps()).extracting(StepView::nodeName).containsExactly(bad);
        assertThat(send("POST", "/api/v1/jobs/" + retry.id() + "/retry", "operator", null)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void startAnswers202WithLocationAndTheJob() throws Exception {
        ClusterTargets cluster = targets.add("api", 2);
        var response = send(
                "POST",
                "/api/v1/clusters/" + cluster.clusterId() + "/jobs",
                "operator",
                "{\"phase\":\"VERIFY\",\"options\":{\"pingCount\":3}}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).isPresent();
        assertThat(response.body())
                .contains(
                        "\"status\":\"QUEUED\"",
                        "\"requestedBy\":\"operator\"",
                        "\"progress\":{\"done\":0,\"total\":2}");
        String id = response.headers().firstValue("Location").orElseThrow().replace("/api/v1/jobs/", "");
        awaitFinished(java.util.UUID.fromString(id));
        assertThat(audit.list(org.springframework.data.domain.PageRequest.of(0, 500))
                        .getContent())
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("operator");
                    assertThat(e.action()).isEqualTo("job.start");
                    assertThat(e.target()).isEqualTo("job:" + id);
                });
        assertThat(send("GET", "/api/v1/jobs?clusterId=" + cluster.clusterId() + "&status=SUCCEEDED", "viewer", null)
                        .body())
                .contains(id, "\"totalElements\":1");
    }

    @Test
    void refusesBadRequestsBeforeAnythingRuns() throws Exception {
        ClusterTargets cluster = targets.add("bad", 1);
        String path = "/api/v1/clusters/" + cluster.clusterId() + "/jobs";
        assertThat(send("POST", path, "operator", "{\"phase\":\"DANCE\"}").statusCode())
                .isEqualTo(400);
        // Every phase is installed in the application; a missing one (422) is shown by PhaseRegistryTests.
        var invalid = send("POST", path, "operator", "{\"phase\":\"VERIFY\",\"options\":{\"pingCount\":0}}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("options.pingCount", "\"rule\":\"min\"");
        assertThat(send(
                                "POST",
                                "/api/v1/clusters/" + java.util.UUID.randomUUID() + "/jobs",
                                "operator",
                                "{\"phase\":\"VERIFY\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/jobs/" + java.util.UUID.randomUUID(), "viewer", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(jobs.list(
                        new JobFilter(cluster.clusterId(), null, null),
                        org.springframework.data.domain.Pageable.unpaged()))
                .isEmpty();
    }

    @Test
    void storesEveryLineBoundedPerStepWithATruncationMarker() throws Exception {
        ClusterTargets cluster = targets.add("chatty", 1);
        phase.script(
                cluster.clusterId(),
                ctx -> {
                    for (int i = 0; i < 1000; i++) {
                        ctx.log(LogStream.STDOUT, String.format("line %04d", i));
                    }
                    return StepOutcome.succeeded();
                },
                "talk");

        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());
        String log = logOf(job);

        assertThat(log).contains("chatty-node-1 | line 0000", "chatty-node-1 | line 0999", "of output dropped here");
        assertThat(log).doesNotContain("line 0500");
        assertThat(log.length()).isLessThan(12_000);
        var response = send("GET", "/api/v1/jobs/" + job.id() + "/log?download=true", "viewer", null);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(response.body().lines().findFirst().orElseThrow())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+ chatty-node-1 \\| line 0000");
    }

    String logOf(JobView job) throws Exception {
        List<String> lines = new ArrayList<>();
        jobs.forEachLine(job.id(), null, line -> lines.add(line.nodeName() + " | " + line.text()));
        return String.join("\n", lines);
    }
}
