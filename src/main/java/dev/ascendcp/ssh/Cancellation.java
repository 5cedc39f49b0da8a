package dev.ascendcp.ssh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a job stop a running command: {@link #cancel()} kills the remote process group and makes the command end with
 * {@link FailureReason#CANCELLED}. One token may serve several commands; cancelling before a command starts makes it
 * end at once without connecting.
 */
public final class Cancellation {

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        for (Runnable callback : callbacks) {
            callback.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code callback} on cancel (at once if already cancelled); close the handle to unregister. */
    AutoCloseable onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }
}
