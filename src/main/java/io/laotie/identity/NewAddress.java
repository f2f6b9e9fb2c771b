package io.laotie.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An address to add: recipient, phone, region (省市区) and the street detail; {@code isDefault} makes it the default. */
public record NewAddress(
        @NotBlank @Size(max = 64) String recipient,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{4,30}", message = "must be a phone number") String phone,
        @NotBlank @Size(max = 128) String region,
        @NotBlank @Size(max = 256) String detail,
        @Nullable Boolean isDefault) {
}
