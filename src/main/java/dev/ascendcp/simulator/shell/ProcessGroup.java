package dev.ascendcp.simulator.shell;

/** A process group; a signal sent to it marks every member killed and interrupts their threads. */
final class ProcessGroup {

    private final int pgid;
    private volatile int signal;

    ProcessGroup(int pgid) {
        this.pgid = pgid;
    }

    int pgid() {
        return pgid;
    }

    /** The signal that killed the group, 0 while alive. */
    int signal() {
        return signal;
    }

    void kill(int sig) {
        if (signal == 0) {
            signal = sig;
        }
    }
}
