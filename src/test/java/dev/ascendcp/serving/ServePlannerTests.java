package dev.ascendcp.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.HostKeyPolicy;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.OptionViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plan rules and warnings, before anything runs. */
class ServePlannerTests {

    static NodeResponse node(String name, int npus) {
        Instant now = Instant.now();
        return new NodeResponse(
                UUID.randomUUID(),
                name,
                "10.0.0.1",
                22,
                UUID.randomUUID(),
                false,
                "10.0.0.1",
                "eth0",
                npus,
                Map.of(),
                null,
                null,
                HostKeyPolicy.TOFU,
                null,
                null,
                now,
                now);
    }

    static ClusterResponse cluster(int tp, int pp, List<String> extraArgs) {
        Instant now = Instant.now();
        return new ClusterResponse(
                UUID.randomUUID(),
                "c",
                UUID.randomUUID(),
                List.of(),
                new ClusterResponse.Container("img:1", "vllm-ascend", "10g", List.of()),
                new ClusterResponse.Ray(6379, 8265),
                new ClusterResponse.Serve("/data/models/m", "m", 8000, tp, pp, true, true, extraArgs),
                Map.of(),
                now,
                now);
    }

    private static final List<NodeResponse> TWO_A2 = List.of(node("a", 8), node("b", 8));

    @Test
    void acceptsTheGuidesLayoutAndAddsTheFlagsItNeeds() {
        ServePlanner.Result result = ServePlanner.plan(cluster(8, 2, List.of()), TWO_A2, Map.of(), true);
        assertThat(result.violations()).isEmpty();
        ServePlan plan = result.plan();
        assertThat(plan.rayBackend()).isTrue();
        assertThat(plan.disableFrontendMultiprocessing()).isTrue();
        assertThat(plan.warnings()).isEmpty();
        assertThat(VllmCommands.serverArgs(plan))
                .containsSubsequence("--distributed-executor-backend", "ray")
                .contains("--disable-frontend-multiprocessing", "--enforce-eager", "--trust-remote-code");
    }

    @Test
    void rejectsTpTimesPpLargerThanTheClustersNpus() {
        List<OptionViolation> violations = ServePlanner.plan(cluster(16, 2, List.of()), TWO_A2, Map.of(), true)
                .violations();
        assertThat(violations).extracting(OptionViolation::rule).containsExactly("tp-times-pp-within-npus");
        assertThat(violations.get(0).message()).contains("32").contains("16 NPUs");
    }

    @Test
    void warnsWhenTensorParallelTrafficCrossesNodes() {
        ServePlan plan = ServePlanner.plan(cluster(16, 1, List.of()), TWO_A2, Map.of(), true)
                .plan();
        assertThat(plan.warnings()).singleElement().asString().contains("crosses nodes");
        assertThat(plan.disableFrontendMultiprocessing()).isFalse();
    }

    @Test
    void aSingleNodePlanNeedsNoRayBackend() {
        ServePlan plan = ServePlanner.plan(cluster(8, 1, List.of()), TWO_A2, Map.of(), true)
                .plan();
        assertThat(plan.rayBackend()).isFalse();
        assertThat(plan.warnings()).singleElement().asString().contains("uses 1 of the cluster's 2 nodes");
    }

    @Test
    void rejectsExtraArgsWithShellCharactersOrManagedFlagsAndUnknownOptions() {
        List<OptionViolation> violations = ServePlanner.plan(
                        cluster(8, 2, List.of("--max-model-len=8192", "--x=$(reboot)", "--port=9000")),
                        TWO_A2,
                        Map.of("quantizationCheck", "MAYBE", "typo", 1),
                        true)
                .violations();
        assertThat(violations)
                .extracting(OptionViolation::rule)
                .containsExactlyInAnyOrder(
                        "unknown-option", "quantization-check", "extra-arg-pattern", "extra-arg-managed");
    }

    @Test
    void flagsDeepSeekV3ConfigWithQuantizationConfig() {
        assertThat(ModelConfig.quantizationWarning(
                        "{\"model_type\":\"deepseek_v3\",\"quantization_config\":{\"quant_method\":\"fp8\"}}"))
                .contains("quantization_config");
        assertThat(ModelConfig.quantizationWarning("{\"model_type\":\"deepseek_v3\"}"))
                .isNull();
        assertThat(ModelConfig.quantizationWarning("{\"model_type\":\"qwen2\",\"quantization_config\":{}}"))
                .isNull();
    }

    @Test
    void quotesTheLaunchScriptAndMasksSecretEnvironmentValues() {
        ServingProperties props = new ServingProperties(
                java.time.Duration.ofMinutes(30),
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(30),
                AccessMode.AUTO,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMinutes(2),
                "/tmp/ascendcp/vllm.log",
                50,
                java.time.Duration.ofSeconds(30),
                new ServingProperties.Playground(10, 5, 1024));
        ServePlan plan = ServePlanner.plan(cluster(8, 2, List.of("--max-model-len=8192")), TWO_A2, Map.of(), true)
                .plan();
        plan = new ServePlan(
                plan.container(),
                plan.model(),
                "it's",
                plan.port(),
                8,
                2,
                true,
                true,
                true,
                true,
                plan.extraArgs(),
                Map.of("HF_TOKEN", "hf_secret", "HCCL_CONNECT_TIMEOUT", "1200"),
                plan.quantizationCheck(),
                List.of());
        String line = new VllmCommands(props).launch(plan).forLog();
        assertThat(line)
                .startsWith(
                        "docker exec -d -e HCCL_CONNECT_TIMEOUT=1200 -e **** vllm-ascend sh -c 'mkdir -p /tmp/ascendcp; ")
                .contains("echo $$ > /tmp/ascendcp/vllm.log.pid; exec python -m")
                .contains("--served-model-name '\\''it'\\''\\'\\'''\\''s'\\''")
                .contains("> /tmp/ascendcp/vllm.log 2>&1")
                .doesNotContain("hf_secret");
    }
}
