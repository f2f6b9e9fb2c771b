package io.laotie.identity.web;

import io.laotie.identity.NewAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** The add-an-address form; the same rules as {@link NewAddress}, with messages in the reader's language. */
class AddressForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 64, message = "{form.too-long}")
    private @Nullable String recipient;

    @NotBlank(message = "{form.required}")
    @Pattern(regexp = "\\+?[0-9][0-9 -]{4,30}", message = "{address.phone.rule}")
    private @Nullable String phone;

    @NotBlank(message = "{form.required}")
    @Size(max = 128, message = "{form.too-long}")
    private @Nullable String region;

    @NotBlank(message = "{form.required}")
    @Size(max = 256, message = "{form.too-long}")
    private @Nullable String detail;

    private boolean makeDefault;

    NewAddress toNewAddress() {
        return new NewAddress(Objects.requireNonNull(recipient), Objects.requireNonNull(phone).strip(),
                Objects.requireNonNull(region), Objects.requireNonNull(detail), makeDefault);
    }

    public @Nullable String getRecipient() {
        return recipient;
    }

    public void setRecipient(@Nullable String recipient) {
        this.recipient = recipient;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getRegion() {
        return region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    public @Nullable String getDetail() {
        return detail;
    }

    public void setDetail(@Nullable String detail) {
        this.detail = detail;
    }

    public boolean isMakeDefault() {
        return makeDefault;
    }

    public void setMakeDefault(boolean makeDefault) {
        this.makeDefault = makeDefault;
    }
}
