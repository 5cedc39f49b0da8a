package dev.ascendcp.ray;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RayCommandsTests {

    private static final String HEAD_LOG = """
            2024-04-02 01:39:28,328	SUCC scripts.py:782 -- Ray runtime started.
            2024-04-02 01:39:28,329	INFO scripts.py:788 -- To add another node to this Ray cluster, run
            2024-04-02 01:39:28,330	INFO scripts.py:791 --   ray start --address='172.18.0.2:6379'
            2024-04-02 01:39:28,331	INFO scripts.py:816 --   RAY_ADDRESS='http://172.18.0.2:8265' ray job submit
            """;

    private static final String HEAD_TTY = """
            Next steps
              To add another node to this Ray cluster, run
                ray start --address='10.225.4.51:6379'
            """;

    @Test
    void quotesHostileEnvValuesAndMasksSecretsInTheLog() {
        RayEnv env =
                RayEnv.of("10.0.0.1", "eth0", 2, "/root/log", Map.of("X", "a'; rm -rf / #", "HF_TOKEN", "hf_s3cr3t"));
        String line =
                RayCommands.startHead("vllm-ascend", env, 6379, "10.0.0.1", 2).toString();
        assertThat(line)
                .contains("-e 'X=a'\\''; rm -rf / #'")
                .doesNotContain("hf_s3cr3t")
                .contains("****");
        assertThat(line).contains("'--resources={\"NPU\": 2}'").doesNotContain("--num-gpus");
    }

    @Test
    void rendersTheGuidesDockerRunDetached() {
        ContainerSpec spec =
                new ContainerSpec("vllm-ascend", "img:1", "10g", 2, List.of("/data:/data"), "sleep infinity");
        String line = spec.runCommand().toString();
        assertThat(line)
                .startsWith("docker run -d --name vllm-ascend --net=host --shm-size 10g --device /dev/davinci0"
                        + " --device /dev/davinci1 --device /dev/davinci_manager")
                .contains("-v /usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/")
                .contains("-v /data:/data")
                .contains("--label dev.ascendcp.spec=" + spec.hash())
                .endsWith("img:1 sleep infinity");
    }

    @Test
    void specHashChangesWithTheSpecOnly() {
        ContainerSpec a = new ContainerSpec("c", "img:1", "10g", 8, List.of(), "sleep infinity");
        assertThat(a.hash()).isEqualTo(new ContainerSpec("c", "img:1", "10g", 8, List.of(), "sleep infinity").hash());
        assertThat(a.hash())
                .isNotEqualTo(new ContainerSpec("c", "img:2", "10g", 8, List.of(), "sleep infinity").hash());
        assertThat(a.hash()).isNotEqualTo(new ContainerSpec("c", "img:1", "1g", 8, List.of(), "sleep infinity").hash());
        assertThat(a.hash())
                .isNotEqualTo(new ContainerSpec("c", "img:1", "10g", 16, List.of(), "sleep infinity").hash());
    }

    @Test
    void envHashIsOrderIndependentAndDriftIsDescribed() {
        RayEnv a = RayEnv.of("10.0.0.1", "eth0", 8, "/l", Map.of("A", "1", "B", "2"));
        RayEnv b = RayEnv.of("10.0.0.1", "eth0", 8, "/l", Map.of("B", "2", "A", "1"));
        assertThat(a.hash()).isEqualTo(b.hash());
        RayEnv c = RayEnv.of("10.0.0.1", "eth0", 8, "/l", Map.of("A", "9"));
        assertThat(c.describeDrift(a.values())).contains("A: 1 -> 9").contains("B: removed");
        assertThat(a.values())
                .containsEntry("ASCEND_RT_VISIBLE_DEVICES", "0,1,2,3,4,5,6,7")
                .containsEntry("RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES", "1");
    }

    @Test
    void parsesTheHeadAddressWithAndWithoutTheLogPrefix() {
        assertThat(RayOutputs.headAddress(HEAD_LOG)).contains("172.18.0.2:6379");
        assertThat(RayOutputs.headAddress(HEAD_TTY)).contains("10.225.4.51:6379");
        assertThat(RayOutputs.headAddress("Ray runtime started.")).isEmpty();
    }

    @Test
    void parsesRayListNodesJsonKeepingDeadRowsApart() {
        String json = """
                [{"node_id": "aabbcc", "node_ip": "10.0.0.1", "state": "ALIVE", "is_head_node": true,
                  "resources_total": {"CPU": 8, "NPU": 8.0}},
                 {"node_id": "ddeeff", "node_ip": "10.0.0.2", "state": "ALIVE", "is_head_node": false,
                  "resources_total": {"CPU": 8, "GPU": 8}},
                 {"node_id": "001122", "node_ip": "10.0.0.3", "state": "DEAD", "is_head_node": false,
                  "resources_total": {}}]
                """;
        List<RayNodeInfo> nodes = RayOutputs.nodes(json);
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(0)).isEqualTo(new RayNodeInfo("aabbcc", "10.0.0.1", true, true, 8, 0));
        assertThat(nodes.get(1).gpus()).isEqualTo(8);
        assertThat(nodes.get(1).npus()).isZero();
        assertThat(nodes.get(2).alive()).isFalse();
    }

    @Test
    void parsesIpSsDfAndRayStop() {
        assertThat(RayOutputs.ipv4Addresses(
                        "2: enp189s0f0    inet 10.0.0.11/24 brd 10.0.0.255 scope global enp189s0f0\\       valid_lft"))
                .containsExactly("10.0.0.11");
        String ss = """
                State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
                LISTEN 0      4096   0.0.0.0:22          0.0.0.0:*
                LISTEN 0      4096   127.0.0.1:6379      0.0.0.0:*
                """;
        assertThat(RayOutputs.listenersOn(ss, 6379)).containsExactly("127.0.0.1:6379");
        assertThat(RayOutputs.listenersOn(ss, 637)).isEmpty();
        assertThat(RayOutputs.dfSizeKb(
                        "Filesystem 1K-blocks Used Available Use% Mounted on\nshm 10485760 0 10485760 0% /dev/shm"))
                .contains(10485760L);
        assertThat(RayOutputs.stoppedProcesses("... SUCC scripts.py:1252 -- Stopped all 6 Ray processes."))
                .isEqualTo(6);
        assertThat(RayOutputs.stoppedProcesses("Did not find any active Ray processes."))
                .isZero();
        assertThat(RayOutputs.dockerSize("10.24g")).contains((long) (10.24 * (1L << 30)));
        assertThat(RayOutputs.dockerSize("lots")).isEmpty();
    }
}
