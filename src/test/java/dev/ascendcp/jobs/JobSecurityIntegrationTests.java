package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobSecurityIntegrationTests extends JobsIntegrationTestSupport {

    @Test
    void everyEndpointNeedsCredentials() throws Exception {
        UUID id = UUID.randomUUID();
        for (String[] call : new String[][] {
            {"POST", "/api/v1/clusters/" + id + "/jobs"},
            {"GET", "/api/v1/jobs"},
            {"GET", "/api/v1/jobs/" + id},
            {"GET", "/api/v1/jobs/" + id + "/log"},
            {"GET", "/api/v1/jobs/" + id + "/events"},
            {"POST", "/api/v1/jobs/" + id + "/cancel"},
            {"POST", "/api/v1/jobs/" + id + "/retry"}
        }) {
            assertThat(send(call[0], call[1], null, call[0].equals("POST") ? "{}" : null)
                            .statusCode())
                    .as(call[0] + " " + call[1])
                    .isEqualTo(401);
        }
    }

    @Test
    void aViewerReadsButMayNotStartCancelOrRetry() throws Exception {
        ClusterTargets cluster = targets.add("secured", 1);
        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());
        String base = "/api/v1/jobs/" + job.id();

        assertThat(send("GET", "/api/v1/jobs", "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", base, "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", base + "/log", "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", base + "/events", "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/jobs", "viewer", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/clusters/" + cluster.clusterId() + "/jobs", "viewer", "{\"phase\":\"VERIFY\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", base + "/cancel", "viewer", null).statusCode()).isEqualTo(403);
        assertThat(send("POST", base + "/retry", "viewer", null).statusCode()).isEqualTo(403);
        // An operator may: a finished job answers 409, which proves the call got past security.
        assertThat(send("POST", base + "/cancel", "operator", null).statusCode())
                .isEqualTo(409);
        assertThat(send("POST", base + "/retry", "admin", null).statusCode()).isEqualTo(409);
    }

    @Test
    void theJobPageIsWholeForBrowsersAndOnlyTheGridForHtmx() throws Exception {
        ClusterTargets cluster = targets.add("page", 2);
        JobView job = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());

        String page = send("GET", "/jobs/" + job.id(), "viewer", null).body();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/jobs/" + job.id()))
                .header("HX-Request", "true")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(("viewer:" + TestJobsConfiguration.PASSWORD)
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        String fragment = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(page).contains("<html", "id=\"job-grid\"", "page-node-1", "job-log.js");
        assertThat(page).doesNotContain("Retry failed nodes");
        assertThat(fragment)
                .contains("id=\"job-grid\"", "page-node-2", "step-SUCCEEDED")
                .doesNotContain("<html");
    }
}
