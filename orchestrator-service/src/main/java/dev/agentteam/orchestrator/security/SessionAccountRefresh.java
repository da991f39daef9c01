package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserAccounts;
import dev.agentteam.orchestrator.user.UserView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A signed-in session follows its user as stored now: a disabled or deleted user is signed out at the next
 * request, and a changed role counts at once (one primary-key read per request).
 */
class SessionAccountRefresh extends OncePerRequestFilter {

    private final UserAccounts accounts;

    SessionAccountRefresh(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<UserView> signedIn = session == null ? Optional.empty() : Account.userOf(authentication);
        if (signedIn.isPresent()) {
            Optional<UserView> stored = accounts.find(signedIn.get().id()).filter(UserView::enabled);
            if (stored.isEmpty()) {
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else if (!stored.get().equals(signedIn.get())) {
                Account account = new Account(stored.get(), null, false);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                        account.getAuthorities()));
                SecurityContextHolder.setContext(context);
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        chain.doFilter(request, response);
    }
}
