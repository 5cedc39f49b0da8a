package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import dev.ascendcp.simulator.shell.Program;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code vllm serve MODEL …} and {@code python -m vllm.entrypoints.openai.api_server --model MODEL …}: checks the
 * cluster like vLLM would, then serves the OpenAI API over real HTTP until killed. Also answers {@code python -V},
 * {@code python -c '…'} (imports succeed) and {@code vllm --version}.
 */
public final class VllmCli implements Program {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final SimulatedNode node;

    public VllmCli(SimulatedNode node) {
        this.node = node;
    }

    @Override
    public int run(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        boolean python = call.name().startsWith("python") || call.name().endsWith("/python3");
        if (python) {
            if (a.contains("-V") || a.contains("--version")) {
                call.outln("Python 3.11.13");
                return 0;
            }
            if (a.size() >= 2 && a.get(0).equals("-m") && a.get(1).equals("vllm.entrypoints.openai.api_server")) {
                return serve(call, VllmOptions.parse(a.subList(2, a.size()), null));
            }
            return a.size() >= 2 && a.get(0).equals("-c") ? 0 : call.fail(2, "python: can't open file: no such file");
        }
        if (a.contains("--version")) {
            call.outln("0.9.1");
            return 0;
        }
        if (a.isEmpty() || !a.get(0).equals("serve")) {
            return call.fail(2, "usage: vllm [-h] [-v] {chat,complete,serve,bench,collect-env,run-batch} ...");
        }
        String positional = a.size() > 1 && !a.get(1).startsWith("-") ? a.get(1) : null;
        return serve(call, VllmOptions.parse(a.subList(positional == null ? 1 : 2, a.size()), positional));
    }

    private void log(Call call, String where, String message) throws IOException {
        call.outln("(APIServer pid=" + call.process().pid() + ") INFO " + TS.format(LocalDateTime.now()) + " [" + where
                + "] " + message);
    }

    private int serve(Call call, VllmOptions o) throws IOException, InterruptedException {
        if (o == null) {
            return call.fail(2, "vllm serve: error: the following arguments are required: model_tag");
        }
        log(call, "api_server.py:1287", "vLLM API server version 0.9.1");
        log(call, "__init__.py:239", "Platform plugin ascend is activated");
        String problem = VllmChecks.firstProblem(node, o, node.cluster().ray());
        if (problem != null) {
            call.errln("Traceback (most recent call last):");
            call.errln(
                    "  File \"/usr/local/python3.11.13/lib/python3.11/site-packages/vllm/entrypoints/openai/api_server.py\","
                            + " line 1376, in <module>");
            return call.fail(1, problem);
        }
        if (o.tensorParallel() * o.pipelineParallel() > 1 || "ray".equals(o.backend())) {
            String addr = node.cluster().ray().address();
            call.outln("INFO worker.py:1810 -- Connecting to existing Ray cluster at address: " + addr + "...");
        }
        Thread.sleep(node.cluster().vllmStartupDelay().toMillis());
        String ip = o.host() == null || o.host().equals("0.0.0.0") ? node.localIp() : o.host();
        VllmHttp http;
        try {
            http = new VllmHttp(o, node.spec().listenAddress(ip));
        } catch (IOException e) {
            return call.fail(1, "OSError: [Errno 98] Address already in use");
        }
        http.start();
        String listener = ip + ":" + o.port();
        node.listeners().add(listener);
        try {
            log(call, "api_server.py:1957", "Starting vLLM API server 0 on http://" + listener);
            log(call, "launcher.py:36", "Available routes are:");
            for (String route : List.of(
                    "/health, Methods: GET",
                    "/v1/models, Methods: GET",
                    "/version, Methods: GET",
                    "/v1/chat/completions, Methods: POST",
                    "/v1/completions, Methods: POST",
                    "/metrics, Methods: GET")) {
                log(call, "launcher.py:44", "Route: " + route);
            }
            call.outln("(APIServer pid=" + call.process().pid() + ") INFO:     Started server process ["
                    + call.process().pid() + "]");
            call.outln("(APIServer pid=" + call.process().pid() + ") INFO:     Waiting for application startup.");
            call.outln("(APIServer pid=" + call.process().pid() + ") INFO:     Application startup complete.");
            Thread.sleep(Long.MAX_VALUE);
            return 0;
        } finally {
            http.stop();
            node.listeners().remove(listener);
        }
    }
}
