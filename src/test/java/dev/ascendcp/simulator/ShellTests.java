package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated shell interprets command lines as a POSIX sh does. */
class ShellTests {

    @TempDir
    static Path keys;

    static SimulatedCluster cluster;
    static SimulatedNode node;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(ClusterSpec.builder(keys)
                .nodes(1)
                .password("pw")
                .hccnLatency(Duration.ZERO)
                .build());
        node = cluster.nodes().get(0);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private CommandResult run(String line) {
        return node.run(line);
    }

    @Test
    void hostileArgumentsArriveLiterallyThroughQuoting() {
        CommandResult r = run("printf '%s\\n' '$(id)' '`x`' 'a;b' \"it's\" 'a'\\''b'");
        assertThat(r.stdout()).isEqualTo("$(id)\n`x`\na;b\nit's\na'b\n");
        assertThat(r.exitStatus()).isZero();
    }

    @Test
    void expandsVariablesInDoubleQuotesButNotInSingleQuotes() {
        assertThat(run("X=1; export Y=2; echo \"$X-$Y\" '$X' ${Y}z").stdout()).isEqualTo("1-2 $X 2z\n");
    }

    @Test
    void onlyExportedVariablesReachChildren() {
        assertThat(run("A=1; export B=2; sh -c 'echo \"[$A][$B]\"'").stdout()).isEqualTo("[][2]\n");
        assertThat(run("C=3 sh -c 'echo $C'").stdout()).isEqualTo("3\n");
    }

    @Test
    void andOrListsAndExitStatus() {
        assertThat(run("false && echo no || echo yes; true && echo ok").stdout())
                .isEqualTo("yes\nok\n");
        assertThat(run("exit 3").exitStatus()).isEqualTo(3);
        assertThat(run("sh -c 'exit 4'; echo $?").stdout()).isEqualTo("4\n");
    }

    @Test
    void unknownCommandIsNotFound() {
        CommandResult r = run("foo bar");
        assertThat(r.stderr()).isEqualTo("sh: 1: foo: not found\n");
        assertThat(r.exitStatus()).isEqualTo(127);
    }

    @Test
    void pipelinesRedirectionsAndFiles() {
        assertThat(run("printf 'a\\nb\\nab\\n' | grep -c a").stdout()).isEqualTo("2\n");
        assertThat(run("echo hi > /tmp/f; echo there >> /tmp/f; cat /tmp/f; wc -l < /tmp/f")
                        .stdout())
                .isEqualTo("hi\nthere\n2\n");
        assertThat(run("cat /nope 2>/dev/null; echo $?").stdout()).isEqualTo("1\n");
        assertThat(run("cat /nope 2>&1").stdout()).isEqualTo("cat: /nope: No such file or directory\n");
        assertThat(run("[ -e /etc/hccn.conf ] && test -d /dev/shm && [ -n \"x\" ] && [ a != b ] && echo yes")
                        .stdout())
                .isEqualTo("yes\n");
        assertThat(run("mkdir -p /tmp/a/b && touch /tmp/a/b/c && ls /tmp/a/b && rm -f /tmp/a/b/c && ls /tmp/a/b")
                        .stdout())
                .isEqualTo("c\n");
    }

    @Test
    void loopsAndConditionals() {
        assertThat(run("for i in 0 1 2; do echo n$i; done").stdout()).isEqualTo("n0\nn1\nn2\n");
        assertThat(run("if [ -f /nope ]; then echo a; else echo b; fi").stdout())
                .isEqualTo("b\n");
    }

    @Test
    void textUtilities() {
        assertThat(run("echo hello | tr a-z A-Z").stdout()).isEqualTo("HELLO\n");
        assertThat(run("printf 'abcdef' | fold -w 2").stdout()).isEqualTo("ab\ncd\nef");
        assertThat(run("printf '1\\n2\\n3\\n' | tail -n 2").stdout()).isEqualTo("2\n3\n");
        assertThat(run("printf '1\\n2\\n3\\n' | head -n 1").stdout()).isEqualTo("1\n");
        assertThat(run("head -c 1048576 /dev/zero | wc -c").stdout()).isEqualTo("1048576\n");
        assertThat(run("printf '%s=%d\\n' a 1 b 2").stdout()).isEqualTo("a=1\nb=2\n");
        assertThat(run("id -un; whoami; hostname").stdout()).isEqualTo("ascend\nascend\nsim-node-1\n");
    }

    @Test
    void sudoRunsAsRootWhenAllowed() {
        assertThat(run("sudo -n -- id -un").stdout()).isEqualTo("root\n");
        assertThat(run("exec sudo -n -- sh -c 'whoami'").stdout()).isEqualTo("root\n");
    }

    @Test
    void networkCommandsUseTheRealLayouts() {
        assertThat(run("ip -o -4 addr show dev enp189s0f0").stdout())
                .isEqualTo(
                        "2: enp189s0f0    inet 127.0.0.1/24 brd 127.0.0.255 scope global enp189s0f0\\       valid_lft forever"
                                + " preferred_lft forever\n");
        CommandResult missing = run("ip -o -4 addr show dev eth9");
        assertThat(missing.stderr()).isEqualTo("Device \"eth9\" does not exist.\n");
        assertThat(missing.exitStatus()).isEqualTo(1);
        assertThat(run("df -k /dev/shm").stdout())
                .matches("(?s)Filesystem +1K-blocks +Used +Available +Use% +Mounted on\n"
                        + "tmpfs +1048576 +0 +1048576 +0% /dev/shm\n");
    }

    @Test
    void timeoutStopsACommand() {
        long start = System.nanoTime();
        CommandResult r = run("timeout 0.3 sleep 5; echo $?");
        assertThat(r.stdout()).isEqualTo("124\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void backgroundJobsWithRedirectionDoNotHoldTheCommand() {
        long start = System.nanoTime();
        CommandResult r = run("nohup sleep 2 > /tmp/log 2>&1 & echo started $!");
        assertThat(r.stdout()).startsWith("started ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(node.runningProcessCount()).isPositive();
        String pid = r.stdout().trim().split(" ")[1];
        assertThat(run("kill " + pid + "; echo $?").stdout()).isEqualTo("0\n");
    }

    @Test
    void syntaxErrorsAreReported() {
        CommandResult r = run("echo 'unterminated");
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("sh: 1: Syntax error");
    }
}
