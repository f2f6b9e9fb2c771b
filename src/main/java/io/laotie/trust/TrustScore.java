package io.laotie.trust;

import java.math.BigDecimal;
import java.util.List;

/** A score on the 0–5 scale with one decimal, its label (NEW until there is enough data) and every component. */
public record TrustScore(BigDecimal score, ScoreLabel label, List<ScoreComponent> components) {
}
