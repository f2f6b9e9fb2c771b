package io.laotie.trust.internal;

/**
 * What a bucket sums per (subject, day): {@code n} = Σ weight and {@code s} = Σ weight × value, both in milli-weights,
 * so sums are exact integers and their order never changes the result.
 */
public enum Metric {
    /** Paid orders. */
    ORDERS,
    /** Paid orders by a buyer who had paid for the creator's goods on an earlier day. */
    REPEAT_ORDERS,
    /** Reviews; s sums the stars. */
    REVIEWS,
    /** Reviews of one or two stars. */
    NEGATIVE_REVIEWS,
    /** Orders with a quality-related refund paid (the first one of each order). */
    QUALITY_REFUNDS,
    /** Arbitrations the seller side lost through its own fault or counterfeit goods. */
    ARBITRATIONS_LOST,
    /** Arbitrations that ruled the goods counterfeit. */
    COUNTERFEIT,
    /** Upheld complaints (投诉). */
    COMPLAINTS_UPHELD,
    /** Shipments; s counts those within the shipping promise (48 h of payment). */
    SHIPMENTS,
    /** Receipts confirmed by the buyer; s sums the minutes from payment. */
    DELIVERIES,
    /** After-sales decisions; s sums the minutes from request to decision. */
    RESPONSES,
    /** Cancellations by the seller (out of stock) after payment. */
    SELLER_CANCELS
}
