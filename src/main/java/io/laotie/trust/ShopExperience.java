package io.laotie.trust;

import java.math.BigDecimal;
import java.util.List;

/**
 * A shop's experience score (商家体验分): the weighted dimensions, and the trust guarantees (信任购) it offers now
 * (empty while it holds none).
 */
public record ShopExperience(BigDecimal score, ScoreLabel label, List<ExperienceDimension> dimensions,
                             List<Guarantee> guarantees) {
}
