package io.laotie.order;

/**
 * A say in an after-sales request as soon as it is made. The trust module will add its guarantees here (fast refund
 * for trusted buyers, return shipping paid by the platform); without any policy every request waits for the
 * merchant, except refund-only before shipment, which is always approved at once.
 */
public interface AfterSalesPolicy {

    enum Verdict {
        /** Approve at once, without waiting for the merchant. */
        APPROVE,
        /** No opinion: the normal flow decides. */
        ABSTAIN
    }

    Verdict review(RefundRequested request);
}
