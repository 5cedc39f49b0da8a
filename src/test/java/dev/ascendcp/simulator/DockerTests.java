package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker on a simulated node: containers with their spec, exec with their env, the daemon's error texts. */
class DockerTests {

    @TempDir
    static Path keys;

    static SimulatedCluster cluster;
    static SimulatedNode node;

    static final String RUN = "docker run -d --name vllm-ascend --net=host --shm-size=10g --device /dev/davinci0"
            + " --device /dev/davinci1 --device /dev/davinci_manager -v /root/.cache:/root/.cache -e HCCL_IF_IP=127.0.0.1"
            + " --label ascendcp.spec=abc quay.io/ascend/vllm-ascend:v0.9.1 sleep infinity";

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(
                ClusterSpec.builder(keys).nodes(1).password("pw").build());
        node = cluster.nodes().get(0);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void runsInspectsExecsAndRemovesAContainer() {
        CommandResult run = node.run(RUN);
        assertThat(run.stdout()).matches("[0-9a-f]{64}\n");
        CommandResult again = node.run(RUN);
        assertThat(again.exitStatus()).isEqualTo(125);
        assertThat(again.stderr())
                .startsWith("docker: Error response from daemon: Conflict. The container name \"/vllm-ascend\""
                        + " is already in use by container \"" + run.stdout().trim() + "\"");
        assertThat(node.run("docker ps --filter name=^vllm-ascend$ --format '{{.Names}} {{.State}}'")
                        .stdout())
                .isEqualTo("vllm-ascend running\n");
        assertThat(node.run(
                                "docker inspect --format '{{.State.Running}} {{json .Config.Labels}} {{.HostConfig.ShmSize}}'"
                                        + " vllm-ascend")
                        .stdout())
                .isEqualTo("true {\"ascendcp.spec\":\"abc\"} 10737418240\n");
        assertThat(node.run("docker inspect vllm-ascend").stdout())
                .contains("\"PathOnHost\" : \"/dev/davinci1\"")
                .contains("\"HCCL_IF_IP=127.0.0.1\"");
        assertThat(node.run("docker exec -e X=1 vllm-ascend bash -c 'echo $HCCL_IF_IP $X; id -un'")
                        .stdout())
                .isEqualTo("127.0.0.1 1\nroot\n");
        assertThat(node.run("docker image inspect --format '{{.Id}}' quay.io/ascend/vllm-ascend:v0.9.1")
                        .stdout())
                .matches("sha256:[0-9a-f]{64}\n");
        assertThat(node.run("docker exec vllm-ascend df -B1 /dev/shm").stdout()).contains(" 10737418240 ");
        assertThat(node.run("docker rm -f vllm-ascend").stdout()).isEqualTo("vllm-ascend\n");
        CommandResult gone = node.run("docker exec vllm-ascend true");
        assertThat(gone.stderr()).isEqualTo("Error response from daemon: No such container: vllm-ascend\n");
    }

    @Test
    void missingImagesArePulledOrRefused() {
        CommandResult denied = node.run("docker run -d --name x nosuch/image:1 true");
        assertThat(denied.stderr())
                .startsWith("Unable to find image 'nosuch/image:1' locally\n")
                .contains("pull access denied for nosuch/image");
        assertThat(denied.exitStatus()).isEqualTo(125);
        CommandResult pull = node.run("docker pull quay.io/ascend/vllm-ascend:v0.10.0rc1");
        assertThat(pull.stdout())
                .startsWith("v0.10.0rc1: Pulling from ascend/vllm-ascend\n")
                .contains("Status: Downloaded newer image for quay.io/ascend/vllm-ascend:v0.10.0rc1\n");
        assertThat(node.run("docker images").stdout()).contains("v0.10.0rc1");
        CommandResult device =
                node.run("docker run -d --name y --device /dev/davinci9 quay.io/ascend/vllm-ascend:v0.9.1");
        assertThat(device.stderr())
                .contains("error gathering device information while adding custom device \"/dev/davinci9\"");
    }
}
