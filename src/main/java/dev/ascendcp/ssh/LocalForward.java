package dev.ascendcp.ssh;

/** An open local port forward; {@link #close()} stops listening and releases the SSH connection. */
public interface LocalForward extends AutoCloseable {

    /** The port on 127.0.0.1 that reaches the remote end. */
    int localPort();

    /** Whether the forward still accepts connections (false once closed or after the SSH connection broke). */
    boolean isOpen();

    @Override
    void close();
}
