package io.laotie.social;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One in-app notification. {@code kind} says what happened; the page words it in the reader's language. */
public record InboxMessage(@JsonId long id, Kind kind, @JsonId @Nullable Long creatorId, @Nullable String creatorName,
                           @JsonId @Nullable Long liveSessionId, String title, Instant createdAt, @Nullable Instant readAt) {

    public enum Kind {
        /** A session the reader booked, or of a creator the reader follows, went live. */
        SESSION_STARTED
    }
}
