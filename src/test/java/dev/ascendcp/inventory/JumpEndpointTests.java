package dev.ascendcp.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.ssh.JumpHost;
import dev.ascendcp.ssh.SshAuth;
import org.junit.jupiter.api.Test;

class JumpEndpointTests {

    @Test
    void readsTheEndpointFromTheSshLayersJumpHostId() {
        JumpHost jump = JumpHost.of("Bastion.Example.COM", 2222, "ops", SshAuth.password("x"));

        assertThat(JumpEndpoint.fromTargetId(jump.id())).contains(new JumpEndpoint("bastion.example.com", 2222));
        assertThat(JumpEndpoint.fromTargetId("jump:fe80::1:22")).contains(new JumpEndpoint("fe80::1", 22));
    }

    @Test
    void namesNoEndpointForNodeIdsOrMalformedIds() {
        assertThat(JumpEndpoint.fromTargetId("6f1c2d7e-0000-4000-8000-000000000000"))
                .isEmpty();
        assertThat(JumpEndpoint.fromTargetId("jump:bastion")).isEmpty();
        assertThat(JumpEndpoint.fromTargetId("jump::22")).isEmpty();
        assertThat(JumpEndpoint.fromTargetId("jump:bastion:ssh")).isEmpty();
    }
}
