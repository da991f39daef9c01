package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in principal, from a password login or an API token. Roles are cumulative (an admin is also an
 * approver and a viewer), so every rule names the least role it needs; the kind is an authority too
 * ({@code KIND_HUMAN} / {@code KIND_AGENT}).
 */
public final class Account implements UserDetails, CredentialsContainer {

    private final UserView user;
    private final boolean locked;
    private String passwordHash;

    Account(UserView user, String passwordHash, boolean locked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.locked = locked;
    }

    /** The user behind an authentication made by this application, if any. */
    public static Optional<UserView> userOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof Account account
                ? Optional.of(account.user) : Optional.empty();
    }

    public UserView user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_VIEWER"));
        if ("approver".equals(user.role()) || "admin".equals(user.role())) {
            authorities.add(new SimpleGrantedAuthority("ROLE_APPROVER"));
        }
        if ("admin".equals(user.role())) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        authorities.add(new SimpleGrantedAuthority(user.human() ? "KIND_HUMAN" : "KIND_AGENT"));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username() != null ? user.username() : "user-" + user.id();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
