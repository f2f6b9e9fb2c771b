package io.laotie.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An operator's new category: top-level without a parent, else under a top-level one. */
class CategoryForm {

    private @Nullable Long parentId;

    @NotBlank(message = "{form.required}")
    @Size(max = 32, message = "{form.too-long}")
    private @Nullable String name;

    @NotBlank(message = "{form.required}")
    @Size(max = 64, message = "{form.too-long}")
    private @Nullable String nameEn;

    private boolean standard;

    public @Nullable Long getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable Long parentId) {
        this.parentId = parentId;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getNameEn() {
        return nameEn;
    }

    public void setNameEn(@Nullable String nameEn) {
        this.nameEn = nameEn;
    }

    public boolean isStandard() {
        return standard;
    }

    public void setStandard(boolean standard) {
        this.standard = standard;
    }
}
