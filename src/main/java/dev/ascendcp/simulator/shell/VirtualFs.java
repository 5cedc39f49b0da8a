package dev.ascendcp.simulator.shell;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The in-memory file system of one simulated node: regular files, directories, devices and generated files. */
public final class VirtualFs {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Supplier<String>> generated = new ConcurrentHashMap<>();
    private final Set<String> dirs = ConcurrentHashMap.newKeySet();
    private final Set<String> devices = ConcurrentHashMap.newKeySet();

    public VirtualFs() {
        for (String d : List.of("/", "/dev", "/dev/shm", "/etc", "/tmp", "/root", "/home", "/var", "/var/log")) {
            dirs.add(d);
        }
        devices.add("/dev/null");
        devices.add("/dev/zero");
    }

    /** An absolute, normalized form of {@code path} relative to {@code cwd}. */
    public static String resolve(String cwd, String path) {
        String full = path.startsWith("/") ? path : cwd + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String p : full.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    public boolean exists(String path) {
        return isFile(path) || isDirectory(path) || isDevice(path);
    }

    public boolean isFile(String path) {
        return files.containsKey(path) || generated.containsKey(path);
    }

    public boolean isDirectory(String path) {
        return dirs.contains(path);
    }

    public boolean isDevice(String path) {
        return devices.contains(path);
    }

    public void mkdirs(String path) {
        for (String p = path; !p.equals("/") && !p.isEmpty(); p = parent(p)) {
            dirs.add(p);
        }
    }

    public void addDevice(String path) {
        mkdirs(parent(path));
        devices.add(path);
    }

    public void write(String path, String content) {
        write(path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    public synchronized void write(String path, byte[] data, boolean append) {
        mkdirs(parent(path));
        generated.remove(path);
        byte[] old = append ? files.getOrDefault(path, new byte[0]) : new byte[0];
        byte[] merged = new byte[old.length + data.length];
        System.arraycopy(old, 0, merged, 0, old.length);
        System.arraycopy(data, 0, merged, old.length, data.length);
        files.put(path, merged);
    }

    /** Registers a file whose content is computed at each read (e.g. {@code /etc/hccn.conf}). */
    public void generate(String path, Supplier<String> content) {
        mkdirs(parent(path));
        files.remove(path);
        generated.put(path, content);
    }

    public @Nullable byte[] read(String path) {
        Supplier<String> gen = generated.get(path);
        if (gen != null) {
            return gen.get().getBytes(StandardCharsets.UTF_8);
        }
        return files.get(path);
    }

    public @Nullable String readString(String path) {
        byte[] data = read(path);
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    public boolean delete(String path) {
        boolean removed = files.remove(path) != null | generated.remove(path) != null;
        return removed;
    }

    public void deleteTree(String path) {
        files.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
        generated.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
        dirs.removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
    }

    /** The names directly inside a directory, sorted. */
    public List<String> list(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        Set<String> names = new TreeSet<>();
        for (Set<String> set : List.of(files.keySet(), generated.keySet(), dirs, devices)) {
            for (String p : set) {
                if (p.startsWith(prefix) && p.length() > prefix.length()) {
                    String rest = p.substring(prefix.length());
                    names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** A stream that writes into a file when closed; each flush makes the written bytes visible. */
    public OutputStream openWrite(String path, boolean append) {
        if (!append) {
            write(path, new byte[0], false);
        }
        return new OutputStream() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                buffer.write(b);
                if (b == '\n') {
                    flush();
                }
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
                flush();
            }

            @Override
            public synchronized void flush() {
                if (buffer.size() > 0) {
                    VirtualFs.this.write(path, buffer.toByteArray(), true);
                    buffer.reset();
                }
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    public @Nullable InputStream openRead(String path) {
        if (path.equals("/dev/zero")) {
            return new ZeroInputStream();
        }
        if (path.equals("/dev/null")) {
            return InputStream.nullInputStream();
        }
        byte[] data = read(path);
        return data == null ? null : new java.io.ByteArrayInputStream(data);
    }

    static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    /** Endless zeros, produced without allocating more than one buffer per read. */
    private static final class ZeroInputStream extends InputStream {
        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 0);
            return len;
        }
    }
}
