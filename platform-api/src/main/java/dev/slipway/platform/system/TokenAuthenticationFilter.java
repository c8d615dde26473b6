package dev.slipway.platform.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through to the API or the git server only with the admin token: as
 * {@code Authorization: Bearer <token>}, or as the password of HTTP Basic authentication (which
 * git sends; the user name is ignored).
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final AdminToken token;

    TokenAuthenticationFilter(AdminToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.matches(presentedToken(request.getHeader("Authorization")))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        if (request.getRequestURI().startsWith("/git/")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Slipway\", charset=\"UTF-8\"");
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().println("Authentication required: use any user name and the admin token as password.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Slipway\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().print("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Send the admin token as 'Authorization: Bearer <token>'.\",\"instance\":\""
                + request.getRequestURI().replace("\"", "%22") + "\"}");
    }

    static String presentedToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                var decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                var colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
