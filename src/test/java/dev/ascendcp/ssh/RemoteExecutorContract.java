package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What every SSH server the control plane talks to must do with the sshj adapter: OpenSSH and the simulator. The
 * commands stay within the simulator's vocabulary ({@code echo printf sleep sh -c cat test touch head true false},
 * {@code ; && || |} and redirections); server-specific checks go through the hooks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteExecutorContract {

    static final SshProperties PROPERTIES = new SshProperties(
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            Duration.ofMinutes(2),
            65536,
            65536,
            16384);

    protected final RecordingHostKeyListener hostKeys = new RecordingHostKeyListener();
    protected SshjRemoteExecutor executor;

    /** A key-authenticated TOFU target without sudo and without a pinned key, under {@code id}. */
    protected abstract SshTarget target(String id);

    /** A password-authenticated TOFU target without a pinned key. */
    protected abstract SshTarget passwordTarget(String id, String password);

    protected abstract String validPassword();

    /** The server's real host key. */
    protected abstract HostKeyPin hostKey();

    /** A valid host key the server does not have. */
    protected abstract HostKeyPin foreignHostKey();

    /** A path the target user may create files in (on the server). */
    protected abstract String scratchPath(String name);

    /** How many processes on the server have {@code pattern} in their command line. */
    protected abstract int remoteProcessCount(String pattern) throws Exception;

    @BeforeAll
    void startExecutor() {
        executor = new SshjRemoteExecutor(PROPERTIES, hostKeys);
    }

    @AfterAll
    void closeExecutor() {
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void runsACommandAndCapturesItsOutputWithoutThePidLine() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());

        ExecResult result = executor.execute(
                pinned("echo"),
                RemoteCommand.of("echo", "hello"),
                options().withSink((s, line) -> lines.add(s + ":" + line)));

        assertThat(result.failure()).isNull();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().head()).isEqualTo("hello\n");
        assertThat(result.stdout().truncated()).isFalse();
        assertThat(result.stderr().head()).isEmpty();
        assertThat(lines).containsExactly("STDOUT:hello");
        assertThat(result.duration()).isPositive();
    }

    @Test
    void reportsExitCodesAndTheLastErrorLine() {
        SshTarget target = pinned("exit");

        ExecResult three = executor.execute(target, RemoteCommand.of("sh", "-c", "echo out; echo broken >&2; exit 3"));
        ExecResult yes = executor.execute(target, RemoteCommand.of("true"));
        ExecResult no = executor.execute(target, RemoteCommand.of("false"));

        assertThat(three.exitCode()).isEqualTo(3);
        assertThat(three.failureReason()).isEqualTo(FailureReason.NON_ZERO_EXIT);
        assertThat(three.failure().message()).contains("exited with 3", "broken");
        assertThat(three.stdout().head()).isEqualTo("out\n");
        assertThat(three.stderr().head()).isEqualTo("broken\n");
        assertThat(yes.exitCode()).isZero();
        assertThat(yes.succeeded()).isTrue();
        assertThat(no.exitCode()).isEqualTo(1);
        assertThat(no.failureReason()).isEqualTo(FailureReason.NON_ZERO_EXIT);
    }

    @Test
    void streamsLinesInOrderWhileTheCommandRuns() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        List<Instant> arrivals = Collections.synchronizedList(new ArrayList<>());

        ExecResult result = executor.execute(
                pinned("stream"),
                RemoteCommand.of("sh", "-c", "echo one; sleep 1; echo two >&2; sleep 1; echo three"),
                options().withSink((stream, line) -> {
                    lines.add(stream + ":" + line);
                    arrivals.add(Instant.now());
                }));
        Instant finished = Instant.now();

        assertThat(result.succeeded()).isTrue();
        assertThat(lines).containsExactly("STDOUT:one", "STDERR:two", "STDOUT:three");
        assertThat(Duration.between(arrivals.get(0), finished)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(Duration.between(arrivals.get(1), finished)).isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void combinesCommandsWithOperatorsAndRedirections() {
        SshTarget target = pinned("operators");
        String file = scratchPath("redirect-" + UUID.randomUUID());
        RemoteCommand command = RemoteCommand.of("printf", "%s\\n", "a", "b")
                .pipe(RemoteCommand.of("cat"))
                .then(RemoteCommand.of("false").or(RemoteCommand.of("echo", "fallback")))
                .then(RemoteCommand.of("true")
                        .and(RemoteCommand.of("echo", "written"))
                        .redirectStdoutTo(file))
                .then(RemoteCommand.of("test", "-e", file)
                        .and(RemoteCommand.of("cat").stdinFrom(file)));

        ExecResult result = executor.execute(target, command);

        assertThat(result.failure()).isNull();
        assertThat(result.stdout().head()).isEqualTo("a\nb\nfallback\nwritten\n");
    }

    @Test
    void passesHostileStringsAsLiteralArguments() {
        RemoteCommand.Builder printf = RemoteCommand.builder("printf").arg("%s\\n");
        RemoteCommandTests.HOSTILE.forEach(printf::arg);

        ExecResult result = executor.execute(pinned("hostile"), printf.build());

        assertThat(result.failure()).isNull();
        assertThat(result.stdout().head()).isEqualTo(String.join("\n", RemoteCommandTests.HOSTILE) + "\n");
    }

    @Test
    void sendsSecretArgumentsButNeverRendersThem() {
        RemoteCommand command = RemoteCommand.builder("printf")
                .arg("%s\\n")
                .secretArg("top-secret-token")
                .build();

        ExecResult result = executor.execute(pinned("secret"), command);

        assertThat(result.stdout().head()).isEqualTo("top-secret-token\n");
        assertThat(command.toString()).isEqualTo("printf '%s\\n' ****");
        assertThat(command.forLog()).doesNotContain("top-secret-token");
    }

    @Test
    void authenticatesWithAPassword() {
        ExecResult result = executor.execute(
                passwordTarget("password-ok", validPassword()).withPinnedHostKey(hostKey()),
                RemoteCommand.of("echo", "pw"));

        assertThat(result.failure()).isNull();
        assertThat(result.stdout().head()).isEqualTo("pw\n");
    }

    @Test
    void reportsAWrongPasswordAsAuthFailed() {
        ExecResult result = executor.execute(
                passwordTarget("password-wrong", "not-the-password").withPinnedHostKey(hostKey()),
                RemoteCommand.of("true"));

        assertThat(result.failureReason()).isEqualTo(FailureReason.AUTH_FAILED);
        assertThat(result.exitCode()).isNull();
        assertThat(result.failure().message()).contains("password").doesNotContain("not-the-password");
    }

    @Test
    void refusesAChangedHostKeyBeforeAuthenticatingOrRunningAnything() {
        String marker = scratchPath("marker-" + UUID.randomUUID());
        SshTarget changed = target("changed-key").withPinnedHostKey(foreignHostKey());
        SshTarget changedWithWrongPassword =
                passwordTarget("changed-key-pw", "wrong").withPinnedHostKey(foreignHostKey());

        ExecResult result = executor.execute(changed, RemoteCommand.of("touch", marker));
        ExecResult beforeAuth = executor.execute(changedWithWrongPassword, RemoteCommand.of("true"));
        ExecResult check = executor.execute(pinned("changed-key-check"), RemoteCommand.of("test", "-e", marker));

        assertThat(result.failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(result.failure().expectedFingerprint())
                .isEqualTo(foreignHostKey().fingerprint());
        assertThat(result.failure().offeredFingerprint()).isEqualTo(hostKey().fingerprint());
        assertThat(result.failure().message())
                .contains(foreignHostKey().fingerprint(), hostKey().fingerprint());
        assertThat(beforeAuth.failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(check.exitCode()).as("the marker file must not exist").isEqualTo(1);
        assertThat(hostKeys.mismatches)
                .filteredOn(m -> m.targetId().equals("changed-key"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.expectedFingerprint())
                            .isEqualTo(foreignHostKey().fingerprint());
                    assertThat(m.offeredFingerprint()).isEqualTo(hostKey().fingerprint());
                    assertThat(m.offeredBase64()).isEqualTo(hostKey().base64());
                });
        assertThat(hostKeys.firstSeen).noneMatch(f -> f.targetId().startsWith("changed-key"));
    }

    @Test
    void trustsOnFirstUseAndEnforcesTheRecordedKeyOnTheNextConnection() {
        String id = "tofu-" + UUID.randomUUID();

        ExecResult first = executor.execute(target(id), RemoteCommand.of("true"));
        RecordingHostKeyListener.FirstSeen seen = hostKeys.firstSeen.stream()
                .filter(f -> f.targetId().equals(id))
                .findFirst()
                .orElseThrow();
        HostKeyPin recorded = new HostKeyPin(seen.algorithm(), seen.fingerprint(), seen.base64());
        executor.breakConnection(id);
        ExecResult second = executor.execute(target(id).withPinnedHostKey(recorded), RemoteCommand.of("true"));

        assertThat(first.succeeded()).isTrue();
        assertThat(recorded).isEqualTo(hostKey());
        assertThat(second.succeeded()).isTrue();
        assertThat(executor.connectionsOpened(id)).isEqualTo(2);
        assertThat(hostKeys.firstSeen).filteredOn(f -> f.targetId().equals(id)).hasSize(1);
    }

    @Test
    void refusesAStrictTargetWithoutAPinnedKey() {
        ExecResult unpinned = executor.execute(
                target("strict-unpinned").withHostKeyPolicy(HostKeyPolicy.STRICT), RemoteCommand.of("true"));
        ExecResult pinned = executor.execute(
                target("strict-pinned").withHostKeyPolicy(HostKeyPolicy.STRICT).withPinnedHostKey(hostKey()),
                RemoteCommand.of("true"));

        assertThat(unpinned.failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(unpinned.failure().message()).contains("no pinned key for STRICT target strict-unpinned");
        assertThat(unpinned.failure().offeredFingerprint()).isEqualTo(hostKey().fingerprint());
        assertThat(hostKeys.firstSeen).noneMatch(f -> f.targetId().equals("strict-unpinned"));
        assertThat(hostKeys.mismatches)
                .filteredOn(m -> m.targetId().equals("strict-unpinned"))
                .first()
                .satisfies(m -> {
                    assertThat(m.expectedFingerprint()).isNull();
                    assertThat(m.offeredFingerprint()).isEqualTo(hostKey().fingerprint());
                });
        assertThat(pinned.succeeded()).isTrue();
    }

    @Test
    @Timeout(60)
    void killsTheWholeRemoteProcessTreeOnTimeout() throws Exception {
        String sleep = "sleep 3171";
        CountDownLatch started = new CountDownLatch(1);
        ExecOptions options = options().withTimeout(Duration.ofSeconds(3)).withSink(startedSignal(started));

        CompletableFuture<ExecResult> run =
                CompletableFuture.supplyAsync(() -> executor.execute(pinned("timeout"), treeOf(sleep), options));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(remoteProcessCount(sleep)).isGreaterThanOrEqualTo(2);
        ExecResult result = run.get(30, TimeUnit.SECONDS);

        assertThat(result.failureReason()).isEqualTo(FailureReason.COMMAND_TIMEOUT);
        assertThat(result.failure().message()).contains("timed out", "killed");
        assertThat(result.stdout().head()).isEqualTo("started\n");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(15));
        awaitZero(() -> count(sleep));
    }

    @Test
    @Timeout(60)
    void cancelKillsTheWholeRemoteProcessTree() throws Exception {
        String sleep = "sleep 3172";
        CountDownLatch started = new CountDownLatch(1);
        Cancellation cancellation = new Cancellation();
        ExecOptions options = options().withCancellation(cancellation).withSink(startedSignal(started));

        CompletableFuture<ExecResult> run =
                CompletableFuture.supplyAsync(() -> executor.execute(pinned("cancel"), treeOf(sleep), options));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(remoteProcessCount(sleep)).isGreaterThanOrEqualTo(2);
        Instant cancelledAt = Instant.now();
        cancellation.cancel();
        ExecResult result = run.get(30, TimeUnit.SECONDS);

        assertThat(result.failureReason()).isEqualTo(FailureReason.CANCELLED);
        assertThat(result.exitCode()).isNull();
        assertThat(Duration.between(cancelledAt, Instant.now())).isLessThan(Duration.ofSeconds(10));
        awaitZero(() -> count(sleep));
    }

    /**
     * A caller that cancels by interrupting the thread running the command, as {@code Future.cancel(true)} does, and
     * whose interrupts keep coming while the command is being stopped (a cancel token fired at the same moment, then
     * the interrupt, as the verification lanes do): the kill must not depend on the caller's interrupt flag.
     */
    @Test
    @Timeout(60)
    void interruptingTheThreadThatRunsTheCommandKillsTheWholeRemoteProcessTree() throws Exception {
        String sleep = "sleep 3174";
        CountDownLatch started = new CountDownLatch(1);
        Cancellation cancellation = new Cancellation();
        ExecOptions options = options().withCancellation(cancellation).withSink(startedSignal(started));
        ExecutorService callers = Executors.newSingleThreadExecutor();
        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<ExecResult> result = new CompletableFuture<>();
        try {
            Future<?> run = callers.submit(() -> {
                caller.set(Thread.currentThread());
                result.complete(executor.execute(pinned("interrupt"), treeOf(sleep), options));
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(remoteProcessCount(sleep)).isGreaterThanOrEqualTo(2);
            Instant cancelledAt = Instant.now();
            cancellation.cancel();
            run.cancel(true);
            while (!result.isDone()
                    && Duration.between(cancelledAt, Instant.now()).getSeconds() < 30) {
                caller.get().interrupt();
                LockSupport.parkNanos(20_000);
            }
            ExecResult stopped = result.get(1, TimeUnit.SECONDS);

            assertThat(stopped.failureReason()).isEqualTo(FailureReason.CANCELLED);
            assertThat(stopped.failure().message()).contains("was killed");
            assertThat(Duration.between(cancelledAt, Instant.now())).isLessThan(Duration.ofSeconds(20));
            awaitZero(() -> count(sleep));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theOverallDeadlineCapsTheCommandTimeout() throws Exception {
        ExecResult result = executor.execute(
                pinned("deadline"),
                RemoteCommand.of("sleep", "3173"),
                options()
                        .withTimeout(Duration.ofMinutes(5))
                        .withDeadline(Instant.now().plusSeconds(2)));

        assertThat(result.failureReason()).isEqualTo(FailureReason.COMMAND_TIMEOUT);
        assertThat(result.failure().message()).contains("deadline");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(15));
        awaitZero(() -> count("sleep 3173"));
    }

    @Test
    void aCancelledTokenStopsTheCommandBeforeItConnects() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        String id = "cancelled-early-" + UUID.randomUUID();

        ExecResult result =
                executor.execute(target(id), RemoteCommand.of("true"), options().withCancellation(cancellation));

        assertThat(result.failureReason()).isEqualTo(FailureReason.CANCELLED);
        assertThat(executor.connectionsOpened(id)).isZero();
    }

    @Test
    void anInterruptedThreadDoesNotStartTheCommandAndKeepsItsInterrupt() throws Exception {
        String id = "interrupted-early-" + UUID.randomUUID();
        CompletableFuture<ExecResult> result = new CompletableFuture<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            result.complete(executor.execute(target(id), RemoteCommand.of("true")));
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        });
        caller.start();

        assertThat(result.get(30, TimeUnit.SECONDS).failureReason()).isEqualTo(FailureReason.CANCELLED);
        assertThat(stillInterrupted.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.connectionsOpened(id)).isZero();
    }

    @Test
    @Timeout(600)
    void keepsOnlyHeadAndTailOfAGibibyteOfOutput() {
        long gib = 1L << 30;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong chars = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        AtomicLong worstGrowth = new AtomicLong();
        AtomicLong nextCheck = new AtomicLong(128L << 20);

        ExecResult result = executor.execute(
                pinned("gibibyte"),
                RemoteCommand.of("head", "-c", Long.toString(gib), "/dev/zero"),
                options().withTimeout(Duration.ofMinutes(9)).withSink((stream, line) -> {
                    longest.accumulateAndGet(line.length(), Math::max);
                    if (chars.addAndGet(line.length()) >= nextCheck.get()) {
                        nextCheck.addAndGet(128L << 20);
                        System.gc();
                        worstGrowth.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - baseline, Math::max);
                    }
                }));

        assertThat(result.failure()).isNull();
        assertThat(chars.get()).isEqualTo(gib);
        assertThat(longest.get()).isEqualTo(PROPERTIES.maxLineLength());
        assertThat(result.stdout().totalBytes()).isEqualTo(gib);
        assertThat(result.stdout().truncated()).isTrue();
        assertThat(result.stdout().droppedBytes()).isEqualTo(gib - 2 * 65536);
        assertThat(result.stdout().head().length() + result.stdout().tail().length())
                .isEqualTo(2 * 65536);
        assertThat(worstGrowth.get()).as("heap growth while streaming").isLessThan(256L << 20);
    }

    @Test
    void splitsOverlongLinesForTheSink() {
        List<Integer> lengths = Collections.synchronizedList(new ArrayList<>());

        ExecResult result = executor.execute(
                pinned("long-line"),
                RemoteCommand.of("head", "-c", "40000", "/dev/zero"),
                options().withSink((stream, line) -> lengths.add(line.length())));

        assertThat(result.succeeded()).isTrue();
        assertThat(lengths).containsExactly(16384, 16384, 40000 - 2 * 16384);
        assertThat(result.stdout().head()).hasSize(40000);
    }

    @Test
    @Timeout(60)
    void runsConcurrentCommandsOnOneSharedConnection() {
        String id = "shared-" + UUID.randomUUID();
        SshTarget target = target(id).withPinnedHostKey(hostKey());
        Instant start = Instant.now();

        List<CompletableFuture<ExecResult>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RemoteCommand command = RemoteCommand.of("sh", "-c", "sleep 1; echo run-" + i);
            runs.add(CompletableFuture.supplyAsync(() -> executor.execute(target, command)));
        }
        List<ExecResult> results = runs.stream().map(CompletableFuture::join).toList();

        assertThat(results).allMatch(ExecResult::succeeded);
        assertThat(results)
                .extracting(r -> r.stdout().head())
                .containsExactlyInAnyOrder("run-0\n", "run-1\n", "run-2\n", "run-3\n", "run-4\n", "run-5\n");
        assertThat(executor.connectionsOpened(id)).isEqualTo(1);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void reconnectsWhenTheConnectionDied() {
        String id = "reconnect-" + UUID.randomUUID();
        SshTarget target = target(id).withPinnedHostKey(hostKey());

        ExecResult before = executor.execute(target, RemoteCommand.of("echo", "before"));
        executor.breakConnection(id);
        ExecResult after = executor.execute(target, RemoteCommand.of("echo", "after"));

        assertThat(before.succeeded()).isTrue();
        assertThat(after.stdout().head()).isEqualTo("after\n");
        assertThat(executor.connectionsOpened(id)).isEqualTo(2);
    }

    @Test
    void closesIdleConnections() throws Exception {
        SshProperties quickIdle = new SshProperties(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofMillis(500),
                1024,
                1024,
                1024);
        try (SshjRemoteExecutor idle = new SshjRemoteExecutor(quickIdle, HostKeyListener.NONE)) {
            ExecResult result = idle.execute(pinned("idle"), RemoteCommand.of("true"));

            assertThat(result.succeeded()).isTrue();
            awaitZero(idle::openConnections);
        }
    }

    protected SshTarget pinned(String id) {
        return target(id).withPinnedHostKey(hostKey());
    }

    protected static ExecOptions options() {
        return ExecOptions.defaults();
    }

    private static RemoteCommand treeOf(String sleep) {
        return RemoteCommand.of("sh", "-c", "echo started; " + sleep + " & " + sleep + " & wait");
    }

    private static OutputSink startedSignal(CountDownLatch started) {
        return (stream, line) -> {
            if (line.equals("started")) {
                started.countDown();
            }
        };
    }

    private int count(String pattern) {
        try {
            return remoteProcessCount(pattern);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitZero(IntSupplier count) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (count.getAsInt() != 0 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(count.getAsInt()).isZero();
    }
}
