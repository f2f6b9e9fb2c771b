package io.laotie.live;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A live session as anyone may see it. {@code viewers} is the current audience; {@code playbackUrl} is its HLS
 * playlist while the room is on (LIVE or INTERRUPTED), under the session's public name, never the stream key.
 * {@code simulated} marks a demo room whose audience is simulated.
 */
public record LiveSession(
        @JsonId long id,
        @JsonId long creatorId,
        String creatorName,
        @Nullable String creatorAvatarUrl,
        String title,
        @Nullable String coverUrl,
        SessionStatus status,
        Instant scheduledAt,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable String playbackUrl,
        @JsonId @Nullable Long explainingItemId,
        long bookings,
        long viewers,
        long likes,
        boolean simulated,
        Instant createdAt) {
}
