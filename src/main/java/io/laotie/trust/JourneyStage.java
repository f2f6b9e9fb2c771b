package io.laotie.trust;

/** The stages of a fan journey (粉丝旅程), in order; see docs/trust.md for the rules that move a journey. */
public enum JourneyStage {
    FOLLOWED, ENGAGED, CONVERTED, TRUSTING, REPURCHASING;

    public boolean atLeast(JourneyStage other) {
        return compareTo(other) >= 0;
    }
}
