package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class SshConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(SshConfiguration.class);

    @Test
    void exposesTheExecutorWithDefaults() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(RemoteExecutor.class);
            SshProperties properties = ctx.getBean(SshProperties.class);
            assertThat(properties).isEqualTo(SshProperties.defaults());
        });
    }

    @Test
    void bindsTypedSettings() {
        context.withPropertyValues(
                        "ascendcp.ssh.connect-timeout=3s",
                        "ascendcp.ssh.command-timeout=1h",
                        "ascendcp.ssh.output-head-bytes=1024",
                        "ascendcp.ssh.max-line-length=4096")
                .run(ctx -> {
                    SshProperties properties = ctx.getBean(SshProperties.class);
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.commandTimeout()).isEqualTo(Duration.ofHours(1));
                    assertThat(properties.outputHeadBytes()).isEqualTo(1024);
                    assertThat(properties.maxLineLength()).isEqualTo(4096);
                });
    }

    @Test
    void rejectsAnInvalidSetting() {
        context.withPropertyValues("ascendcp.ssh.max-line-length=10")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
