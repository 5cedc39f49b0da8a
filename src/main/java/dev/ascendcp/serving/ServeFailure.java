package dev.ascendcp.serving;

import java.util.List;

/**
 * Why a vLLM launch failed, recognised from its log by {@link ServeFailureClassifier} (texts from the known
 * multi-node problems), with the sentence an operator can act on. Declared in the order they are tried: the first
 * reason with a matching line wins, so root causes come before their consequences.
 */
public enum ServeFailure {
    PP_NEEDS_ASYNC_ENGINE(
            "pipeline parallelism needs the online AsyncLLMEngine: launch with --disable-frontend-multiprocessing",
            "Pipeline parallelism is only supported through AsyncLLMEngine"),
    NO_NPU_AVAILABLE(
            "Ray registered no NPU on the head (started with --num-gpus?): restart Ray so that it sees the NPUs",
            "has no NPU available",
            "vLLM engine cannot start without NPU"),
    NOT_ENOUGH_NPUS(
            "TP×PP needs more NPUs than Ray has in the placement group",
            "The number of required NPUs exceeds the total number of available NPUs",
            "Ray does not allocate any GPUs on the driver node"),
    MODEL_NOT_FOUND(
            "the model is missing on a node (vLLM fell back to a Hugging Face repo id): put it at the same path on"
                    + " every node",
            "(invalid repository id)",
            "HFValidationError",
            "Repo id must use alphanumeric chars",
            "is not a local folder and is not a valid model identifier",
            "FileNotFoundError"),
    OUT_OF_MEMORY(
            "out of NPU memory: use more NPUs, a smaller --max-model-len or a lower --gpu-memory-utilization",
            "NPU out of memory",
            "No available memory for the cache blocks",
            "out of memory"),
    DEVICE_VISIBILITY(
            "Ray rewrote ASCEND_RT_VISIBLE_DEVICES: set RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES=1 before"
                    + " ray start on every node",
            "Set visible device failed",
            "rtSetDevice execute failed"),
    HCCL_GLOO_TIMEOUT(
            "HCCL/Gloo could not connect the nodes: check the NPU network (Verify), HCCL_IF_IP, GLOO_SOCKET_IFNAME,"
                    + " TP_SOCKET_IFNAME and HCCL_CONNECT_TIMEOUT on every node",
            "Getting socket times out",
            "EI0006",
            "Gloo connectFullMesh failed",
            "Unable to resolve hostname to a (local) address",
            "Watchdog caught collective operation timeout",
            "HcclCommInitRootInfo",
            "DistStoreError: Timed out"),
    PLACEMENT_GROUP_TIMEOUT(
            "Ray cannot place the workers: not enough NPUs alive, or VLLM_HOST_IP differs from the IP Ray registered",
            "Cannot provide a placement group",
            "Waiting for creating a placement group"),
    ENGINE_START_TIMEOUT(
            "the engine cores did not come up in time: raise VLLM_ENGINE_READY_TIMEOUT_S or look for the first ERROR",
            "Timed out waiting for engines to send initial message"),
    RAY_NOT_RUNNING("vLLM found no Ray cluster: run BOOTSTRAP first", "Could not find any running Ray instance"),
    PORT_IN_USE("the serving port is already in use on the head", "Address already in use"),
    UNKNOWN("vLLM failed; see the last log lines");

    private final String hint;
    private final List<String> markers;

    ServeFailure(String hint, String... markers) {
        this.hint = hint;
        this.markers = List.of(markers);
    }

    public String hint() {
        return hint;
    }

    boolean matches(String line) {
        return markers.stream().anyMatch(line::contains);
    }
}
