package io.laotie.live;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/** A session to create; without {@code scheduledAt} it is planned for now. */
public record NewLiveSession(
        @NotBlank @Size(max = 100) String title,
        @Nullable @Size(max = 500) @Pattern(regexp = "https?://\\S+|/\\S+", message = "must be an http(s) URL") String coverUrl,
        @Nullable OffsetDateTime scheduledAt) {
}
