package io.laotie.identity;

import org.jspecify.annotations.Nullable;

/**
 * Where a request came from: the client address, the user agent, and a device id ({@code X-Device-Id} from apps,
 * a long-lived cookie for browsers). Recorded at login and sign-up so later modules can spot linked accounts.
 */
public record ClientInfo(String ip, @Nullable String userAgent, @Nullable String deviceId) {

    /** The platform itself (bootstrap, demo seeding): not rate-limited. */
    public static final ClientInfo INTERNAL = new ClientInfo("internal", null, null);

    public ClientInfo {
        userAgent = clip(userAgent, 512);
        deviceId = clip(deviceId, 128);
    }

    public boolean internal() {
        return this == INTERNAL;
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
