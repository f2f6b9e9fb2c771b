package io.laotie.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/** Gives every browser a long-lived device id cookie on its first page, so logins can be tied to devices. */
class DeviceCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ClientInfos.deviceId(request) == null && !request.getRequestURI().startsWith("/api/")) {
            String id = UUID.randomUUID().toString();
            request.setAttribute(ClientInfos.DEVICE_COOKIE, id);
            response.addHeader("Set-Cookie", ResponseCookie.from(ClientInfos.DEVICE_COOKIE, id)
                    .path("/").maxAge(Duration.ofDays(3650)).httpOnly(true).sameSite("Lax").build().toString());
        }
        chain.doFilter(request, response);
    }
}
