package io.laotie.catalog;

import io.laotie.platform.ValidationFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Operator-set catalog policy: the markup ratio under which a product with a named origin is "source-direct". */
@Service
public class CatalogSettings {

    static final String SOURCE_DIRECT = "source-direct-max-markup-permille";

    private final JdbcClient jdbc;

    CatalogSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The threshold in thousandths of the ratio (2000 means price ÷ cost under 2.0). */
    public long sourceDirectMaxMarkupPermille() {
        return jdbc.sql("select amount from catalog_settings where name = ?").param(SOURCE_DIRECT).query(Long.class).single();
    }

    public BigDecimal sourceDirectMaxMarkup() {
        return BigDecimal.valueOf(sourceDirectMaxMarkupPermille(), 3).setScale(2, RoundingMode.HALF_UP);
    }

    /** Sets the threshold; between 1.0× and 100×. */
    @Transactional
    public BigDecimal setSourceDirectMaxMarkup(BigDecimal ratio) {
        if (ratio.compareTo(BigDecimal.ONE) < 0 || ratio.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ValidationFailed.of("sourceDirectMaxMarkup", "must be between 1.0 and 100");
        }
        long permille = ratio.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        jdbc.sql("update catalog_settings set amount = ? where name = ?").params(permille, SOURCE_DIRECT).update();
        return sourceDirectMaxMarkup();
    }
}
