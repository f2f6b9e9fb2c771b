package io.laotie.social.web;

import io.laotie.social.Creator;
import io.laotie.social.NewCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** The creator profile form: what an account shows as a creator (主播). */
class CreatorProfileForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 40, message = "{form.too-long}")
    private @Nullable String displayName;

    @Size(max = 500, message = "{form.too-long}")
    private @Nullable String bio;

    @Size(max = 500, message = "{form.too-long}")
    @Pattern(regexp = "\\s*|https?://\\S+\\s*", message = "{studio.profile.avatar.rule}")
    private @Nullable String avatarUrl;

    static CreatorProfileForm of(Creator creator) {
        CreatorProfileForm form = new CreatorProfileForm();
        form.displayName = creator.displayName();
        form.bio = creator.bio();
        form.avatarUrl = creator.avatarUrl();
        return form;
    }

    /** The profile as the social module takes it; a blank avatar address means none. */
    NewCreator toNewCreator() {
        String avatar = avatarUrl == null || avatarUrl.isBlank() ? null : avatarUrl.strip();
        return new NewCreator(Objects.requireNonNull(displayName).strip(), bio == null ? "" : bio.strip(), avatar);
    }

    public @Nullable String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName;
    }

    public @Nullable String getBio() {
        return bio;
    }

    public void setBio(@Nullable String bio) {
        this.bio = bio;
    }

    public @Nullable String getAvatarUrl() {
        return avatarUrl;
    }

    public void setAvatarUrl(@Nullable String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }
}
