package dev.ascendcp.users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Form login and HTTP Basic look users up here; outdated hashes are upgraded on a successful login. */
@Component
class DatabaseUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserAccountRepository users;

    DatabaseUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(DatabaseUserDetailsService::details)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        UserAccount account = users.findByUsername(user.getUsername())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        account.changePasswordHash(newPassword);
        return details(account);
    }

    private static UserDetails details(UserAccount account) {
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.role().name())
                .build();
    }
}
