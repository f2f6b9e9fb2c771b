package io.laotie.trust;

import java.math.BigDecimal;
import java.time.Instant;

/** A creator's reputation (带货口碑分) changed: the new score (0–5, one decimal) and label. */
public record ReputationChanged(long creatorId, BigDecimal score, ScoreLabel label, Instant at) {
}
