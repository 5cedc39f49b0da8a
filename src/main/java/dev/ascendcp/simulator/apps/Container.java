package dev.ascendcp.simulator.apps;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A simulated container: what {@code docker run} was given, and the process groups started in it. */
public final class Container {

    private final String id;
    private final RunOptions options;
    private final String imageId;
    private final Instant created = Instant.now();
    private final Set<Integer> processGroups = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    Container(String id, RunOptions options, String imageId) {
        this.id = id;
        this.options = options;
        this.imageId = imageId;
    }

    public String id() {
        return id;
    }

    public String name() {
        return options.name();
    }

    public String image() {
        return options.image();
    }

    public String imageId() {
        return imageId;
    }

    public Map<String, String> env() {
        return options.env();
    }

    public Map<String, String> labels() {
        return options.labels();
    }

    public List<String> devices() {
        return options.devices();
    }

    public RunOptions options() {
        return options;
    }

    /** The size of the container's {@code /dev/shm} ({@code --shm-size}, docker's default 64 MiB). */
    public long shmBytes() {
        return InspectJson.shmBytes(options.shmSize());
    }

    public Instant created() {
        return created;
    }

    public boolean running() {
        return running;
    }

    void stop() {
        running = false;
    }

    Set<Integer> processGroups() {
        return processGroups;
    }
}
