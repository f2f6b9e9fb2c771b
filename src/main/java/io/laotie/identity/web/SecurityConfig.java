package io.laotie.identity.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.ApiTokens;
import io.laotie.platform.Forbidden;
import io.laotie.platform.Unauthenticated;
import io.laotie.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.net.URI;

/**
 * Who may call what. Two ways in: a web session (cookie; forms carry a CSRF token) and an opaque bearer token
 * (no CSRF, since a browser never adds it on its own). API requests without a session cookie cannot ride on a
 * browser's credentials, so they need no CSRF token either; media-server hooks authenticate with a shared secret.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts, ApiTokens tokens, ProblemResponses problems,
                                            @Value("${laotie.live.media.playback-base-url:}") String playback) throws Exception {
        RequestMatcher noCookieCredentials = request -> BearerTokenFilter.hasBearer(request)
                || (ProblemResponses.isApi(request) && !hasSessionCookie(request));
        http
                .authenticationProvider(new FormLoginProvider(accounts))
                .addFilterBefore(new DeviceCookieFilter(), SecurityContextHolderFilter.class)
                .addFilterAfter(new BearerTokenFilter(tokens, problems), SecurityContextHolderFilter.class)
                .addFilterBefore(new FreshCallerFilter(accounts), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(noCookieCredentials)
                        .ignoringRequestMatchers("/hooks/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/signup", "/error", "/products/**", "/shops/**", "/categories/**",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/live", "/live/**", "/creators/**", "/ws/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/products/**", "/api/categories/**", "/api/shops/**",
                                "/api/creators/**", "/api/live-sessions/**", "/api/flash-sales/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/auth/tokens").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/hooks/**").permitAll()
                        .requestMatchers("/actuator/**", "/api/operator/**", "/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationDetailsSource(FormLoginProvider.details())
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?error=" + switch (e) {
                                    case org.springframework.security.authentication.LockedException l -> "rate";
                                    case org.springframework.security.authentication.DisabledException d -> "suspended";
                                    default -> "bad";
                                }))
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/").permitAll())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            if (ProblemResponses.isApi(request)) {
                                problems.write(request, response, new Unauthenticated("Sign in or send a bearer token"));
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login");
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            if (ProblemResponses.isApi(request)) {
                                problems.write(request, response, new Forbidden("You may not do this"));
                            } else {
                                response.sendError(403);
                            }
                        }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; connect-src 'self' ws: wss:" + origin(playback) + "; media-src 'self' blob: http: https:; "
                                + "frame-ancestors 'none'")));
        return http.build();
    }

    /** The media server's origin, which the room's player fetches HLS playlists and segments from; none when same-site. */
    private static String origin(String playbackBaseUrl) {
        URI uri = URI.create(playbackBaseUrl.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        return " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (var cookie : request.getCookies()) {
            if ("JSESSIONID".equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
