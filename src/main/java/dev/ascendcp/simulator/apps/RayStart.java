package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ray start}: a head opens the GCS port, a worker joins it over TCP; both remember their environment. */
final class RayStart {

    private static final Pattern NPU_RESOURCE = Pattern.compile("\"NPU\"\\s*:\\s*([0-9.]+)");
    private static final Pattern SINGLE_DIGIT_DAVINCI = Pattern.compile("/dev/davinci([0-9])");

    private final SimulatedNode node;
    private final RayCluster ray;

    RayStart(SimulatedNode node, RayCluster ray) {
        this.node = node;
        this.ray = ray;
    }

    int run(Call call, RayOptions o) throws IOException, InterruptedException {
        String ip = o.nodeIp() != null ? o.nodeIp() : node.localIp();
        if (!o.head() && o.address() == null) {
            return call.fail(1, "`--address` is a required flag unless starting a head node with `--head`.");
        }
        RayMember running = ray.memberOn(node);
        if (running != null) {
            String at = ray.address() == null ? ip + ":" + o.port() : ray.address();
            return call.fail(
                    1,
                    "ConnectionError: Ray is trying to start at " + ip + ":" + o.port() + ", but is already running"
                            + " at " + at
                            + ". Please specify a different port using the `--port` flag of `ray start` command.");
        }
        RayLog.info(
                call,
                "usage_lib.py:449",
                "Usage stats collection is enabled by default without user confirmation because"
                        + " this terminal is detected to be non-interactive. To disable this, add `--disable-usage-stats` to the"
                        + " command that starts the cluster, or run the following command: `ray disable-usage-stats` before starting"
                        + " the cluster. See https://docs.ray.io/en/master/cluster/usage-stats.html for more details.");
        RayLog.info(call, "scripts.py:744", "Local node IP: " + ip);
        RayMember member = new RayMember(
                HexFormat.of().formatHex(randomId()),
                node,
                ip,
                o.head(),
                call.env().exportedMap(),
                resources(call, o, ip),
                System.currentTimeMillis(),
                true);
        if (o.head()) {
            try {
                ray.startHead(member, o.port());
            } catch (IOException e) {
                return call.fail(
                        1,
                        "ValueError: Failed to bind to " + ip + ":" + o.port() + " because it's already occupied."
                                + " You can use `ray start --port=<port>` to start the head node on a different port.");
            }
            headSteps(call, ip + ":" + o.port());
        } else {
            try {
                ray.join(member, o.address());
            } catch (IOException e) {
                call.errln(RayLog.native_('W', 51000) + "gcs_rpc_client.h:151: Failed to connect to GCS at address "
                        + o.address() + " within 5 seconds.");
                return call.fail(
                        1,
                        RayLog.native_('W', 51000) + "gcs_client.cc:183: Failed to get cluster ID from GCS server:"
                                + " TimedOut: Timed out while waiting for GCS to become available.");
            }
            started(call);
            RayLog.info(call, "scripts.py:834", "To terminate the Ray runtime, run");
            RayLog.info(call, "scripts.py:835", "  ray stop");
        }
        return o.block() ? block(call) : 0;
    }

    private static byte[] randomId() {
        byte[] b = new byte[28];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static void started(Call call) throws IOException {
        RayLog.succ(call, "scripts.py:781", "--------------------");
        RayLog.succ(call, "scripts.py:782", "Ray runtime started.");
        RayLog.succ(call, "scripts.py:783", "--------------------");
    }

    private static void headSteps(Call call, String address) throws IOException {
        String ip = address.substring(0, address.lastIndexOf(':'));
        started(call);
        RayLog.info(call, "scripts.py:785", "Next steps");
        RayLog.info(call, "scripts.py:788", "To add another node to this Ray cluster, run");
        RayLog.info(call, "scripts.py:791", "  ray start --address='" + address + "'");
        RayLog.info(call, "scripts.py:800", "To connect to this Ray cluster:");
        RayLog.info(call, "scripts.py:802", "import ray");
        RayLog.info(call, "scripts.py:803", "ray.init()");
        RayLog.info(call, "scripts.py:815", "To submit a Ray job using the Ray Jobs CLI:");
        RayLog.info(
                call,
                "scripts.py:816",
                "  RAY_ADDRESS='http://" + ip + ":8265' ray job submit --working-dir . -- python my_script.py");
        RayLog.info(call, "scripts.py:834", "To terminate the Ray runtime, run");
        RayLog.info(call, "scripts.py:835", "  ray stop");
        RayLog.info(call, "scripts.py:838", "To view the status of the cluster, use");
        RayLog.info(call, "scripts.py:839", "  ray status");
        RayLog.info(call, "scripts.py:843", "To monitor and debug Ray, view the dashboard at");
        RayLog.info(call, "scripts.py:844", "  " + ip + ":8265");
        RayLog.info(
                call,
                "scripts.py:851",
                "If connection to the dashboard fails, check your firewall settings and network" + " configuration.");
    }

    private int block(Call call) throws IOException, InterruptedException {
        RayLog.info(call, "scripts.py:952", "--block");
        RayLog.info(call, "scripts.py:953", "This command will now block forever until terminated by a signal.");
        try {
            Thread.sleep(Long.MAX_VALUE);
            return 0;
        } finally {
            ray.stop(node);
        }
    }

    /**
     * What Ray registers: {@code --resources} NPU wins; {@code --num-gpus} registers GPU and no NPU (the #3114
     * failure); otherwise NPUs are counted like Ray's fallback, {@code /dev/davinci?} visible in the container (single
     * digits only), limited by {@code ASCEND_RT_VISIBLE_DEVICES}.
     */
    private Map<String, Double> resources(Call call, RayOptions o, String ip) {
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("CPU", 192.0);
        r.put("memory", 1.6e12);
        r.put("object_store_memory", 1.0e10);
        r.put("node:" + ip, 1.0);
        if (o.head()) {
            r.put("node:__internal_head__", 1.0);
        }
        Matcher m = o.resources() == null ? null : NPU_RESOURCE.matcher(o.resources());
        if (m != null && m.find()) {
            r.put("NPU", Double.parseDouble(m.group(1)));
        } else if (o.numGpus() != null) {
            r.put("GPU", (double) o.numGpus());
        } else {
            int npus = visibleNpus(call);
            if (npus > 0) {
                r.put("NPU", (double) npus);
                r.put("accelerator_type:Ascend" + node.chipType().replace("Ascend", ""), 1.0);
            }
        }
        return r;
    }

    private int visibleNpus(Call call) {
        Set<Integer> devices = new TreeSet<>();
        String container = call.env().container();
        Container c = container == null ? null : node.docker().find(container);
        Iterable<String> paths = c != null
                ? c.devices()
                : node.fileSystem().list("/dev").stream().map(n -> "/dev/" + n).toList();
        for (String p : paths) {
            Matcher m = SINGLE_DIGIT_DAVINCI.matcher(p);
            if (m.matches()) {
                devices.add(Integer.parseInt(m.group(1)));
            }
        }
        String visible = call.env().get("ASCEND_RT_VISIBLE_DEVICES");
        if (visible == null || visible.isBlank()) {
            return devices.size();
        }
        int count = 0;
        for (String id : visible.split(",")) {
            try {
                count += devices.contains(Integer.parseInt(id.trim())) ? 1 : 0;
            } catch (NumberFormatException ignored) {
                // Ray skips ids it cannot parse
            }
        }
        return count;
    }
}
