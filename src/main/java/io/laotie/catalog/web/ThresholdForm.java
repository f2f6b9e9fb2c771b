package io.laotie.catalog.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** The source-direct threshold: the markup ratio (price ÷ cost) under which goods with a named origin earn the badge. */
class ThresholdForm {

    @NotNull(message = "{form.required}")
    @DecimalMin(value = "1.0", message = "{operator.catalog.threshold.rule}")
    @DecimalMax(value = "100", message = "{operator.catalog.threshold.rule}")
    @Digits(integer = 3, fraction = 3, message = "{operator.catalog.threshold.rule}")
    private @Nullable BigDecimal sourceDirectMaxMarkup;

    public @Nullable BigDecimal getSourceDirectMaxMarkup() {
        return sourceDirectMaxMarkup;
    }

    public void setSourceDirectMaxMarkup(@Nullable BigDecimal sourceDirectMaxMarkup) {
        this.sourceDirectMaxMarkup = sourceDirectMaxMarkup;
    }
}
