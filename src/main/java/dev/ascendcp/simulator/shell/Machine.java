package dev.ascendcp.simulator.shell;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the shell sees of the simulated node it runs on. */
public interface Machine {

    /** An IPv4 address on a network interface (for {@code ip -o -4 addr show}). */
    record Interface(int index, String name, String address, int prefixLength) {}

    String hostname();

    /** The login user of the SSH sessions. */
    String username();

    boolean sudoAllowed();

    VirtualFs fs();

    ProcessTable processes();

    /** The command known by this name or path, or {@code null}. */
    @Nullable
    Program program(String nameOrPath);

    List<Interface> interfaces();

    /** TCP listeners as {@code ip:port}, for {@code ss -ltn}. */
    List<String> listeners();

    /** Size of {@code /dev/shm} in bytes, on the host or in the named container ({@code docker run --shm-size}). */
    long shmBytes(@Nullable String container);

    /** The environment a login shell starts with. */
    Map<String, String> loginEnv();
}
