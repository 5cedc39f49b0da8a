package dev.ascendcp.ssh;

import java.util.regex.Pattern;

/** Validation of the names that end up in a socket address or an SSH login. */
final class SshNames {

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|[0-9A-Fa-f:.]{2,45}");
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");

    private SshNames() {}

    static String host(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a valid host name or address: " + host);
        }
        return host;
    }

    static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        return port;
    }

    static String user(String username) {
        if (username == null || !USER.matcher(username).matches()) {
            throw new IllegalArgumentException("not a valid user name: " + username);
        }
        return username;
    }
}
