package io.laotie.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Shows money to people: amounts are fen (integer minor units of CNY) everywhere in the code, and yuan with two
 * decimals on the page. Templates call it as {@code ${@money.yuan(product.price)}}.
 */
@Component("money")
class Money {

    /** 3990 fen → "¥39.90"; nothing for a missing amount. */
    public String yuan(@Nullable Long fen) {
        if (fen == null) {
            return "";
        }
        return (fen < 0 ? "-¥" : "¥") + plain(Math.abs(fen));
    }

    /** 3990 fen → "39.90", as a form field shows an amount for editing. */
    public String plain(@Nullable Long fen) {
        return fen == null ? "" : BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
