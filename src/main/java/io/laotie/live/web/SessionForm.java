package io.laotie.live.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The studio's new-session form. {@code scheduledAt} is a local date-time as a {@code datetime-local} field sends it
 * ("2026-12-01T20:00"), read in the platform zone; blank means "now".
 */
class SessionForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.too-long}")
    private @Nullable String title;

    @Size(max = 500, message = "{form.too-long}")
    @Pattern(regexp = "\\s*|(https?://|/)\\S+\\s*", message = "{studio.session.cover.rule}")
    private @Nullable String coverUrl;

    private @Nullable String scheduledAt;

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getCoverUrl() {
        return coverUrl;
    }

    public void setCoverUrl(@Nullable String coverUrl) {
        this.coverUrl = coverUrl;
    }

    public @Nullable String getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(@Nullable String scheduledAt) {
        this.scheduledAt = scheduledAt;
    }
}
