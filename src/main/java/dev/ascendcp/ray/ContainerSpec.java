package dev.ascendcp.ray;

import dev.ascendcp.ssh.RemoteCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The vllm-ascend container of one node as the guide's {@code docker run} has it, but detached and kept alive. The
 * spec hash covers everything that makes two containers different; it is stored as the label {@value #SPEC_LABEL} so
 * that a re-run can tell "same container" from "drifted".
 */
record ContainerSpec(String name, String image, String shmSize, int npuCount, List<String> mounts, String keepAlive) {

    static final String SPEC_LABEL = "dev.ascendcp.spec";
    static final String MANAGED_LABEL = "dev.ascendcp.managed";

    /** The devices of an Atlas node besides {@code /dev/davinciN}. */
    static final List<String> CONTROL_DEVICES = List.of("/dev/davinci_manager", "/dev/devmm_svm", "/dev/hisi_hdc");

    /** The driver and tool mounts of the guide, then the shared cache. */
    static final List<String> GUIDE_MOUNTS = List.of(
            "/usr/local/dcmi:/usr/local/dcmi",
            "/usr/local/bin/npu-smi:/usr/local/bin/npu-smi",
            "/usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
            "/usr/local/Ascend/driver/version.info:/usr/local/Ascend/driver/version.info",
            "/etc/ascend_install.info:/etc/ascend_install.info",
            "/root/.cache:/root/.cache");

    ContainerSpec {
        mounts = List.copyOf(mounts);
    }

    List<String> devices() {
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < npuCount; i++) {
            devices.add("/dev/davinci" + i);
        }
        devices.addAll(CONTROL_DEVICES);
        return devices;
    }

    /** Guide mounts first, then the cluster's extra mounts that are not already there. */
    List<String> volumes() {
        List<String> volumes = new ArrayList<>(GUIDE_MOUNTS);
        mounts.stream().filter(m -> !volumes.contains(m)).forEach(volumes::add);
        return volumes;
    }

    /** SHA-256 over the canonical rendering of everything {@code docker run} is given (the label excluded). */
    String hash() {
        String canonical = String.join(
                "\n",
                "name=" + name,
                "image=" + image,
                "shm=" + shmSize,
                "devices=" + String.join(",", devices()),
                "volumes=" + String.join(",", volumes()),
                "cmd=" + keepAlive,
                "net=host");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RemoteCommand runCommand() {
        RemoteCommand.Builder b =
                RemoteCommand.builder("docker").args("run", "-d", "--name", name, "--net=host", "--shm-size", shmSize);
        devices().forEach(d -> b.args("--device", d));
        volumes().forEach(v -> b.args("-v", v));
        b.args("--label", SPEC_LABEL + "=" + hash(), "--label", MANAGED_LABEL + "=true");
        b.arg(image);
        for (String word : keepAlive.trim().split("\\s+")) {
            b.arg(word);
        }
        return b.build();
    }
}
