package dev.ascendcp.demo;

import dev.ascendcp.inventory.InventoryProvisioning;
import dev.ascendcp.inventory.InventoryProvisioning.ClusterSpec;
import dev.ascendcp.inventory.InventoryProvisioning.NodeSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Registers the simulated cluster in the inventory at every start of the demo profile: the demo key as credential
 * {@code demo-key}, each simulated node (its SSH port may change between starts, its host key does not), and the
 * cluster. Idempotent: what exists by name is kept. A simulator bound to a wildcard address ({@code 0.0.0.0},
 * {@code ::}) listens on loopback too, so its nodes are registered at the loopback address of that family.
 */
@Component
@Profile("demo")
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final SimulatedCluster simulator;
    private final InventoryProvisioning provisioning;
    private final DemoProperties properties;

    DemoSeeder(SimulatedCluster simulator, InventoryProvisioning provisioning, DemoProperties properties) {
        this.simulator = simulator;
        this.provisioning = provisioning;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DemoKeys keys = DemoKeys.loadOrCreate(properties.keyDir());
        simulator.authorizeKey(keys.publicKeyLine());
        UUID credential = provisioning.ensureKeyCredential("demo-key", simulator.username(), keys.privateKey());
        List<UUID> nodeIds = new ArrayList<>();
        int npus = 0;
        for (SimulatedNode node : simulator.nodes()) {
            nodeIds.add(provisioning.ensureNode(
                    new NodeSpec(
                            node.name(),
                            registeredHost(node.sshHost()),
                            node.port(),
                            node.localIp(),
                            node.nic(),
                            node.npuCount(),
                            false),
                    credential));
            npus = node.npuCount();
        }
        UUID cluster = provisioning.ensureCluster(
                new ClusterSpec(properties.clusterName(), nodeIds, properties.model(), npus, nodeIds.size()));
        log.info(
                "Demo: cluster '{}' ({}) with {} simulated nodes is ready in the inventory",
                properties.clusterName(),
                cluster,
                nodeIds.size());
    }

    /**
     * The host to register for a simulated node's SSH server: the loopback address instead of a wildcard bind
     * address ({@code 127.0.0.1} for {@code 0.0.0.0}, {@code ::1} for {@code ::}), anything else unchanged.
     */
    static String registeredHost(String sshHost) {
        String literal =
                sshHost.startsWith("[") && sshHost.endsWith("]") ? sshHost.substring(1, sshHost.length() - 1) : sshHost;
        if (!isIpLiteral(literal)) {
            return sshHost;
        }
        try {
            // an IP literal: no name lookup
            InetAddress address = InetAddress.getByName(literal);
            if (!address.isAnyLocalAddress()) {
                return sshHost;
            }
            return literal.contains(":") ? "::1" : "127.0.0.1";
        } catch (UnknownHostException e) {
            return sshHost;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") ? host.matches("[0-9A-Fa-f:.]+") : host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }
}
