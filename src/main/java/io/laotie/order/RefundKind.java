package io.laotie.order;

/** Refund only (仅退款), or return the goods and get the money back (退货退款). */
public enum RefundKind {
    REFUND_ONLY, RETURN_AND_REFUND
}
