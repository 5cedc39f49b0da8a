package dev.ascendcp.simulator.apps;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code vllm serve} / {@code api_server} options the simulator honours. */
record VllmOptions(
        String model,
        @Nullable String servedModelName,
        int tensorParallel,
        int pipelineParallel,
        @Nullable String backend,
        @Nullable String host,
        int port,
        int maxModelLen,
        boolean disableFrontendMultiprocessing) {

    String name() {
        return servedModelName != null ? servedModelName : model;
    }

    /** Parses arguments; {@code positionalModel} is {@code vllm serve MODEL}. Returns null without a model. */
    static @Nullable VllmOptions parse(List<String> a, @Nullable String positionalModel) {
        String model = positionalModel;
        String served = null;
        String backend = null;
        String host = null;
        int tp = 1;
        int pp = 1;
        int port = 8000;
        int maxLen = 32768;
        boolean dfm = false;
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            String value = null;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            } else if (i + 1 < a.size() && !a.get(i + 1).startsWith("-")) {
                value = a.get(i + 1);
            }
            boolean consumed = true;
            switch (opt) {
                case "--model" -> model = value;
                case "--served-model-name" -> served = value;
                case "--tensor-parallel-size", "-tp" -> tp = Integer.parseInt(String.valueOf(value));
                case "--pipeline-parallel-size", "-pp" -> pp = Integer.parseInt(String.valueOf(value));
                case "--distributed-executor-backend" -> backend = value;
                case "--host" -> host = value;
                case "--port" -> port = Integer.parseInt(String.valueOf(value));
                case "--max-model-len" -> maxLen = Integer.parseInt(String.valueOf(value));
                case "--disable-frontend-multiprocessing" -> {
                    dfm = true;
                    consumed = false;
                }
                default -> consumed = false;
            }
            if (consumed && value != null && eq < 0) {
                i++;
            }
        }
        return model == null ? null : new VllmOptions(model, served, tp, pp, backend, host, port, maxLen, dfm);
    }
}
