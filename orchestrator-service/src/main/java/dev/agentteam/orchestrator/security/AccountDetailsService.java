package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.Credentials;
import dev.agentteam.orchestrator.user.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Clock;

/** Password logins: only people with a password may sign in; agent identities use API or forge tokens. */
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final Clock clock;

    AccountDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
        this.clock = Clock.systemUTC();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Credentials credentials = accounts.credentials(username)
                .filter(found -> found.passwordHash() != null && found.user().human())
                .orElseThrow(() -> new UsernameNotFoundException("No person with that login"));
        return new Account(credentials.user(), credentials.passwordHash(), credentials.lockedAt(clock.instant()));
    }
}
