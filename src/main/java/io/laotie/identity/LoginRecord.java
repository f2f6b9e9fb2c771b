package io.laotie.identity;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One login attempt and where it came from. */
public record LoginRecord(@JsonId long accountId, LoginChannel channel, boolean success, @Nullable String ip,
                          @Nullable String userAgent, @Nullable String deviceId, Instant at) {
}
