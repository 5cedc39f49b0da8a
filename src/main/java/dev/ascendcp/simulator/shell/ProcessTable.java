package dev.ascendcp.simulator.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The processes running on one simulated node. */
public final class ProcessTable {

    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    private final AtomicInteger nextPid = new AtomicInteger(4000);
    private final Map<Integer, SimProcess> running = new ConcurrentHashMap<>();

    /** A new process leading its own group (an SSH exec request, a {@code docker} daemon task). */
    public SimProcess startGroup(String command) {
        int pid = nextPid.incrementAndGet();
        SimProcess p = new SimProcess(pid, new ProcessGroup(pid), command, Thread.currentThread());
        running.put(pid, p);
        return p;
    }

    /** A child of {@code parent} in the parent's group; the caller binds its thread. */
    public SimProcess startChild(SimProcess parent, String command) {
        int pid = nextPid.incrementAndGet();
        SimProcess p = new SimProcess(pid, parent.group(), command, Thread.currentThread());
        running.put(pid, p);
        return p;
    }

    public void exited(SimProcess p) {
        running.remove(p.pid());
    }

    public int count() {
        return running.size();
    }

    public List<SimProcess> list() {
        return new ArrayList<>(running.values());
    }

    /** Signals a process group; returns false when no process of that group exists. */
    public boolean killGroup(int pgid, int signal) {
        boolean found = false;
        for (SimProcess p : running.values()) {
            if (p.pgid() == pgid) {
                found = true;
                p.group().kill(signal);
                p.thread().interrupt();
            }
        }
        return found;
    }

    /** Signals one process; the rest of its group runs on. */
    public boolean kill(int pid, int signal) {
        SimProcess p = running.get(pid);
        if (p == null) {
            return false;
        }
        p.kill(signal);
        return true;
    }

    /** Kills everything (node power-off). */
    public void killAll() {
        for (SimProcess p : running.values()) {
            p.group().kill(SIGKILL);
            p.thread().interrupt();
        }
    }
}
