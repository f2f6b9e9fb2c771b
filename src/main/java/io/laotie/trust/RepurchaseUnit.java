package io.laotie.trust;

/** The time unit of a repurchase model: recency, age and the horizon are whole days divided by its length. */
public enum RepurchaseUnit {
    WEEK(7), DAY(1);

    private final int days;

    RepurchaseUnit(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }
}
