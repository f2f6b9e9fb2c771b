package io.laotie.order;

/**
 * A later module that builds from imported orders (the trust module: journeys and the repurchase model's inputs).
 * The order module cannot ask it directly, so it declares this and the follower implements it: an import is reported
 * DONE only once every follower has absorbed every chunk ({@link OrderHistoryImported}).
 */
public interface ImportFollower {

    /** How much of an import this follower has absorbed so far. */
    Absorbed absorbed(long importId);

    /** Chunks absorbed, and the orders in them. */
    record Absorbed(int chunks, long orders) {
    }
}
