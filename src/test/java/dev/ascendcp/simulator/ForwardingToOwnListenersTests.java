package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated node forwards only to its own simulated services, never to other hosts or closed ports. */
class ForwardingToOwnListenersTests {

    @TempDir
    Path keys;

    SimulatedCluster cluster;
    SimulatedNode node;
    ForwardingToOwnListeners filter;

    @BeforeEach
    void node() {
        cluster = SimulatedCluster.start(ClusterSpec.builder(keys).nodes(2).build());
        node = cluster.nodes().get(1);
        filter = new ForwardingToOwnListeners(node);
        node.listeners().add("127.0.0.2:8000");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void allowsAForwardToAListenerByItsAddressTheNodeIpOrLoopback() {
        assertThat(filter.allows("127.0.0.2", 8000)).isTrue();
        assertThat(filter.allows("localhost", 8000)).isTrue();
        assertThat(filter.allows("127.0.0.1", 8000)).isTrue();
        assertThat(filter.allows("::1", 8000)).isTrue();
    }

    @Test
    void refusesOtherPortsOtherHostsAndNames() {
        assertThat(filter.allows("127.0.0.2", 8001)).isFalse();
        assertThat(filter.allows("127.0.0.2", 22)).isFalse();
        assertThat(filter.allows("192.0.2.10", 8000)).isFalse();
        assertThat(filter.allows("example.org", 8000)).isFalse();
        assertThat(filter.allows("cafe", 8000))
                .as("a name, even one of hex digits")
                .isFalse();
    }

    @Test
    void refusesEverythingOnceTheServiceStopped() {
        node.listeners().remove("127.0.0.2:8000");
        assertThat(filter.allows("127.0.0.2", 8000)).isFalse();
    }

    @Test
    void neverListensForRemoteForwardsNorForwardsAgentsOrX11() {
        assertThat(filter.canListen(new org.apache.sshd.common.util.net.SshdSocketAddress("127.0.0.2", 9000), null))
                .isFalse();
        assertThat(filter.canForwardAgent(null, "auth-agent-req@openssh.com")).isFalse();
        assertThat(filter.canForwardX11(null, "x11-req")).isFalse();
    }
}
