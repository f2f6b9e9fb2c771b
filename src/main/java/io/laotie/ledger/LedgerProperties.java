package io.laotie.ledger;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code laotie.ledger.*}.
 *
 * @param demoTopUps      let every account top up its own wallet out of thin air; unset means on for the embedded
 *                        H2 default and off on any other database (see {@link #demoTopUpsOn(String)})
 * @param platformFeeRate the platform's service fee as a share of an order's net amount (0.05 is 5%)
 * @param payoutHold      how long a merchant's settled money stays pending before it may be withdrawn
 * @param releaseInterval how often pending money that is due gets released
 * @param maxTopUp        the largest top-up or operator credit in fen (default ¥1,000,000)
 */
@ConfigurationProperties("laotie.ledger")
public record LedgerProperties(
        @Nullable Boolean demoTopUps,
        @DefaultValue("0.05") BigDecimal platformFeeRate,
        @DefaultValue("0s") Duration payoutHold,
        @DefaultValue("5s") Duration releaseInterval,
        @DefaultValue("100000000") long maxTopUp) {

    public LedgerProperties {
        if (platformFeeRate.signum() < 0 || platformFeeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("laotie.ledger.platform-fee-rate must be at least 0 and below 1, was " + platformFeeRate);
        }
        if (payoutHold.isNegative()) {
            throw new IllegalArgumentException("laotie.ledger.payout-hold may not be negative, was " + payoutHold);
        }
        if (maxTopUp <= 0) {
            throw new IllegalArgumentException("laotie.ledger.max-top-up must be positive, was " + maxTopUp);
        }
    }

    /**
     * Whether demo top-ups are on for a database: as configured, or when not configured, only on the embedded H2
     * default, so a real deployment never mints money by accident.
     */
    public boolean demoTopUpsOn(@Nullable String datasourceUrl) {
        if (demoTopUps != null) {
            return demoTopUps;
        }
        return datasourceUrl == null || datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:");
    }
}
