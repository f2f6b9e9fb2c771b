package io.laotie.trust;

import java.math.BigDecimal;
import java.util.List;

/** One dimension of a shop's experience score: {@code product}, {@code logistics} or {@code service}. */
public record ExperienceDimension(String name, BigDecimal score, double weight, List<ScoreComponent> components) {
}
