package dev.ascendcp.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.simulator.CommandResult;
import dev.ascendcp.simulator.SimulatedNode;

/** Test fixture standing in for the Bootstrap phase: the container and Ray on simulated nodes, as the guide does it. */
final class SimulatedRay {

    static final String CONTAINER = "vllm-ascend";
    private static final String DEVICES =
            " --device /dev/davinci0 --device /dev/davinci1 --device /dev/davinci2 --device /dev/davinci3"
                    + " --device /dev/davinci4 --device /dev/davinci5 --device /dev/davinci6 --device /dev/davinci7";

    private SimulatedRay() {}

    static void container(SimulatedNode node) {
        if (node.run("docker inspect " + CONTAINER).exitStatus() != 0) {
            assertThat(node.run("docker run -d --name " + CONTAINER + " --net=host --shm-size=10g" + DEVICES
                                    + " quay.io/ascend/vllm-ascend:v0.9.1 sleep infinity")
                            .exitStatus())
                    .isZero();
        }
    }

    static void start(SimulatedNode head, SimulatedNode worker, String headExtra) {
        stop(head, worker);
        CommandResult h = null;
        for (int attempt = 0; attempt < 50 && (h == null || h.exitStatus() != 0); attempt++) {
            if (h != null) {
                sleep();
            }
            // ray stop frees the GCS port a moment later; retry like an operator would.
            h = head.run("docker exec " + CONTAINER + " bash -c '" + env(head)
                    + "ray start --head --port=6379 --node-ip-address=" + head.localIp() + headExtra + "'");
        }
        assertThat(h.exitStatus()).as(h.stderr()).isZero();
        CommandResult w = worker.run("docker exec " + CONTAINER + " bash -c '" + env(worker) + "ray start --address="
                + head.localIp() + ":6379 --node-ip-address=" + worker.localIp() + "'");
        assertThat(w.exitStatus()).as(w.stderr()).isZero();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void stop(SimulatedNode head, SimulatedNode worker) {
        worker.run("docker exec " + CONTAINER + " ray stop");
        head.run("docker exec " + CONTAINER + " ray stop");
    }

    private static String env(SimulatedNode n) {
        return "export HCCL_IF_IP=" + n.localIp() + "; export GLOO_SOCKET_IFNAME=" + n.nic()
                + "; export TP_SOCKET_IFNAME=" + n.nic()
                + "; export RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES=1;"
                + " export ASCEND_RT_VISIBLE_DEVICES=0,1,2,3,4,5,6,7; ";
    }
}
