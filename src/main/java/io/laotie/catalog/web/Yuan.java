package io.laotie.catalog.web;

import io.laotie.catalog.NewProduct;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** Amounts merchants type in yuan, turned into fen exactly: "39.9" is 3990 fen, never 3989.99… */
final class Yuan {

    private static final BigDecimal MIN_PRICE = new BigDecimal("0.01");
    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(NewProduct.MAX_PRICE, 2);

    private Yuan() {
    }

    /** An amount as typed ("39.9", " ¥39.90 "), or null when it is not a number. */
    static @Nullable BigDecimal parse(String typed) {
        String amount = typed.strip();
        if (amount.startsWith("¥")) {
            amount = amount.substring(1).strip();
        }
        try {
            return amount.isEmpty() ? null : new BigDecimal(amount);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Whether an amount has no more than two decimals, so it is a whole number of fen. */
    static boolean exact(BigDecimal yuan) {
        return yuan.stripTrailingZeros().scale() <= 2;
    }

    /** Whether an amount lies between ¥0.01 and the highest price a SKU may have. */
    static boolean isPrice(BigDecimal yuan) {
        return yuan.compareTo(MIN_PRICE) >= 0 && yuan.compareTo(MAX_PRICE) <= 0;
    }

    /** Yuan to fen; the amount must be {@link #exact}. */
    static long toFen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }
}
