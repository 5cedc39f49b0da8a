package dev.ascendcp.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The known failure texts (formats/ray-vllm/problems.md, verbatim) name their reason. */
class ServeFailureClassifierTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NO_NPU_AVAILABLE | ValueError: Current node has no NPU available. current_node_resource={'CPU': 192.0, 'GPU': 8.0}. vLLM engine cannot start without NPU. Make sure you have at least 1 NPU available in a node current_node_id=ab current_ip=10.0.0.1
            PP_NEEDS_ASYNC_ENGINE | NotImplementedError: Pipeline parallelism is only supported through AsyncLLMEngine as performance will be severely degraded otherwise.
            HCCL_GLOO_TIMEOUT | EI0006: Getting socket times out. Reason: 1. The remote does not initiate a connect request. some NPUs in the cluster are abnormal.
            HCCL_GLOO_TIMEOUT | (RayWorkerWrapper pid=344, ip=127.0.0.2) RuntimeError: Gloo connectFullMesh failed with [../third_party/gloo/gloo/transport/tcp/pair.cc:144] no error
            HCCL_GLOO_TIMEOUT | [Rank 1] Watchdog caught collective operation timeout: WorkHCCL(SeqNum=196, OpType=ALLREDUCE, Timeout(ms)=3600000) ran for 3600185 milliseconds before timing out.
            OUT_OF_MEMORY | RuntimeError: NPU out of memory. Tried to allocate 22.00 MiB (NPU 6; 60.97 GiB total capacity; 10.24 GiB already allocated)
            OUT_OF_MEMORY | ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine.
            MODEL_NOT_FOUND | FileNotFoundError: /mnt/Qwen1.5-72B-Chat-GPTQ-Int8 (invalid repository id)
            MODEL_NOT_FOUND | huggingface_hub.errors.HFValidationError: Repo id must use alphanumeric chars or '-', '_', '.', '--' and '..' are forbidden
            PLACEMENT_GROUP_TIMEOUT | Cannot provide a placement group of placement_group_specs=[{'NPU': 1.0}] within 1800 seconds.
            PLACEMENT_GROUP_TIMEOUT | Waiting for creating a placement group of specs for 10 seconds. specs=[{'node:10.163.194.101': 0.001, 'GPU': 1.0}]. Check `ray status` and `ray list nodes`
            NOT_ENOUGH_NPUS | ValueError: The number of required NPUs exceeds the total number of available NPUs in the placement group.
            DEVICE_VISIBILITY | rtSetDevice execute failed, reason=[device id error]
            ENGINE_START_TIMEOUT | TimeoutError: Timed out waiting for engines to send initial message on input socket.
            UNKNOWN | INFO:     Application startup complete.
            """)
    void namesTheReasonOfAKnownFailureText(ServeFailure expected, String line) {
        assertThat(ServeFailureClassifier.classify(List.of("INFO 09-21 21:38:24 [api_server.py:1287] starting", line)))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void prefersTheRootCauseOverTheWaitingItCaused() {
        List<String> log = List.of(
                "Waiting for creating a placement group of specs for 10 seconds.",
                "ValueError: Current node has no NPU available. current_node_resource={}");
        assertThat(ServeFailureClassifier.classify(log)).isEqualTo(ServeFailure.NO_NPU_AVAILABLE);
    }
}
