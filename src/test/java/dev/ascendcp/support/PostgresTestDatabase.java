package dev.ascendcp.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class, on the server that {@code .ci/run} starts. The server is
 * found through {@code ASCENDCP_TEST_PG_URL} (default {@code jdbc:postgresql://localhost:5432/postgres}),
 * {@code ASCENDCP_TEST_PG_USER} and {@code ASCENDCP_TEST_PG_PASSWORD}; without it the tests are skipped.
 */
public record PostgresTestDatabase(String url, String username, String password) {

    private static final String ADMIN_URL = env("ASCENDCP_TEST_PG_URL", "jdbc:postgresql://localhost:5432/postgres");
    private static final String USER = env("ASCENDCP_TEST_PG_USER", "ascendcp");
    private static final String PASSWORD = env("ASCENDCP_TEST_PG_PASSWORD", "ascendcp");

    /** Creates a new database, or skips the calling test when no PostgreSQL server answers. */
    public static PostgresTestDatabase create() {
        String name =
                "ascendcp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            ExternalService.require(
                    "PostgreSQL", false, "no server at " + ADMIN_URL + " as " + USER + " (" + e.getMessage() + ")");
        }
        int slash = ADMIN_URL.lastIndexOf('/');
        return new PostgresTestDatabase(ADMIN_URL.substring(0, slash + 1) + name, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
