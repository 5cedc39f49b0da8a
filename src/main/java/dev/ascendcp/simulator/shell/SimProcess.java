package dev.ascendcp.simulator.shell;

import java.time.Instant;

/** One simulated process: a pid in a process group, carried by a Java thread. */
public final class SimProcess {

    private final int pid;
    private final ProcessGroup group;
    private final String command;
    private final Instant started = Instant.now();
    private volatile Thread thread;
    private volatile int signal;

    SimProcess(int pid, ProcessGroup group, String command, Thread thread) {
        this.pid = pid;
        this.group = group;
        this.command = command;
        this.thread = thread;
    }

    public int pid() {
        return pid;
    }

    public int pgid() {
        return group.pgid();
    }

    public String command() {
        return command;
    }

    public Instant started() {
        return started;
    }

    /** The signal that killed this process or its group, 0 while alive. */
    public int signal() {
        return signal != 0 ? signal : group.signal();
    }

    void kill(int sig) {
        if (signal == 0) {
            signal = sig;
        }
        thread.interrupt();
    }

    ProcessGroup group() {
        return group;
    }

    Thread thread() {
        return thread;
    }

    void bind(Thread t) {
        this.thread = t;
    }
}
