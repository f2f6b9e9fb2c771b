package io.laotie.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The platform's service fee on a settled order: the rate times the net amount (paid less refunded), rounded half
 * up to the fen. The merchant gets the exact remainder, so fee and share always add up to the net amount.
 */
final class PlatformFee {

    private PlatformFee() {
    }

    static long of(long net, BigDecimal rate) {
        if (net < 0) {
            throw new IllegalArgumentException("net amount may not be negative, was " + net);
        }
        return BigDecimal.valueOf(net).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
