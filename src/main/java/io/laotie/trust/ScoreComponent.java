package io.laotie.trust;

import java.math.BigDecimal;

/**
 * One part of a score: its name (a stable code such as {@code ratings}), its value on the 0–5 scale (one decimal), its
 * weight in the score, and the weighted number of orders or reviews it rests on.
 */
public record ScoreComponent(String name, BigDecimal value, double weight, BigDecimal evidence) {
}
