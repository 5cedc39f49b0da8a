package dev.ascendcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.simulator.SimulatorProperties;
import dev.ascendcp.simulator.StandaloneSimulator;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} agrees with the application it runs (no Docker here, so it is checked, not started):
 * the services, the same image for the control plane and the simulator, environment variables that bind to real
 * settings, the simulator's ports as the README registers them, and the database the control plane points at.
 */
class ComposeFileTests {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)[^}]*}");

    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    void runsTheControlPlaneADatabaseAndTheSimulatorFromOneImage() {
        assertThat(services).containsOnlyKeys("db", "app", "simulator");
        assertThat(service("app").get("build")).isEqualTo(".");
        assertThat(service("simulator").get("build")).isEqualTo(".");
        assertThat(service("simulator").get("image"))
                .isNotNull()
                .isEqualTo(service("app").get("image"));
        assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
        assertThat(service("app").get("depends_on").toString()).contains("db").contains("simulator");
    }

    @Test
    void theDockerfileRunsTheOneJarThatBothServicesStart() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\"").contains("\"-jar\", \"/app/app.jar\"");
        assertThat(dockerfile).contains("VOLUME [\"/app/data\"]");
        assertThat(volumes("app")).contains("app-data:/app/data");
        assertThat(volumes("simulator")).contains("simulator-data:/app/data");
    }

    @Test
    void theSimulatorServiceSelectsTheStandaloneSimulatorAndBindsItsSettings() {
        Map<String, String> env = environment("simulator");
        assertThat(StandaloneSimulator.requested(
                        new String[] {"--spring.profiles.active=" + env.get("SPRING_PROFILES_ACTIVE")}))
                .isTrue();
        for (String name : env.keySet()) {
            if (name.startsWith("ASCENDCP_SIMULATOR_")) {
                assertThat(simulatorSettings())
                        .as("%s binds to a setting of ascendcp.simulator", name)
                        .contains(name.substring("ASCENDCP_SIMULATOR_".length())
                                .replace("_", "")
                                .toLowerCase(Locale.ROOT));
            }
        }
        SimulatorProperties bound = bind(env);
        assertThat(bound.nodes()).isEqualTo(2);
        assertThat(bound.bindAddress())
                .as("reachable from the control plane's container")
                .isEqualTo("0.0.0.0");
        assertThat(bound.password()).as("from the operator's environment").isEqualTo("<ASCENDCP_SIMULATOR_PASSWORD>");
        assertThat(bound.hostKeyDir().toString()).as("host keys on the volume").startsWith("/app/data/");
        List<String> exposed = ((List<?>) service("simulator").get("expose"))
                .stream().map(String::valueOf).toList();
        for (int k = 0; k < bound.nodes(); k++) {
            assertThat(exposed).contains(String.valueOf(bound.basePort() + k));
        }
    }

    @Test
    void theReadmeRegistersTheSimulatedNodesWhereTheSimulatorListens() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        SimulatorProperties bound = bind(environment("simulator"));
        for (int k = 0; k < bound.nodes(); k++) {
            String node = bound.toSpec().node(k).name();
            assertThat(readme)
                    .as(
                            "the README registers %s at simulator:%d, local IP %s",
                            node, bound.basePort() + k, "127.0.0." + (k + 1))
                    .containsPattern("\"name\":\"" + node + "\",\"host\":\"simulator\",\"sshPort\":"
                            + (bound.basePort() + k) + ",.*\"localIp\":\"127\\.0\\.0\\." + (k + 1) + "\"");
        }
    }

    @Test
    void theControlPlanePointsAtTheComposeDatabase() {
        Map<String, String> app = environment("app");
        Map<String, String> db = environment("db");
        assertThat(app.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
        assertThat(app.get("ASCENDCP_DB_URL")).isEqualTo("jdbc:postgresql://db:5432/" + db.get("POSTGRES_DB"));
        assertThat(app.get("ASCENDCP_DB_USER")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(app.get("ASCENDCP_DB_PASSWORD"))
                .as("the same variable as the database's password")
                .isEqualTo(db.get("POSTGRES_PASSWORD"))
                .isEqualTo("<ASCENDCP_DB_PASSWORD>");
        assertThat(service("app").get("ports").toString()).contains("8080:8080");
    }

    @Test
    void everyVariableOfTheControlPlaneIsReadByTheApplication() throws IOException {
        String configuration;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            configuration = files.filter(p -> p.getFileName().toString().startsWith("application"))
                    .map(ComposeFileTests::read)
                    .reduce("", String::concat);
        }
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .map(ComposeFileTests::read)
                    .reduce("", String::concat);
        }
        for (String name : environment("app").keySet()) {
            if (name.startsWith("ASCENDCP_")) {
                assertThat(configuration.contains("${" + name + ":") || sources.contains("\"" + name + "\""))
                        .as("%s is a placeholder in application*.yml or read by name in the code", name)
                        .isTrue();
            }
        }
    }

    private static SimulatorProperties bind(Map<String, String> env) {
        Map<String, Object> values = new LinkedHashMap<>(env);
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, values);
        return new Binder(ConfigurationPropertySources.from(source))
                .bindOrCreate("ascendcp.simulator", SimulatorProperties.class);
    }

    private static List<String> simulatorSettings() {
        return Arrays.stream(SimulatorProperties.class.getRecordComponents())
                .map(c -> c.getName().toLowerCase(Locale.ROOT))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    /** The service's environment with each {@code ${VAR…}} replaced by {@code <VAR>}, as the operator sets it. */
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<?, ?>) service(name).get("environment")).forEach((k, v) -> {
            Matcher m = REFERENCE.matcher(String.valueOf(v));
            env.put(String.valueOf(k), m.replaceAll("<$1>"));
        });
        return env;
    }

    private static List<String> volumes(String name) {
        return ((List<?>) service(name).get("volumes"))
                .stream().map(String::valueOf).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
