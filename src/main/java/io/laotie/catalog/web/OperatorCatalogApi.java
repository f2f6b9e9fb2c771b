package io.laotie.catalog.web;

import io.laotie.catalog.CatalogSettings;
import io.laotie.catalog.Categories;
import io.laotie.catalog.Category;
import io.laotie.platform.JsonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Operators' catalog policy: categories and the source-direct threshold. */
@RestController
@RequestMapping("/api/operator/catalog")
class OperatorCatalogApi {

    record NewCategory(@JsonId @Nullable Long parentId, @NotBlank @Size(max = 32) String name,
                       @NotBlank @Size(max = 64) String nameEn, @NotNull Boolean standard) {
    }

    record Settings(@NotNull @DecimalMin("1.0") @DecimalMax("100") BigDecimal sourceDirectMaxMarkup) {
    }

    private final Categories categories;
    private final CatalogSettings settings;

    OperatorCatalogApi(Categories categories, CatalogSettings settings) {
        this.categories = categories;
        this.settings = settings;
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    Category addCategory(@Valid @RequestBody NewCategory request) {
        return categories.add(request.parentId(), request.name(), request.nameEn(), request.standard());
    }

    @GetMapping("/settings")
    Settings settings() {
        return new Settings(settings.sourceDirectMaxMarkup());
    }

    @PutMapping("/settings")
    Settings update(@Valid @RequestBody Settings request) {
        return new Settings(settings.setSourceDirectMaxMarkup(request.sourceDirectMaxMarkup()));
    }
}
