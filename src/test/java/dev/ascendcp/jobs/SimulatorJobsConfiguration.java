package dev.ascendcp.jobs;

import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.ssh.RemoteExecutor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Test wiring for jobs on simulated nodes through the product path: the inventory's targets and SSH access, the real
 * {@link RemoteExecutor}, and a scripted VERIFY phase (in place of the real one) whose steps run real commands.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestUsersConfiguration.class)
public class SimulatorJobsConfiguration {

    @Bean
    @Primary
    ScriptedPhase scriptedPhase() {
        return new ScriptedPhase();
    }

    @Bean
    SshSteps sshSteps(RemoteExecutor executor, NodeSshTargets targets) {
        return new SshSteps(executor, targets::target);
    }
}
