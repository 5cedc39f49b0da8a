package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.AscendControlPlaneApplication;
import dev.ascendcp.jobs.engine.Retention;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class JobRecoveryIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void aJobLeftRunningByAStoppedApplicationIsInterruptedWithItsLogIntact() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        UUID jobId;
        CountDownLatch logged = new CountDownLatch(1);
        try (ConfigurableApplicationContext first = start(url)) {
            ClusterTargets cluster = first.getBean(TestTargets.class).add("restart", 1);
            first.getBean(ScriptedPhase.class)
                    .script(
                            cluster.clusterId(),
                            ctx -> {
                                for (int i = 0; i < 5; i++) {
                                    ctx.log(LogStream.STDOUT, "before stop " + i);
                                }
                                logged.countDown();
                                Thread.sleep(60_000);
                                return StepOutcome.succeeded();
                            },
                            "hang");
            jobId = first.getBean(JobService.class)
                    .start(cluster.clusterId(), PhaseKind.VERIFY, Map.of())
                    .id();
            assertThat(logged.await(20, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(600);
        }

        try (ConfigurableApplicationContext second = start(url)) {
            JobService jobs = second.getBean(JobService.class);
            JobView job = jobs.find(jobId);
            assertThat(job.status()).isEqualTo(JobStatus.INTERRUPTED);
            assertThat(job.error().reason()).isEqualTo("INTERRUPTED");
            assertThat(job.steps())
                    .singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.CANCELLED));
            List<String> lines = new ArrayList<>();
            jobs.forEachLine(jobId, null, line -> lines.add(line.text()));
            assertThat(lines).containsSubsequence("before stop 0", "before stop 4");

            assertThat(second.getBean(Retention.class)
                            .purgeFinishedBefore(Instant.now().minusSeconds(3600)))
                    .isZero();
            assertThat(second.getBean(Retention.class)
                            .purgeFinishedBefore(Instant.now().plusSeconds(1)))
                    .isEqualTo(1);
            assertThat(jobs.list(JobFilter.none(), org.springframework.data.domain.Pageable.unpaged()))
                    .isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(AscendControlPlaneApplication.class, TestJobsConfiguration.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--ascendcp.jobs.instance-id=restart-replica");
    }
}
