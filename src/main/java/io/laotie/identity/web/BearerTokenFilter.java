package io.laotie.identity.web;

import io.laotie.identity.ApiTokens;
import io.laotie.platform.Unauthenticated;
import io.laotie.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests (and {@code ?access_token=} where a client cannot set
 * headers, such as a WebSocket). A token that is unknown, revoked, or belongs to a suspended account answers 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static @Nullable String tokenOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        return request.getParameter("access_token");
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var caller = tokens.resolve(token);
        if (caller.isEmpty()) {
            problems.write(request, response, new Unauthenticated("The token is unknown, revoked, or its account is suspended"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(CallerAuthentication.of(caller.get()));
        SecurityContextHolder.setContext(context);
        request.setAttribute(ApiTokenAttribute.NAME, token);
        chain.doFilter(request, response);
    }

    /** The request attribute holding the token the request was authenticated with, for revoking "the current token". */
    static final class ApiTokenAttribute {
        static final String NAME = "laotie.apiToken";

        private ApiTokenAttribute() {
        }
    }
}
