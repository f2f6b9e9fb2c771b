package io.laotie.trust.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * The trust guarantees (信任购) and who holds them ({@code laotie.trust.guarantees.*}); reasons in
 * docs/trust-guarantees.md.
 *
 * @param threshold           a shop holds the guarantees while its experience score is at least this (and not NEW)
 * @param returnShipping      fen the platform pays for shipping a return back (退货包运费); 0 turns it off
 * @param counterfeitMultiple times the price of goods ruled counterfeit paid on top of the refund (假一赔三); 0 turns
 *                            it off
 * @param recoverCompensation whether that compensation is taken back from the merchant when the ruling puts the fault
 *                            on the merchant
 */
@ConfigurationProperties("laotie.trust.guarantees")
public record GuaranteeRules(@DefaultValue("4.5") BigDecimal threshold, @DefaultValue("1000") long returnShipping,
                             @DefaultValue("3") int counterfeitMultiple, @DefaultValue("true") boolean recoverCompensation) {

    public GuaranteeRules {
        if (returnShipping < 0 || counterfeitMultiple < 0 || threshold.signum() < 0) {
            throw new IllegalArgumentException("laotie.trust.guarantees.* may not be negative");
        }
    }
}
