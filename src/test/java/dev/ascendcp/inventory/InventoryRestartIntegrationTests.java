package dev.ascendcp.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.AscendControlPlaneApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What is stored in the file database, secrets included, is still there and readable after a restart. */
class InventoryRestartIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void keepsNodesClustersAndDecryptableSecretsAcrossARestart() {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        "tester", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        UUID nodeId;
        try (ConfigurableApplicationContext first = start()) {
            CredentialResponse credential = first.getBean(CredentialService.class)
                    .create(new CredentialRequest("restart-pass", "root", CredentialKind.PASSWORD, null, null, "pw-1"));
            nodeId = first.getBean(NodeService.class)
                    .create(new NodeRequest(
                            "restart-node", "10.9.0.1", null, credential.id(), null, null, "eth0", 8, null, null, null))
                    .id();
            first.getBean(ClusterService.class)
                    .create(new ClusterRequest("restart-cluster", nodeId, List.of(), null, null, null, null));
        } finally {
            SecurityContextHolder.clearContext();
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(NodeService.class).get(nodeId).name()).isEqualTo("restart-node");
            assertThat(second.getBean(ClusterService.class)
                            .list(Pageable.unpaged())
                            .getContent())
                    .singleElement()
                    .satisfies(c -> assertThat(c.headNodeId()).isEqualTo(nodeId));
            assertThat(second.getBean(NodeConnections.class)
                            .resolve(nodeId)
                            .secret()
                            .password())
                    .containsExactly("pw-1".toCharArray());
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, so that they win over the test configuration's in-memory database.
        return new SpringApplicationBuilder(AscendControlPlaneApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE",
                        "--ascendcp.inventory.master-key-file=" + dir.resolve("master.key"),
                        "--server.port=0");
    }
}
