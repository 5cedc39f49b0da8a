package dev.ascendcp.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ascendcp.audit.AuditLog;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

@DataJpaTest
@Import({UserService.class, AuditLog.class, PasswordConfig.class})
@ExtendWith(OutputCaptureExtension.class)
class UserServiceTests {

    private static final String BANNER = "ASCENDCP FIRST ADMIN";

    @Autowired
    UserService users;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EntityManager entityManager;

    private FirstAdminInitializer initializer(String password) {
        return new FirstAdminInitializer(users, new SecurityProperties(password, "acp_", Duration.ofMinutes(1)));
    }

    @Test
    void generatesTheFirstAdminPasswordAndPrintsItOnce(CapturedOutput output) throws Exception {
        repository.deleteAll();
        initializer(null).run(null);
        initializer(null).run(null);

        UserAccount admin = repository.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        String log = output.getAll();
        assertThat(log.split(BANNER, -1)).hasSize(2); // printed exactly once
        String password = log.substring(log.indexOf(BANNER))
                .lines()
                .map(String::strip)
                .filter(line -> line.matches("[A-Za-z0-9]{24}"))
                .findFirst()
                .orElseThrow();
        assertThat(encoder.matches(password, admin.passwordHash())).isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
    }

    @Test
    void takesTheFirstAdminPasswordFromConfiguration(CapturedOutput output) throws Exception {
        repository.deleteAll();
        initializer("from-the-environment-1").run(null);

        UserAccount admin = repository.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches("from-the-environment-1", admin.passwordHash()))
                .isTrue();
        assertThat(output.getAll()).doesNotContain(BANNER).doesNotContain("from-the-environment-1");
    }

    @Test
    void createsNoFirstAdminWhenUsersExist(CapturedOutput output) throws Exception {
        repository.deleteAll();
        users.create(new UserRequest("carol", "correct-horse-battery", Role.ADMIN));
        initializer(null).run(null);
        assertThat(repository.findByUsername("admin")).isEmpty();
        assertThat(output.getAll()).doesNotContain(BANNER);
    }

    @Test
    void refusesToDeleteTheLastAdmin() {
        repository.deleteAll();
        users.create(new UserRequest("root1", "correct-horse-battery", Role.ADMIN));
        users.create(new UserRequest("viewer1", "correct-horse-battery", Role.VIEWER));

        assertThatThrownBy(() -> users.delete("root1", "someone-else"))
                .isInstanceOf(UserConflictException.class)
                .hasMessageContaining("last ADMIN");

        users.create(new UserRequest("root2", "correct-horse-battery", Role.ADMIN));
        users.delete("root1", "root2");
        assertThat(repository.findByUsername("root1")).isEmpty();
    }

    @Test
    void refusesPasswordsTheHashWouldCutOrThatContainTheUsername() {
        assertThatThrownBy(() -> users.create(new UserRequest("dave", "ä".repeat(40), Role.VIEWER)))
                .isInstanceOf(InvalidPasswordException.class);
        assertThatThrownBy(() -> users.create(new UserRequest("dave", "dave-is-my-password", Role.VIEWER)))
                .isInstanceOf(InvalidPasswordException.class);
    }

    @Test
    void storesTheHashWithItsAlgorithm() {
        users.create(new UserRequest("erin", "correct-horse-battery", Role.VIEWER));
        entityManager.flush();
        Object raw = entityManager
                .createNativeQuery("SELECT password_hash FROM app_user WHERE username = 'erin'")
                .getSingleResult();
        assertThat(raw.toString()).startsWith("{bcrypt}").doesNotContain("correct-horse-battery");
    }
}
