package io.laotie.trust.web;

import io.laotie.trust.ScoreComponent;
import io.laotie.trust.ScoreLabel;
import io.laotie.trust.TrustScore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "What would raise it": the components that cost the score most points, largest first. */
class LeversTests {

    private static ScoreComponent part(String name, String value, double weight) {
        return new ScoreComponent(name, new BigDecimal(value), weight, BigDecimal.TEN);
    }

    @Test
    void theWeightedShortfallOrdersTheLevers() {
        TrustScore score = new TrustScore(new BigDecimal("3.9"), ScoreLabel.FAIR, List.of(
                part("ratings", "3.0", 0.3), part("repurchase", "1.0", 0.15), part("complaints", "5.0", 0.1),
                part("qualityRefunds", "4.9", 0.2), part("negativeReviews", "4.0", 0.15), part("arbitrations", "4.5", 0.1)));
        List<TrustStudioPages.Lever> levers = TrustStudioPages.levers(score);
        assertThat(levers).extracting(TrustStudioPages.Lever::name).containsExactly("ratings", "repurchase", "negativeReviews");
        assertThat(levers.getFirst().gain()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aStrongScoreHasNothingToRaise() {
        TrustScore score = new TrustScore(new BigDecimal("4.9"), ScoreLabel.EXCELLENT,
                List.of(part("ratings", "4.9", 0.5), part("repurchase", "4.85", 0.5)));
        assertThat(TrustStudioPages.levers(score)).isEmpty();
    }
}
