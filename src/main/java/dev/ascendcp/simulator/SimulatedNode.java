package dev.ascendcp.simulator;

import dev.ascendcp.simulator.apps.DockerEngine;
import dev.ascendcp.simulator.shell.ExecCommand;
import dev.ascendcp.simulator.shell.ProcessTable;
import dev.ascendcp.simulator.shell.VirtualFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One simulated Ascend server: an SSH server, NPUs with their network, a file system and processes. */
public final class SimulatedNode {

    private final NodeSpec spec;
    private final SimulatedCluster cluster;
    private final NodeFaults faults;
    private final VirtualFs fs = new VirtualFs();
    private final ProcessTable processes = new ProcessTable();
    private final Set<String> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hccnCalls = new AtomicInteger();
    private final Credentials credentials;
    private final NodeServer server;
    private final NodeMachine machine;
    private final DockerEngine docker = new DockerEngine();

    SimulatedNode(NodeSpec spec, SimulatedCluster cluster, Credentials credentials) {
        this.spec = spec;
        this.cluster = cluster;
        this.credentials = credentials;
        this.faults = new NodeFaults(spec.npuCount());
        this.machine = new NodeMachine(this);
        NodeFiles.populate(this);
        this.server = new NodeServer(
                spec.sshBindAddress(),
                spec.port(),
                spec.hostKeyFile(),
                credentials,
                machine,
                new ForwardingToOwnListeners(this));
    }

    public String name() {
        return spec.name();
    }

    public NodeSpec spec() {
        return spec;
    }

    /** Where the SSH server listens: 127.0.0.1 unless the cluster has a bind address. */
    public String sshHost() {
        return server.host();
    }

    /** The SSH port (chosen at first start when the spec says 0; kept across restarts). */
    public int port() {
        return server.port();
    }

    /** {@code SHA256:…} fingerprint of the node's host key. */
    public String hostKeyFingerprint() {
        return server.fingerprint();
    }

    /** The host key as an OpenSSH public key line ({@code <algorithm> <base64>}), e.g. for a known_hosts file. */
    public String hostKeyLine() {
        return server.publicKeyLine();
    }

    public String username() {
        return credentials.username();
    }

    public String localIp() {
        return spec.localIp();
    }

    public String nic() {
        return spec.nic();
    }

    public int npuCount() {
        return spec.npuCount();
    }

    public String chipType() {
        return spec.chipType();
    }

    /** The IP NPU {@code i} really has ({@code -ip -g}), taking an injected duplicate into account. */
    public String npuIp(int i) {
        String override = faults.npu(i).ipOverride();
        return override != null ? override : spec.npuIp(i);
    }

    /** The node's docker daemon: images and containers. */
    public DockerEngine docker() {
        return docker;
    }

    public NodeFaults faults() {
        return faults;
    }

    public SimulatedCluster cluster() {
        return cluster;
    }

    /** The shell's view of this node (to run commands in it from simulated daemons). */
    public dev.ascendcp.simulator.shell.Machine machine() {
        return machine;
    }

    public VirtualFs fileSystem() {
        return fs;
    }

    public ProcessTable processes() {
        return processes;
    }

    /** Simulated processes alive on the node (SSH commands, their children, background jobs). */
    public int runningProcessCount() {
        return processes.count();
    }

    /** TCP listeners opened by simulated services ({@code ip:port}), as {@code ss -ltn} shows them. */
    public Set<String> listeners() {
        return listeners;
    }

    /** Counter of concurrent hccn_tool calls (the tool refuses to run too many at once). */
    public AtomicInteger hccnCalls() {
        return hccnCalls;
    }

    /** Runs a command line as an SSH exec request would, but in-process (for tests and the demo's own checks). */
    public CommandResult run(String commandLine) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = ExecCommand.runInProcess(machine, commandLine, out, err);
        return new CommandResult(
                status,
                out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Powers the node on: the SSH server listens again (same port, same host key). */
    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start SSH server of " + name(), e);
        }
    }

    /** Powers the node off: the SSH server stops, sessions drop, processes die, its NPUs stop answering pings. */
    public void stop() {
        server.stop();
        processes.killAll();
    }

    public boolean isRunning() {
        return server.isRunning();
    }
}
