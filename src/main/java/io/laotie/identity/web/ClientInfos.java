package io.laotie.identity.web;

import io.laotie.identity.ClientInfo;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** Reads where a request came from: address, user agent and device id (header from apps, cookie from browsers). */
public final class ClientInfos {

    public static final String DEVICE_HEADER = "X-Device-Id";
    public static final String DEVICE_COOKIE = "laotie_device";

    private ClientInfos() {
    }

    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"), deviceId(request));
    }

    static @Nullable String deviceId(HttpServletRequest request) {
        String header = request.getHeader(DEVICE_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (DEVICE_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        Object fresh = request.getAttribute(DEVICE_COOKIE); // set by DeviceCookieFilter on this very request
        return fresh instanceof String s ? s : null;
    }
}
