package io.laotie.trust;

import java.math.BigDecimal;
import java.time.Instant;

/** A shop's experience score (商家体验分) changed: the new score (0–5, one decimal) and label. */
public record ExperienceChanged(long shopId, BigDecimal score, ScoreLabel label, Instant at) {
}
