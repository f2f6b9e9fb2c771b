package io.laotie.trust.internal;

/** What a score fact records; its {@code value} and reference id mean what each constant says. */
public enum FactKind {
    /** An order was paid; ref = order, value 1 when the buyer had paid for the creator's goods on an earlier day. */
    ORDER_PAID,
    /** An order was shipped; ref = order, value 1 when within the shipping promise of payment. */
    SHIPPED,
    /** The buyer confirmed receipt (automatic receipts say nothing about delivery); ref = order, value = minutes since payment. */
    DELIVERED,
    /** The first quality-related refund of an order was paid; ref = order. */
    QUALITY_REFUND,
    /** The seller cancelled a paid order; ref = order. */
    SELLER_CANCEL,
    /** The merchant (or the deadline) decided an after-sales request; ref = refund, value = minutes since the request. */
    RESPONSE,
    /** An arbitration went against the seller by its fault; ref = refund. */
    ARBITRATION_LOST,
    /** An arbitration ruled the goods counterfeit; ref = refund. */
    COUNTERFEIT_RULING,
    /** A review; ref = review, value = stars. */
    REVIEW,
    /** A review was removed: the same contributions as its REVIEW, taken away; ref = review. */
    REVIEW_REMOVED,
    /** An upheld complaint; ref = complaint. */
    COMPLAINT_UPHELD
}
