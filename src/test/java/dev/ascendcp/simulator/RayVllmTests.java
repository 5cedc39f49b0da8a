package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ray over real TCP between simulated nodes, and a vLLM that fails like vLLM or serves real HTTP. */
class RayVllmTests {

    @TempDir
    Path keys;

    SimulatedCluster cluster;
    SimulatedNode head;
    SimulatedNode worker;

    static final String DEVICES =
            " --device /dev/davinci0 --device /dev/davinci1 --device /dev/davinci2 --device /dev/davinci3"
                    + " --device /dev/davinci4 --device /dev/davinci5 --device /dev/davinci6 --device /dev/davinci7";

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.start(
                ClusterSpec.builder(keys).nodes(2).password("pw").build());
        cluster.setVllmStartupDelay(Duration.ofMillis(100));
        head = cluster.nodes().get(0);
        worker = cluster.nodes().get(1);
        for (SimulatedNode n : cluster.nodes()) {
            assertThat(n.run("docker run -d --name vllm-ascend --net=host --shm-size=10g" + DEVICES
                                    + " quay.io/ascend/vllm-ascend:v0.9.1 sleep infinity")
                            .exitStatus())
                    .isZero();
        }
    }

    @AfterEach
    void stop() {
        cluster.nodes().forEach(n -> n.run("docker exec vllm-ascend ray stop"));
        cluster.close();
    }

    private static String env(SimulatedNode n, String nic) {
        return "export HCCL_IF_IP=" + n.localIp() + "; export GLOO_SOCKET_IFNAME=" + nic + "; export TP_SOCKET_IFNAME="
                + nic
                + "; export RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES=1; export ASCEND_RT_VISIBLE_DEVICES=0,1,2,3,4,5,6,7; ";
    }

    private CommandResult startRay(String headExtra, String workerNic) {
        CommandResult h = head.run("docker exec vllm-ascend bash -c '" + env(head, "enp189s0f0")
                + "ray start --head --port=6379" + " --node-ip-address=" + head.localIp() + headExtra + "'");
        assertThat(h.exitStatus()).isZero();
        assertThat(h.stdout())
                .contains("--   ray start --address='" + head.localIp() + ":6379'\n")
                .contains("SUCC scripts.py:782 -- Ray runtime started.");
        return worker.run("docker exec vllm-ascend bash -c '" + env(worker, workerNic) + "ray start --address="
                + head.localIp() + ":6379 --node-ip-address=" + worker.localIp() + "'");
    }

    @Test
    void workersJoinTheHeadOverTcpAndRaySeesTheNpus() {
        CommandResult w = startRay("", "enp189s0f0");
        assertThat(w.exitStatus()).isZero();
        assertThat(w.stdout()).contains("Local node IP: " + worker.localIp()).contains("Ray runtime started.");
        assertThat(head.run("ss -ltn").stdout()).contains(head.localIp() + ":6379");
        assertThat(head.run("docker exec vllm-ascend ray status").stdout()).contains(" 0.0/16.0 NPU\n");
        String json = worker.run("docker exec vllm-ascend ray list nodes --format json")
                .stdout();
        assertThat(json)
                .contains("\"state\" : \"ALIVE\"")
                .contains("\"NPU\" : 8.0")
                .contains("\"node_ip\" : \"" + worker.localIp());
        assertThat(cluster.ray().alive())
                .hasSize(2)
                .allSatisfy(m ->
                        assertThat(m.env()).containsEntry("RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES", "1"));
        assertThat(worker.run("docker exec vllm-ascend ray stop").stdout()).contains("Stopped all 2 Ray processes.");
    }

    @Test
    void joiningAnUnreachableHeadFailsLikeRay() {
        CommandResult w = worker.run("ray start --address=" + head.localIp() + ":6390");
        assertThat(w.exitStatus()).isNotZero();
        assertThat(w.stderr())
                .contains("Failed to connect to GCS at address " + head.localIp() + ":6390 within 5 seconds.")
                .contains(
                        "Failed to get cluster ID from GCS server: TimedOut: Timed out while waiting for GCS to become available.");
    }

    @Test
    void numGpusRegistersGpuAndVllmFindsNoNpu() {
        startRay(" --num-gpus=8", "enp189s0f0");
        CommandResult v = head.run("docker exec vllm-ascend python -m vllm.entrypoints.openai.api_server --model"
                + " /data/models/Qwen2.5-7B-Instruct --distributed-executor-backend ray --tensor-parallel-size 8"
                + " --pipeline-parallel-size 2 --disable-frontend-multiprocessing");
        assertThat(v.exitStatus()).isEqualTo(1);
        assertThat(v.stderr()).contains("ValueError: Current node has no NPU available.");
    }

    @Test
    void vllmFailsOnAWorkerWithoutGlooInterface() {
        assertThat(startRay("", "eth9").exitStatus()).isZero();
        CommandResult v = head.run("docker exec vllm-ascend vllm serve /data/models/Qwen2.5-7B-Instruct"
                + " --distributed-executor-backend ray -tp 8 -pp 2 --disable-frontend-multiprocessing");
        assertThat(v.stderr()).contains("ip=" + worker.localIp()).contains("Gloo connectFullMesh failed");
        CommandResult tooBig = head.run("docker exec vllm-ascend vllm serve /data/models/Qwen2.5-7B-Instruct"
                + " --distributed-executor-backend ray -tp 8 -pp 4 --disable-frontend-multiprocessing");
        assertThat(tooBig.stderr()).contains("The number of required NPUs exceeds the total number of available NPUs");
        CommandResult noDfm =
                head.run("docker exec vllm-ascend vllm serve /data/models/Qwen2.5-7B-Instruct -tp 8 -pp 2");
        assertThat(noDfm.stderr()).contains("Pipeline parallelism is only supported through AsyncLLMEngine");
        CommandResult noModel = head.run("docker exec vllm-ascend vllm serve /data/models/nope -tp 8");
        assertThat(noModel.stderr()).contains("Repo id must use alphanumeric chars");
    }

    @Test
    void servesTheOpenAiApiOverHttpUntilKilled() throws Exception {
        startRay("", "enp189s0f0");
        CommandResult launch =
                head.run("docker exec -d vllm-ascend bash -c 'python -m vllm.entrypoints.openai.api_server"
                        + " --model /data/models/Qwen2.5-7B-Instruct --served-model-name qwen --distributed-executor-backend ray"
                        + " --tensor-parallel-size 8 --pipeline-parallel-size 2 --disable-frontend-multiprocessing --port 8011"
                        + " > /tmp/vllm.log 2>&1'");
        assertThat(launch.exitStatus()).isZero();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://" + head.localIp() + ":8011";
        HttpResponse<String> health = null;
        for (int i = 0; i < 50 && (health == null || health.statusCode() != 200); i++) {
            Thread.sleep(100);
            try {
                health = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException notYet) {
                health = null;
            }
        }
        assertThat(health).isNotNull();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(head.run("cat /tmp/vllm.log").stdout()).contains("Application startup complete.");
        String models = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/v1/models")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(models).contains("\"id\":\"qwen\"").contains("\"root\":\"/data/models/Qwen2.5-7B-Instruct\"");
        HttpResponse<String> completion = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"qwen\",\"prompt\":\"tell me how to sleep well\","
                                        + "\"max_completion_tokens\":10,\"temperature\":0}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(completion.body()).contains("\"object\":\"text_completion\"").contains("\"completion_tokens\":10");
        HttpResponse<String> stream = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"qwen\",\"messages\":[{\"role\":\"user\","
                                        + "\"content\":\"hi\"}],\"max_tokens\":3,\"stream\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stream.body())
                .startsWith("data: {")
                .contains("chat.completion.chunk")
                .endsWith("data: [DONE]\n\n");
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("vllm:generation_tokens_total{engine=\"0\",model_name=\"qwen\"} 13.0");
        head.run("docker rm -f vllm-ascend");
        Thread.sleep(300);
        assertThat(head.listeners()).doesNotContain(head.localIp() + ":8011");
    }
}
