package io.laotie.order;

/**
 * An after-sales request's state. REQUESTED waits for the merchant (approved automatically at the deadline);
 * AWAITING_RETURN and RETURN_SHIPPED belong to returns; REJECTED may be ESCALATED to an operator; REFUNDED and
 * CLOSED end it (CLOSED: no money, after a merchant-side ruling or the order's end).
 */
public enum RefundStatus {
    REQUESTED, AWAITING_RETURN, RETURN_SHIPPED, REJECTED, ESCALATED, REFUNDED, CLOSED;

    /**
     * Whether the request still holds up the order's completion. A rejection does not: the buyer may escalate it
     * while the order is not completed, and an escalated request holds the order again until the ruling.
     */
    public boolean open() {
        return this == REQUESTED || this == AWAITING_RETURN || this == RETURN_SHIPPED || this == ESCALATED;
    }

    static final java.util.List<RefundStatus> OPEN = java.util.List.of(REQUESTED, AWAITING_RETURN, RETURN_SHIPPED, ESCALATED);
}
