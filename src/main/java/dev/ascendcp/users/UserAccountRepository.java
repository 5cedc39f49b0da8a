package dev.ascendcp.users;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Page<UserAccount> findAllByOrderByUsernameAsc(Pageable pageable);

    /** Locks the users of a role, so that two admins deleting each other cannot leave none. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<UserAccount> findByRole(Role role);
}
