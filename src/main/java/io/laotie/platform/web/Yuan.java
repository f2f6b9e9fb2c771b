package io.laotie.platform.web;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** Amounts people type in yuan on any page ("20", "39.9", "¥39.90", "1,280"), turned into fen exactly, never through a double. */
public final class Yuan {

    private Yuan() {
    }

    /** Fen for a positive amount with at most two decimals; null for anything else, so the page can say what it wants. */
    public static @Nullable Long fen(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String amount = typed.strip().replace(",", "").replace("，", "");
        if (amount.startsWith("¥") || amount.startsWith("￥")) {
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

    /** 3990 fen → "¥39.90", for messages built in Java (templates use {@code @money}). */
    public static String text(long fen) {
        return (fen < 0 ? "-¥" : "¥") + BigDecimal.valueOf(Math.abs(fen), 2).toPlainString();
    }

    /** 3990 fen → "39.90", as a form field shows an amount to edit. */
    public static String plain(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
