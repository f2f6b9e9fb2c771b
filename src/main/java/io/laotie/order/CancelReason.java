package io.laotie.order;

/** Why an order was cancelled; who cancelled is recorded beside it. */
public enum CancelReason {
    /** The buyer changed their mind before paying. */
    BUYER_CHANGED_MIND,
    /** Nobody paid within {@code laotie.order.payment-timeout}. */
    PAYMENT_TIMEOUT,
    /** The merchant cannot ship: a seller-fault cancellation with a full refund. */
    OUT_OF_STOCK,
    /** An operator stopped the order. */
    OPERATOR
}
