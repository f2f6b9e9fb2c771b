package io.laotie.social;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What an account says about itself when it becomes a creator. */
public record NewCreator(
        @NotBlank @Size(max = 40) String displayName,
        @NotNull @Size(max = 500) String bio,
        @Nullable @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String avatarUrl) {
}
