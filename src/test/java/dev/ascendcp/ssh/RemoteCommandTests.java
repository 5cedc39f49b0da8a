package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RemoteCommandTests {

    static final List<String> HOSTILE = List.of(
            "$(id)",
            "`id`",
            "a; touch /tmp/pwned",
            "a && b || c",
            "line1\nline2",
            "it's",
            "say \"hi\"",
            "*",
            "~root",
            "$HOME ${PATH}",
            "Grüße ✓ 漢字",
            " two  spaces ",
            "",
            "'\\''",
            "back\\slash",
            "#comment",
            "> /tmp/x",
            "-n");

    @Test
    void leavesPlainWordsBareAndQuotesEverythingElse() {
        RemoteCommand command = RemoteCommand.of("hccn_tool", "-i", "0", "-ip", "-g", "a b", "it's", "");

        assertThat(command.render()).isEqualTo("hccn_tool -i 0 -ip -g 'a b' 'it'\\''s' ''");
    }

    @Test
    void hostileArgumentsReachTheProgramLiterallyThroughARealShell() throws Exception {
        RemoteCommand.Builder builder = RemoteCommand.builder("printf").arg("%s\\n");
        HOSTILE.forEach(builder::arg);

        String output = runLocally(builder.build().render());

        assertThat(output).isEqualTo(String.join("\n", HOSTILE) + "\n");
    }

    @Test
    void theWireFormKeepsTheCommandLiteralInsideShC() throws Exception {
        RemoteCommand.Builder builder = RemoteCommand.builder("printf").arg("%s\\n");
        HOSTILE.forEach(builder::arg);

        String output = runLocally(WireForm.command(builder.build().render(), false));

        assertThat(output).startsWith("__acp_pid=").endsWith("\n" + String.join("\n", HOSTILE) + "\n");
    }

    @Test
    void rendersTheWireFormExactly() {
        assertThat(WireForm.command("echo 'a b'", false))
                .isEqualTo("echo __acp_pid=$$; exec sh -c 'echo '\\''a b'\\'''");
        assertThat(WireForm.command("id -u", true)).isEqualTo("echo __acp_pid=$$; exec sudo -n -- sh -c 'id -u'");
        assertThat(WireForm.kill(42, false))
                .isEqualTo("kill -s TERM -- -42 2>/dev/null; sleep 1; kill -s KILL -- -42 2>/dev/null; true");
        assertThat(WireForm.kill(42, true))
                .isEqualTo(
                        "sudo -n kill -s TERM -- -42 2>/dev/null; sleep 1; sudo -n kill -s KILL -- -42 2>/dev/null; true");
        assertThat(WireForm.parsePidLine("__acp_pid=1234")).hasValue(1234);
        assertThat(WireForm.parsePidLine("__acp_pid=12x")).isEmpty();
    }

    @Test
    void masksSecretArgumentsAndEnvironmentValuesInLogs() {
        RemoteCommand command = RemoteCommand.builder("docker")
                .secretEnv("HF_TOKEN", "hf_secret")
                .args("login", "-u", "ops", "-p")
                .secretArg("s3cr3t pass")
                .build();

        assertThat(command.toString())
                .isEqualTo(command.forLog())
                .isEqualTo("HF_TOKEN=**** docker login -u ops -p ****")
                .doesNotContain("s3cr3t", "hf_secret");
        assertThat(command.render()).isEqualTo("HF_TOKEN=hf_secret docker login -u ops -p 's3cr3t pass'");
    }

    @Test
    void joinsCommandsOnlyThroughExplicitOperators() throws Exception {
        RemoteCommand echoA = RemoteCommand.of("echo", "a");
        RemoteCommand command = echoA.pipe(RemoteCommand.of("cat"))
                .and(RemoteCommand.of("false"))
                .or(RemoteCommand.of("echo", "fallback"))
                .then(RemoteCommand.of("echo", "done"));

        assertThat(command.render()).isEqualTo("echo a | cat && false || echo fallback ; echo done");
        assertThat(runLocally(command.render())).isEqualTo("a\nfallback\ndone\n");
    }

    @Test
    void bracesAnOperandThatBindsLooserThanItsOperator() throws Exception {
        RemoteCommand grouped =
                RemoteCommand.of("false").and(RemoteCommand.of("echo", "x").or(RemoteCommand.of("echo", "y")));
        RemoteCommand sequence = RemoteCommand.of("echo", "a")
                .then(RemoteCommand.of("echo", "b"))
                .pipe(RemoteCommand.of("cat"));

        assertThat(grouped.render()).isEqualTo("false && { echo x || echo y ; }");
        assertThat(runLocally(grouped.render())).isEmpty();
        assertThat(sequence.render()).isEqualTo("{ echo a ; echo b ; } | cat");
        assertThat(runLocally(sequence.render())).isEqualTo("a\nb\n");
    }

    @Test
    void quotesRedirectionTargets() {
        RemoteCommand command = RemoteCommand.of("echo", "x")
                .redirectStdoutTo("/tmp/a b")
                .then(RemoteCommand.of("cat").stdinFrom("/tmp/a b").discardStderr())
                .then(RemoteCommand.of("ls").stderrToStdout());

        assertThat(command.render()).isEqualTo("echo x > '/tmp/a b' ; cat < '/tmp/a b' 2> /dev/null ; ls 2>&1");
    }

    @Test
    void rejectsNulCharactersAndInvalidNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteCommand.of("echo", "a\0b"));
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteCommand.of("rm -rf /"));
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteCommand.of("$(id)"));
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteCommand.of("-x"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RemoteCommand.builder("env").env("A B", "x"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RemoteCommand.of("cat").redirectStdoutTo("a\0"));
    }

    @Test
    void targetsAndCredentialsNeverRenderSecrets() {
        SshTarget target = SshTarget.of("node-a", "10.0.0.1", 22, "ops", SshAuth.password("hunter2"))
                .withJumpHost(JumpHost.of("bastion", 22, "ops", SshAuth.key("-----BEGIN KEY-----secret", "pass")));

        assertThat(target.toString())
                .doesNotContain("hunter2", "secret", "pass]")
                .contains("****");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SshTarget.of("x", "host;rm", 22, "ops", SshAuth.password("p")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SshTarget.of("x", "host", 22, "ops$(id)", SshAuth.password("p")));
    }

    private static String runLocally(String commandLine) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", commandLine).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
