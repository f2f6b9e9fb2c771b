package io.laotie.trust;

import java.util.List;

/** How the scores of one kind (CREATOR, SHOP, PRODUCT) spread: subjects per label and per half-point band. */
public record ScoreDistribution(String kind, List<LabelCount> labels, List<Band> bands) {

    /** The fullest band's count (at least 1), the height a chart scales to. */
    public long tallest() {
        return Math.max(1, bands.stream().mapToLong(Band::count).max().orElse(1));
    }

    public record LabelCount(ScoreLabel label, long count) {
    }

    /** Subjects scored in [from, to) (the last band includes 5.0); NEW ones are not in the bands. */
    public record Band(double from, double to, long count) {
    }
}
