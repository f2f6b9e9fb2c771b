package io.laotie.order;

/**
 * A say in an after-sales request as soon as it is made. Without any policy every request waits for the merchant,
 * except refund-only before shipment, which is always approved at once (every shop's baseline). A policy may
 * approve at once ({@link #review}) and may grant a {@link AfterSalesCover} paid by the platform: the trust module's
 * guarantees (信任购) for shops above its experience threshold. Policies are asked inside the request's transaction,
 * so they must answer quickly from their own data and must not call back into the order module.
 */
public interface AfterSalesPolicy {

    enum Verdict {
        /** Approve at once, without waiting for the merchant. */
        APPROVE,
        /** No opinion: the normal flow decides. */
        ABSTAIN
    }

    Verdict review(RefundRequested request);

    /** What the platform grants this request beyond the baseline; nothing unless a policy says so. */
    default AfterSalesCover cover(RefundRequested request) {
        return AfterSalesCover.NONE;
    }
}
