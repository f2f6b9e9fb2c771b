package io.laotie.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The sign-up form; the same rules as {@link io.laotie.identity.NewAccount}, with messages in the reader's language. */
class SignupForm {

    @NotBlank(message = "{form.required}")
    @Pattern(regexp = "[A-Za-z0-9_]{3,32}", message = "{signup.handle.rule}")
    private @Nullable String handle;

    @Size(max = 64, message = "{form.too-long}")
    private @Nullable String displayName;

    @NotBlank(message = "{form.required}")
    @Size(min = 8, max = 128, message = "{signup.password.rule}")
    private @Nullable String password;

    @Size(max = 32, message = "{form.too-long}")
    private @Nullable String city;

    public @Nullable String getHandle() {
        return handle;
    }

    public void setHandle(@Nullable String handle) {
        this.handle = handle == null ? null : handle.strip();
    }

    public @Nullable String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = city;
    }
}
