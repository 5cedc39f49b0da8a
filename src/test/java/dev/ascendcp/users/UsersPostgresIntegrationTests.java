package dev.ascendcp.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ascendcp.audit.AuditLog;
import dev.ascendcp.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The users migration and queries (locks included) on PostgreSQL; skipped without a server. */
@SpringBootTest
class UsersPostgresIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    @Autowired
    UserService users;

    @Autowired
    TokenService tokens;

    @Autowired
    AuditLog audit;

    @Test
    void storesUsersAndTokensAndGuardsTheLastAdmin() {
        // the first admin was created at start-up
        assertThat(users.get("admin").role()).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> users.delete("admin", "someone")).isInstanceOf(UserConflictException.class);

        users.create(new UserRequest("pgadmin", "correct-horse-battery", Role.ADMIN));
        CreatedTokenResponse token = tokens.create("pgadmin", new TokenRequest("pg"));
        assertThat(tokens.authenticate(token.token()))
                .hasValueSatisfying(user -> assertThat(user.getAuthorities())
                        .extracting(Object::toString)
                        .containsExactly("ROLE_ADMIN"));
        assertThat(tokens.list("pgadmin", PageRequest.of(0, 10)).getContent())
                .singleElement()
                .satisfies(listed -> assertThat(listed.lastUsedAt()).isNotNull());

        users.delete("pgadmin", "admin");
        assertThat(tokens.authenticate(token.token())).isEmpty();
        assertThat(audit.list("admin", "user.", PageRequest.of(0, 10)).getContent())
                .extracting(event -> event.action() + " " + event.target())
                .contains("user.deleted pgadmin");
    }
}
