package dev.ascendcp.ssh;

import java.io.IOException;
import net.schmizz.sshj.SSHClient;
import org.jspecify.annotations.Nullable;

/**
 * One authenticated sshj client (and the jump host client it tunnels through, if any), with the host keys they
 * accepted.
 */
record SshjConnection(
        SSHClient client,
        @Nullable SSHClient jumpClient,
        @Nullable String hostKeyBase64,
        @Nullable String jumpHostKeyBase64) {

    boolean isAlive() {
        return client.isConnected() && client.isAuthenticated();
    }

    void close() {
        closeQuietly(client);
        if (jumpClient != null) {
            closeQuietly(jumpClient);
        }
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException | RuntimeException e) {
            // Closing a connection that already broke: nothing left to do.
        }
    }
}
