package io.laotie.trust;

/** What a score says in one word; NEW until there is enough data to say anything. */
public enum ScoreLabel {
    NEW, EXCELLENT, GOOD, FAIR, POOR
}
