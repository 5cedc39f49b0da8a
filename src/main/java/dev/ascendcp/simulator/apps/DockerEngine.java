package dev.ascendcp.simulator.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The docker daemon of one simulated node: local images and containers. Thread-safe. */
public final class DockerEngine {

    /** The image every simulated node has from the start. */
    public static final String DEFAULT_IMAGE = "quay.io/ascend/vllm-ascend:v0.9.1";

    /** Images that {@code docker pull} can fetch; anything else is "pull access denied". */
    private static final String PULLABLE_PREFIX = "quay.io/ascend/";

    private final Map<String, String> images = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    public DockerEngine() {
        images.put(DEFAULT_IMAGE, imageId(DEFAULT_IMAGE));
    }

    /** The image id docker reports for a reference: the same on every node, so nodes agree unless changed. */
    public static String imageId(String ref) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ref.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalize(String ref) {
        int slash = ref.lastIndexOf('/');
        return ref.indexOf(':', slash + 1) < 0 && !ref.contains("@") ? ref + ":latest" : ref;
    }

    /** Puts an image on this node with a given id (e.g. to simulate nodes with different builds of one tag). */
    public synchronized void putImage(String ref, String id) {
        images.put(normalize(ref), id);
    }

    public synchronized void removeImage(String ref) {
        images.remove(normalize(ref));
    }

    public synchronized @Nullable String image(String ref) {
        return images.get(normalize(ref));
    }

    public synchronized Map<String, String> images() {
        return new LinkedHashMap<>(images);
    }

    static boolean pullable(String ref) {
        return ref.startsWith(PULLABLE_PREFIX);
    }

    synchronized Container create(RunOptions options, String imageId) {
        String id = HexFormat.of().formatHex(sha(options.name() + counter.incrementAndGet() + System.nanoTime()));
        Container c = new Container(id, options, imageId);
        containers.put(options.name(), c);
        return c;
    }

    private static byte[] sha(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A container by name, full id or id prefix. */
    public synchronized @Nullable Container find(String nameOrId) {
        String name = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
        Container byName = containers.get(name);
        if (byName != null) {
            return byName;
        }
        return containers.values().stream()
                .filter(c -> nameOrId.length() >= 4 && c.id().startsWith(nameOrId))
                .findFirst()
                .orElse(null);
    }

    public synchronized List<Container> containers() {
        return new ArrayList<>(containers.values());
    }

    synchronized void remove(Container c) {
        containers.remove(c.name());
    }

    String nextName() {
        return "sim_container_" + counter.incrementAndGet();
    }
}
