package dev.agentteam.orchestrator.forge;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only requests carrying a valid forge token and records who the caller is. Git asks for
 * credentials only after a 401 with a Basic challenge, so anonymous requests get exactly that. A repository
 * credential ({@link RepositoryCredentials}) is an agent's, and only for paths naming its repository
 * ({@code /git/<name>.git/…}, {@code /api/forge/repos/<owner>/<name>/…}, the code search
 * {@code /api/forge/repositories/<id>/…}); any other path is 403.
 */
class ForgeAuthenticationFilter extends OncePerRequestFilter {

    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("^/(?:git/([A-Za-z0-9._-]+?)\\.git|api/forge/repos/[^/]+/([A-Za-z0-9._-]+))(?:/.*)?$");
    private static final Pattern REPOSITORY_ID_PATH = Pattern.compile("^/api/forge/repositories/([0-9]{1,18})(?:/.*)?$");

    private final ForgeTokens tokens;
    private final RepositoryCredentials credentials;

    ForgeAuthenticationFilter(ForgeTokens tokens, RepositoryCredentials credentials) {
        this.tokens = tokens;
        this.credentials = credentials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<ForgeCaller> caller = tokens.authenticate(authorization);
        if (caller.isEmpty()) {
            Optional<RepositoryCredentials.Scope> scope = credentials.repositoryOf(ForgeTokens.token(authorization));
            if (scope.isPresent() && !reaches(scope.get(), request)) {
                problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "This forge credential is for repository " + scope.get().name() + " only.");
                return;
            }
            caller = scope.map(repository -> ForgeCaller.AGENT);
        }
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"agent-team forge\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"A valid forge token is required (HTTP Basic password or Bearer token).\"}");
            return;
        }
        request.setAttribute(ForgeCaller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private static boolean reaches(RepositoryCredentials.Scope scope, HttpServletRequest request) {
        if (scope.name().equals(repositoryNamed(request))) {
            return true;
        }
        Matcher byId = REPOSITORY_ID_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return byId.matches() && Long.parseLong(byId.group(1)) == scope.id();
    }

    /** The repository a git or forge API path names, or null. */
    static String repositoryNamed(HttpServletRequest request) {
        Matcher matcher = REPOSITORY_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!matcher.matches()) {
            return null;
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
