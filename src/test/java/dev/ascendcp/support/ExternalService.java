package dev.ascendcp.support;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose external service (PostgreSQL, OpenSSH sshd, Chromium) is absent, with a clear line saying so.
 * On CI ({@code CI=true}) the service must be there: a missing one fails the test instead of hiding a suite.
 */
public final class ExternalService {

    private ExternalService() {}

    public static void require(String service, boolean available, String why) {
        if (available) {
            return;
        }
        String line = "SKIPPED " + service + " tests: " + why;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(line + " (CI must provide " + service + "; see .ci/run)");
        }
        System.out.println(line);
        Assumptions.abort(line);
    }
}
