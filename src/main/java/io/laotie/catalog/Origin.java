package io.laotie.catalog;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Where a product comes from (产地) and the sourcing story told about it. */
public record Origin(@Size(max = 100) @Nullable String place, @Size(max = 5000) @Nullable String story) {

    public boolean named() {
        return place != null && !place.isBlank();
    }
}
