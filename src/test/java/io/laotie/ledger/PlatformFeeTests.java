package io.laotie.ledger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformFeeTests {

    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

    @ParameterizedTest(name = "net {0} fen → fee {1} fen")
    @CsvSource({
            "0, 0",
            "1, 0",          // 0.05 rounds down
            "9, 0",          // 0.45 rounds down
            "10, 1",         // 0.5 rounds half up
            "29, 1",         // 1.45 rounds down
            "30, 2",         // 1.5 rounds half up
            "3990, 200",     // 199.5 rounds half up
            "3989, 199",     // 199.45 rounds down
            "100000, 5000",
            "9223372036854775807, 461168601842738790"})
    void isFivePercentOfTheNetRoundedHalfUpToTheFen(long net, long fee) {
        assertThat(PlatformFee.of(net, FIVE_PERCENT)).isEqualTo(fee);
        assertThat(net - PlatformFee.of(net, FIVE_PERCENT)).as("the merchant's share").isEqualTo(net - fee);
    }

    @ParameterizedTest(name = "rate {1}: net {0} fen → fee {2} fen")
    @CsvSource({"1000, 0, 0", "1000, 0.006, 6", "1001, 0.006, 6", "1250, 0.006, 8", "333, 0.1, 33", "335, 0.1, 34"})
    void followsTheConfiguredRate(long net, String rate, long fee) {
        assertThat(PlatformFee.of(net, new BigDecimal(rate))).isEqualTo(fee);
    }
}
