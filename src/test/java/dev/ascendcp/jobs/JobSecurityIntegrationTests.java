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

    @Test
    void thePageButtonsSendHtmxToTheJobPageWithoutARedirectItWouldFollow() throws Exception {
        ClusterTargets cluster = targets.add("buttons", 2);
        String failing = cluster.nodes().get(1).nodeName();
        phase.script(
                cluster.clusterId(),
                ctx -> ctx.node().nodeName().equals(failing)
                        ? StepOutcome.failed("BROKEN", "broken on purpose", 1)
                        : StepOutcome.succeeded(),
                "probe");
        JobView failed = awaitFinished(
                jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of()).id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(send("GET", "/jobs/" + failed.id(), "operator", null).body()).contains("Retry failed nodes");

        BrowserSession browser = BrowserSession.logIn(port, "operator", TestJobsConfiguration.PASSWORD);
        var retry = browser.post("/jobs/" + failed.id() + "/retry", "/jobs/" + failed.id(), true);

        assertThat(retry.statusCode()).isEqualTo(204);
        String target = retry.headers().firstValue("HX-Redirect").orElseThrow();
        assertThat(target).startsWith("/jobs/").isNotEqualTo("/jobs/" + failed.id());
        JobView again = awaitFinished(java.util.UUID.fromString(target.substring("/jobs/".length())));
        assertThat(again.retryOf()).isEqualTo(failed.id());
        assertThat(again.steps()).extracting(StepView::nodeName).containsOnly(failing);

        // A plain form post (no htmx) is sent on with 303 See Other.
        var plain = browser.post("/jobs/" + again.id() + "/retry", "/jobs/" + again.id(), false);
        assertThat(plain.statusCode()).isEqualTo(303);
        String location = plain.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/jobs/").doesNotEndWith(again.id().toString());
        awaitFinished(java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
    }

    /** A logged-in browser session: its cookie and the CSRF token of the last page it read. */
    record BrowserSession(java.net.http.HttpClient client, int port) {

        static BrowserSession logIn(int port, String user, String password) throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager())
                    .build();
            BrowserSession session = new BrowserSession(client, port);
            String token = csrf(session.get("/login"), "name=\"_csrf\" value=\"");
            var login = client.send(
                    java.net.http.HttpRequest.newBuilder(session.uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                                    + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                                    + "&_csrf=" + token))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return session;
        }

        /** Posts what a button of {@code page} posts, with that page's CSRF token (as htmx does, or as a form). */
        java.net.http.HttpResponse<String> post(String path, String page, boolean htmx) throws Exception {
            String token = csrf(get(page), "name=\"_csrf\" content=\"");
            var request = java.net.http.HttpRequest.newBuilder(uri(path))
                    .header("X-CSRF-TOKEN", token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody());
            if (htmx) {
                request.header("HX-Request", "true");
            }
            return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        String get(String path) throws Exception {
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(uri(path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        }

        java.net.URI uri(String path) {
            return java.net.URI.create("http://localhost:" + port + path);
        }

        private static String csrf(String html, String marker) {
            int at = html.indexOf(marker);
            assertThat(at).as("a CSRF token (%s)", marker).isNotNegative();
            int from = at + marker.length();
            return html.substring(from, html.indexOf('"', from));
        }
    }

    private static String basic(String user) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + TestJobsConfiguration.PASSWORD)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
