package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a unit test (run it with {@code ./mvnw verify -Dtest=SshConnectionReuseBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; numbers go to docs/benchmarks.md): 64 simulated nodes × 50 commands,
 * one reused connection per node versus a new connection for every command. Prints wall time and heap use.
 */
class SshConnectionReuseBenchmark {

    private static final int NODES = Integer.getInteger("bench.nodes", 64);
    private static final int COMMANDS = Integer.getInteger("bench.commands", 50);
    private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    @Test
    void reusedConnectionsVersusOnePerCommand() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.start(ClusterSpec.builder(dir)
                .nodes(NODES)
                .password(PASSWORD)
                .distinctLoopbackIps(false)
                .build())) {
            run(cluster, false); // warm-up: class loading and JIT, not reported
            Result reused = run(cluster, false);
            Result fresh = run(cluster, true);
            System.out.printf(
                    "BENCHMARK ssh %d nodes x %d commands: reused connection %d ms, peak heap %d MiB, %d connections"
                            + " | new connection per command %d ms, peak heap %d MiB, %d connections%n",
                    NODES,
                    COMMANDS,
                    reused.wallMillis,
                    reused.peakHeapMiB,
                    reused.connections,
                    fresh.wallMillis,
                    fresh.peakHeapMiB,
                    fresh.connections);
            assertThat(reused.connections).isEqualTo(NODES);
            assertThat(fresh.connections).isEqualTo((long) NODES * COMMANDS);
        }
    }

    private record Result(long wallMillis, long peakHeapMiB, long connections) {}

    private Result run(SimulatedCluster cluster, boolean newConnectionPerCommand) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        String run = Long.toHexString(System.nanoTime());
        try (SshjRemoteExecutor executor = new SshjRemoteExecutor(SshProperties.defaults(), HostKeyListener.NONE)) {
            ExecutorService pool = Executors.newFixedThreadPool(NODES);
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (SimulatedNode node : cluster.nodes()) {
                SshTarget target = SshTarget.of(
                                run + "-" + node.name(),
                                node.sshHost(),
                                node.port(),
                                node.username(),
                                SshAuth.password(PASSWORD))
                        .withPinnedHostKey(pin(node));
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < COMMANDS; i++) {
                        ExecResult result = executor.execute(
                                target,
                                RemoteCommand.of("echo", "command", Integer.toString(i)),
                                ExecOptions.defaults().withTimeout(Duration.ofSeconds(60)));
                        if (!result.succeeded()) {
                            throw new IllegalStateException(node.name() + ": " + result.failure());
                        }
                        if (newConnectionPerCommand) {
                            executor.breakConnection(target.id());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
            long wall = Duration.ofNanos(System.nanoTime() - started).toMillis();
            pool.shutdown();
            long connections = 0;
            for (SimulatedNode node : cluster.nodes()) {
                connections += executor.connectionsOpened(run + "-" + node.name());
            }
            sampling.set(false);
            sampler.join();
            return new Result(wall, peak.get() / (1024 * 1024), connections);
        }
    }

    private static HostKeyPin pin(SimulatedNode node) {
        String[] line = node.hostKeyLine().split(" ");
        return HostKeyPin.of(line[0], line[1]);
    }
}
