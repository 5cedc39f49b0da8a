package dev.ascendcp.simulator.shell;

/**
 * Counts the processes that still write to an SSH channel. Like a real sshd, the channel reports its exit status only
 * after every process holding its stdout/stderr has finished (a background job without redirection keeps it open).
 */
public final class ChannelHold {

    private int holders = 1;

    public synchronized void acquire() {
        holders++;
    }

    public synchronized void release() {
        holders--;
        notifyAll();
    }

    /** Releases the caller's hold and waits until nobody else holds the channel. */
    public synchronized void releaseAndAwait() throws InterruptedException {
        release();
        while (holders > 0) {
            wait();
        }
    }
}
