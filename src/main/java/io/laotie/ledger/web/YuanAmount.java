package io.laotie.ledger.web;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** An amount typed in yuan on a page ("20", "39.9", "¥39.90"), turned into fen exactly, or null when it is not one. */
final class YuanAmount {

    private YuanAmount() {
    }

    /** Fen for a positive amount with at most two decimals; null for anything else. */
    static @Nullable Long fen(String typed) {
        String amount = typed.strip().replace(",", "");
        if (amount.startsWith("¥")) {
            amount = amount.substring(1).strip();
        }
        try {
            BigDecimal yuan = new BigDecimal(amount);
            if (yuan.signum() <= 0 || yuan.stripTrailingZeros().scale() > 2) {
                return null;
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException notAnAmount) {
            return null;
        }
    }
}
