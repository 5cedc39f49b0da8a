package dev.ascendcp.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.StepStatus;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.apps.Container;
import dev.ascendcp.simulator.apps.DockerEngine;
import dev.ascendcp.simulator.apps.RayMember;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * BOOTSTRAP and TEARDOWN against simulated nodes registered through the inventory REST API, in the full context. The
 * plans run through {@link PlanRunner} (engine semantics, fake step context): the job engine on this branch cannot
 * start jobs yet.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RayBootstrapIntegrationTests {

    private static final Map<String, Object> NO_GATE = Map.of("requireVerified", false);

    @Autowired
    MockMvc mvc;

    @Autowired
    dev.ascendcp.jobs.JobService jobs;

    @Autowired
    BootstrapPhase bootstrap;

    @Autowired
    TeardownPhase teardown;

    @Autowired
    RayStatus rayStatus;

    @TempDir
    Path dir;

    @Test
    void bootstrapsTwoNodesThenConvergesRestartsOnEnvDriftAndTearsDown() throws Exception {
        try (RayFixture f = RayFixture.start(mvc, jobs, dir, 2)) {
            JobView first = f.run(bootstrap, NO_GATE);
            assertThat(first.status()).as(describe(first)).isEqualTo(JobStatus.SUCCEEDED);
            assertContainersAndRay(f);
            RayStatusView state = rayStatus.current(f.clusterId);
            assertThat(state.state()).isEqualTo(RayState.RUNNING);
            assertThat(state.nodesAlive()).isEqualTo(2);
            assertThat(state.npusTotal()).isEqualTo(16);
            assertThat(state.headAddress()).isEqualTo(f.node(0).localIp() + ":" + f.rayPort);
            mvc.perform(get("/api/v1/clusters/" + f.clusterId + "/ray/commands")
                            .with(user("v").roles("VIEWER")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.nodes.length()").value(2))
                    .andExpect(jsonPath("$.nodes[0].commands[?(@ =~ /.*ray start --head.*/)]")
                            .exists());
            mvc.perform(get("/clusters/" + f.clusterId + "/ray/panel")
                            .with(user("o").roles("OPERATOR")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("RUNNING")))
                    .andExpect(content().string(containsString(state.headAddress())))
                    .andExpect(content().string(containsString("data-phase=\"BOOTSTRAP\"")));
            mvc.perform(get("/clusters/" + f.clusterId + "/ray/panel")
                            .with(user("v").roles("VIEWER")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("data-phase=\"BOOTSTRAP\""))));

            String containerId = f.node(1).docker().find("vllm-ascend").id();
            List<String> rayIds = aliveIds(f);
            JobView second = f.run(bootstrap, NO_GATE);
            assertThat(second.status()).as(describe(second)).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(statusOf(second, ContainerStep.NAME)).containsOnly(StepStatus.SKIPPED);
            assertThat(statusOf(second, RayHeadStep.NAME)).containsOnly(StepStatus.SKIPPED);
            assertThat(statusOf(second, RayWorkerStep.NAME)).containsOnly(StepStatus.SKIPPED);
            assertThat(f.node(1).docker().find("vllm-ascend").id()).isEqualTo(containerId);
            assertThat(aliveIds(f)).isEqualTo(rayIds);

            f.updateEnv(Map.of("HCCL_CONNECT_TIMEOUT", "600"));
            JobView drift = f.run(bootstrap, NO_GATE);
            assertThat(drift.status()).as(describe(drift)).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(statusOf(drift, RayHeadStep.NAME)).containsOnly(StepStatus.SUCCEEDED);
            assertThat(aliveIds(f)).hasSize(2).doesNotContainAnyElementsOf(rayIds);
            assertThat(f.sim.ray().alive())
                    .allSatisfy(m -> assertThat(m.env()).containsEntry("HCCL_CONNECT_TIMEOUT", "600"));
            assertThat(f.node(1).docker().find("vllm-ascend").id()).isEqualTo(containerId);

            JobView down = f.run(teardown, Map.of("removeContainers", true));
            assertThat(down.status()).as(describe(down)).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(f.sim.ray().alive()).isEmpty();
            for (SimulatedNode n : f.sim.nodes()) {
                assertThat(n.docker().containers()).isEmpty();
            }
            assertThat(rayStatus.current(f.clusterId).state()).isEqualTo(RayState.STOPPED);
        }
    }

    @Test
    void bootstrapsFourNodes() throws Exception {
        try (RayFixture f = RayFixture.start(mvc, jobs, dir, 4)) {
            JobView job = f.run(bootstrap, NO_GATE);
            assertThat(job.status()).as(describe(job)).isEqualTo(JobStatus.SUCCEEDED);
            assertContainersAndRay(f);
            assertThat(rayStatus.current(f.clusterId).npusTotal()).isEqualTo(32);
        }
    }

    @Test
    void badNicOnOneNodeFailsThePreflightNamingItAndStartsNothing() throws Exception {
        try (RayFixture f = RayFixture.withNic(mvc, jobs, dir, 3, 1, "eth9")) {
            JobView job = f.run(bootstrap, NO_GATE);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error().reason()).isEqualTo("PREFLIGHT_FAILED");
            assertThat(job.error().message()).contains(f.names.get(1)).contains("eth9");
            assertNothingStarted(f);
        }
    }

    @Test
    void imageMissingOnOneNodeFailsThePreflight() throws Exception {
        try (RayFixture f = RayFixture.start(mvc, jobs, dir, 2)) {
            f.node(1).docker().removeImage(DockerEngine.DEFAULT_IMAGE);
            JobView job = f.run(bootstrap, NO_GATE);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error().reason()).isEqualTo("PREFLIGHT_FAILED");
            assertThat(job.error().message())
                    .contains(f.names.get(1))
                    .contains("is not present")
                    .contains("pull");
            assertNothingStarted(f);
        }
    }

    @Test
    void imageIdsThatDifferBetweenNodesFailThePreflight() throws Exception {
        try (RayFixture f = RayFixture.start(mvc, jobs, dir, 2)) {
            f.node(1).docker().putImage(DockerEngine.DEFAULT_IMAGE, "sha256:" + "ab".repeat(32));
            JobView job = f.run(bootstrap, NO_GATE);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error().reason()).isEqualTo("PREFLIGHT_FAILED");
            StepView verdict = job.steps().stream()
                    .filter(s -> s.name().equals(PreflightVerdictStep.NAME) && s.status() == StepStatus.FAILED)
                    .findFirst()
                    .orElseThrow();
            assertThat(verdict.message())
                    .contains("different IDs")
                    .contains("sha256:abab")
                    .contains(f.names.get(0));
            assertNothingStarted(f);
        }
    }

    @Test
    void unverifiedClusterIsRefusedByDefault() throws Exception {
        try (RayFixture f = RayFixture.start(mvc, jobs, dir, 2)) {
            JobView job = f.run(bootstrap, Map.of());
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error().reason()).isEqualTo("PREFLIGHT_FAILED");
            assertThat(job.error().message()).contains("VERIFY").contains("requireVerified");
            assertNothingStarted(f);
        }
    }

    @Test
    void workerThatCannotReachTheHeadFailsNamingWorkerAndAddress() throws Exception {
        try (RayFixture f = RayFixture.start(mvc, jobs, dir, 2)) {
            f.node(1).faults().unreachable(f.node(0).localIp());
            JobView job = f.run(bootstrap, NO_GATE);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            StepView worker = job.steps().stream()
                    .filter(s -> s.name().equals(RayWorkerStep.NAME))
                    .findFirst()
                    .orElseThrow();
            assertThat(worker.reason()).isEqualTo("HEAD_UNREACHABLE");
            assertThat(worker.message())
                    .contains(f.names.get(1))
                    .contains(f.node(0).localIp() + ":" + f.rayPort)
                    .contains("TCP check");
            assertThat(rayStatus.current(f.clusterId).state()).isEqualTo(RayState.DEGRADED);
        }
    }

    private static void assertContainersAndRay(RayFixture f) {
        for (SimulatedNode n : f.sim.nodes()) {
            Container c = n.docker().find("vllm-ascend");
            assertThat(c).as(n.name()).isNotNull();
            assertThat(c.running()).isTrue();
            assertThat(c.options().network()).isEqualTo("host");
            assertThat(c.devices())
                    .contains(
                            "/dev/davinci0",
                            "/dev/davinci7",
                            "/dev/davinci_manager",
                            "/dev/devmm_svm",
                            "/dev/hisi_hdc");
            assertThat(c.options().volumes())
                    .contains(
                            "/usr/local/dcmi:/usr/local/dcmi",
                            "/root/.cache:/root/.cache",
                            "/data/models:/data/models");
            assertThat(c.labels()).containsKey(ContainerSpec.SPEC_LABEL);
        }
        List<RayMember> alive = f.sim.ray().alive();
        assertThat(alive).hasSize(f.sim.nodes().size());
        for (RayMember m : alive) {
            assertThat(m.npus()).isEqualTo(8.0);
            assertThat(m.resources()).doesNotContainKey("GPU");
            assertThat(m.env())
                    .containsEntry("HCCL_IF_IP", m.ip())
                    .containsEntry("GLOO_SOCKET_IFNAME", "enp189s0f0")
                    .containsEntry("TP_SOCKET_IFNAME", "enp189s0f0")
                    .containsEntry("RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES", "1")
                    .containsEntry("ASCEND_RT_VISIBLE_DEVICES", "0,1,2,3,4,5,6,7")
                    .containsEntry("HCCL_CONNECT_TIMEOUT", "1200")
                    .containsKey("ASCEND_PROCESS_LOG_PATH");
        }
    }

    private static void assertNothingStarted(RayFixture f) {
        for (SimulatedNode n : f.sim.nodes()) {
            assertThat(n.docker().containers()).as(n.name()).isEmpty();
        }
        assertThat(f.sim.ray().members()).isEmpty();
    }

    private static List<String> aliveIds(RayFixture f) {
        return f.sim.ray().alive().stream().map(RayMember::nodeId).sorted().toList();
    }

    private static List<StepStatus> statusOf(JobView job, String step) {
        return job.steps().stream()
                .filter(s -> s.name().equals(step))
                .map(StepView::status)
                .toList();
    }

    private static String describe(JobView job) {
        StringBuilder sb = new StringBuilder(String.valueOf(job.error()));
        job.steps()
                .forEach(s -> sb.append("\n")
                        .append(s.nodeName())
                        .append(' ')
                        .append(s.name())
                        .append(' ')
                        .append(s.status())
                        .append(' ')
                        .append(s.reason())
                        .append(": ")
                        .append(s.message()));
        return sb.toString();
    }
}
