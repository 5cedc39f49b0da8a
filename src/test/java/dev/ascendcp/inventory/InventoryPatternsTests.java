package dev.ascendcp.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules accept what real inventories hold (and the integration tests show that they refuse the rest). */
class InventoryPatternsTests {

    static Stream<Arguments> validValues() {
        return Stream.of(
                rule("host", InventoryPatterns::isHost, "10.0.0.11"),
                rule("host", InventoryPatterns::isHost, "node-a.example.com"),
                rule("host", InventoryPatterns::isHost, "node-a"),
                rule("host", InventoryPatterns::isHost, "2001:db8::1"),
                rule("host", InventoryPatterns::isHost, "::ffff:10.0.0.1"),
                rule("host", InventoryPatterns::isHost, "fe80::1"),
                rule("ip", InventoryPatterns::isIpLiteral, "0.0.0.0"),
                rule("ip", InventoryPatterns::isIpLiteral, "255.255.255.255"),
                rule("ip", InventoryPatterns::isIpLiteral, "::1"),
                rule("nic", InventoryPatterns::isNicName, "enp189s0f0"),
                rule("nic", InventoryPatterns::isNicName, "bond0.100"),
                rule("nic", InventoryPatterns::isNicName, "eth0:1"),
                rule("name", InventoryPatterns::isResourceName, "node-a"),
                rule("name", InventoryPatterns::isResourceName, "0"),
                rule("image", InventoryPatterns::isOciImage, "quay.io/ascend/vllm-ascend:v0.9.1"),
                rule("image", InventoryPatterns::isOciImage, "vllm-ascend"),
                rule("image", InventoryPatterns::isOciImage, "registry.local:5000/team/vllm_ascend:v0.9.1-rc1"),
                rule("image", InventoryPatterns::isOciImage, "localhost/vllm@sha256:" + "a".repeat(64)),
                rule("image", InventoryPatterns::isOciImage, "quay.io/ascend/vllm-ascend:v1@sha256:" + "0".repeat(64)),
                rule("container", InventoryPatterns::isContainerName, "vllm-ascend"),
                rule("env", InventoryPatterns::isEnvName, "HCCL_CONNECT_TIMEOUT"),
                rule("env", InventoryPatterns::isEnvName, "_X1"),
                rule("envValue", InventoryPatterns::isEnvValue, "a b=c;$(not run)"),
                rule("model", InventoryPatterns::isModelRef, "Deepseek/DeepSeek-V2-Lite-Chat"),
                rule("model", InventoryPatterns::isModelRef, "Qwen2.5-7B-Instruct"),
                rule("model", InventoryPatterns::isModelRef, "/root/.cache/models/DeepSeek-V3"),
                rule("mount", InventoryPatterns::isMount, "/root/.cache:/root/.cache"),
                rule("mount", InventoryPatterns::isMount, "/usr/local/Ascend/driver:/usr/local/Ascend/driver:ro"),
                rule("size", InventoryPatterns::isDockerSize, "10g"),
                rule("size", InventoryPatterns::isDockerSize, "512MB"),
                rule("arg", InventoryPatterns::isExtraArg, "--max-model-len=8192"),
                rule("arg", InventoryPatterns::isExtraArg, "--disable-log-requests"),
                rule("arg", InventoryPatterns::isExtraArg, "--additional-config={\"ascend_scheduler_config\":{}}"),
                rule("label", InventoryPatterns::isLabelKey, "rack"),
                rule("label", InventoryPatterns::isLabelValue, "r1"),
                rule("user", InventoryPatterns::isUsername, "npuops"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("validValues")
    void acceptsRealValues(String rule, Predicate<String> check, String value) {
        assertThat(check.test(value)).isTrue();
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                rule("ip", InventoryPatterns::isIpLiteral, "localhost"),
                rule("ip", InventoryPatterns::isIpLiteral, "1:2:3:4:5:6:7:8:9"),
                rule("ip", InventoryPatterns::isIpLiteral, "::g"),
                rule("host", InventoryPatterns::isHost, "a-.example.com"),
                rule("host", InventoryPatterns::isHost, "1.2.3.4.5"),
                rule("model", InventoryPatterns::isModelRef, "/models/./x"),
                rule("model", InventoryPatterns::isModelRef, ".hidden/model"),
                rule("mount", InventoryPatterns::isMount, "/a:/b:/c:ro"),
                rule("image", InventoryPatterns::isOciImage, "vllm:"),
                rule("image", InventoryPatterns::isOciImage, "vllm:-tag"),
                rule("arg", InventoryPatterns::isExtraArg, "--x=`id`"),
                rule("arg", InventoryPatterns::isExtraArg, "--x=a>b"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidValues")
    void refusesNearMisses(String rule, Predicate<String> check, String value) {
        assertThat(check.test(value)).isFalse();
    }

    private static Arguments rule(String name, Predicate<String> check, String value) {
        return Arguments.of(name, check, value);
    }
}
