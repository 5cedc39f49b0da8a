package dev.ascendcp.simulator;

import dev.ascendcp.simulator.apps.Container;
import dev.ascendcp.simulator.apps.DockerCli;
import dev.ascendcp.simulator.apps.ProcessMatch;
import dev.ascendcp.simulator.apps.RayCli;
import dev.ascendcp.simulator.apps.VllmCli;
import dev.ascendcp.simulator.npu.HccnTool;
import dev.ascendcp.simulator.npu.NpuSmi;
import dev.ascendcp.simulator.shell.Builtins;
import dev.ascendcp.simulator.shell.Machine;
import dev.ascendcp.simulator.shell.ProcessTable;
import dev.ascendcp.simulator.shell.Program;
import dev.ascendcp.simulator.shell.VirtualFs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The shell's view of a {@link SimulatedNode}: its commands, interfaces and environment. */
final class NodeMachine implements Machine {

    private static final Map<String, String> TOOL_PATHS = Map.of(
            "/usr/local/Ascend/driver/tools/hccn_tool", "hccn_tool",
            "/usr/local/bin/npu-smi", "npu-smi",
            "/usr/local/sbin/npu-smi", "npu-smi");

    private final SimulatedNode node;
    private final Map<String, Program> programs;

    NodeMachine(SimulatedNode node) {
        this.node = node;
        this.programs = Builtins.standard();
        programs.put("hccn_tool", new HccnTool(node));
        programs.put("npu-smi", new NpuSmi(node));
        programs.put("docker", new DockerCli(node, node.docker()));
        programs.put("ray", new RayCli(node, node.cluster().ray()));
        ProcessMatch processMatch = new ProcessMatch(node);
        programs.put("pgrep", processMatch);
        programs.put("pkill", processMatch);
        VllmCli vllm = new VllmCli(node);
        for (String name : new String[] {"vllm", "python", "python3"}) {
            programs.put(name, vllm);
        }
    }

    @Override
    public String hostname() {
        return node.name();
    }

    @Override
    public String username() {
        return node.username();
    }

    @Override
    public boolean sudoAllowed() {
        return node.spec().sudo();
    }

    @Override
    public VirtualFs fs() {
        return node.fileSystem();
    }

    @Override
    public ProcessTable processes() {
        return node.processes();
    }

    @Override
    public @Nullable Program program(String nameOrPath) {
        Program direct = programs.get(nameOrPath);
        if (direct != null || !nameOrPath.contains("/")) {
            return direct;
        }
        String tool = TOOL_PATHS.get(nameOrPath);
        if (tool != null) {
            return programs.get(tool);
        }
        String base = nameOrPath.substring(nameOrPath.lastIndexOf('/') + 1);
        boolean systemDir = nameOrPath.equals("/bin/" + base) || nameOrPath.equals("/usr/bin/" + base);
        return systemDir ? programs.get(base) : null;
    }

    @Override
    public List<Interface> interfaces() {
        List<Interface> list = new ArrayList<>();
        list.add(new Interface(1, "lo", "127.0.0.1", 8));
        list.add(new Interface(2, node.nic(), node.localIp(), 24));
        return list;
    }

    @Override
    public List<String> listeners() {
        List<String> list = new ArrayList<>();
        list.add("0.0.0.0:22");
        list.addAll(node.listeners());
        return list;
    }

    @Override
    public long shmBytes(@Nullable String container) {
        Container c = container == null ? null : node.docker().find(container);
        return c == null ? node.spec().shmBytes() : c.shmBytes();
    }

    @Override
    public Map<String, String> loginEnv() {
        String user = node.username();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", user.equals("root") ? "/root" : "/home/" + user);
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("SHELL", "/bin/bash");
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C.UTF-8");
        return env;
    }
}
