package io.laotie.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A sign-up: handle of 3–32 letters, digits or underscores; password of at least 8 characters. */
public record NewAccount(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_]{3,32}", message = "must be 3-32 letters, digits or underscores") String handle,
        @NotBlank @Size(min = 8, max = 128, message = "must be 8-128 characters") String password,
        @Size(max = 64) @Nullable String displayName,
        @Size(max = 32) @Nullable String city) {
}
