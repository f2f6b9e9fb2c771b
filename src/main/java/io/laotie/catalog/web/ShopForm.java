package io.laotie.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The open-a-shop form. */
class ShopForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 64, message = "{form.too-long}")
    private @Nullable String name;

    @Size(max = 2000, message = "{form.too-long}")
    private @Nullable String description;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }
}
