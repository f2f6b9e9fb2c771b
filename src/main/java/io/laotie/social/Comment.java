package io.laotie.social;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A stored room comment with its author's name and fan-club badge, as the room shows it. */
public record Comment(@JsonId long id, @JsonId long liveSessionId, @JsonId long authorId, String authorName, String text,
                      @Nullable Badge badge, Instant at) {
}
