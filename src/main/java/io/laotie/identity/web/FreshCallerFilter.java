package io.laotie.identity.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Web sessions remember only who logged in. On every request this re-reads the account, so roles gained since
 * (a first shop) apply at once, and a suspended account's session ends at once.
 */
class FreshCallerFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    FreshCallerFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller remembered
                && request.getAttribute(BearerTokenFilter.ApiTokenAttribute.NAME) == null) {
            var fresh = accounts.callerOf(remembered.accountId());
            var context = SecurityContextHolder.createEmptyContext();
            if (fresh.isPresent()) {
                context.setAuthentication(CallerAuthentication.of(fresh.get()));
            } else {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
