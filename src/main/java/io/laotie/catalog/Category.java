package io.laotie.catalog;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A node of the two-level category tree. {@code standard} says whether goods under it are standard (标品) by
 * default; products go under leaf categories only.
 */
public record Category(@JsonId long id, @JsonId @Nullable Long parentId, String name, String nameEn, boolean standard,
                       List<Category> children) {

    public boolean leaf() {
        return parentId != null;
    }

    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? name : nameEn;
    }
}
