package io.laotie.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerPropertiesTests {

    @Test
    void demoTopUpsAreOnByDefaultOnlyOnTheEmbeddedDatabase() {
        LedgerProperties unset = properties(null, "0.05");
        assertThat(unset.demoTopUpsOn("jdbc:h2:file:./data/laotie;MODE=PostgreSQL")).isTrue();
        assertThat(unset.demoTopUpsOn("jdbc:postgresql://db:5432/laotie")).isFalse();
        assertThat(properties(true, "0.05").demoTopUpsOn("jdbc:postgresql://db:5432/laotie")).isTrue();
        assertThat(properties(false, "0.05").demoTopUpsOn("jdbc:h2:mem:x")).isFalse();
    }

    @Test
    void aFeeRateOutsideZeroToOneIsRefusedAtStart() {
        assertThatThrownBy(() -> properties(null, "-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> properties(null, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(properties(null, "0").platformFeeRate()).isZero();
    }

    private static LedgerProperties properties(Boolean demoTopUps, String rate) {
        return new LedgerProperties(demoTopUps, new BigDecimal(rate), Duration.ZERO, Duration.ofSeconds(5), 100_000_000L);
    }
}
