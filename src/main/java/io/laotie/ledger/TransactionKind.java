package io.laotie.ledger;

/** Why money moved. With its reference (such as {@code order:123}) it names a business fact posted at most once. */
public enum TransactionKind {
    /** A buyer paid an order into escrow. */
    PAYMENT,
    /** Escrow gave (part of) an order back to its buyer. */
    REFUND,
    /** Escrow paid a completed order to the merchant's pending account, less the platform's fee. */
    SETTLEMENT,
    /** A merchant's pending money became available after the payout hold. */
    RELEASE,
    /** Money came into a wallet from outside (a demo top-up). */
    TOP_UP,
    /** An operator credited a wallet. */
    CREDIT,
    /** Money left for an outside account. */
    WITHDRAWAL,
    /**
     * The platform subsidy paid a buyer's refund before the order's escrow could (a trust guarantee: refund as soon
     * as the return is shipped); the escrow repays the subsidy when the refund itself is made.
     */
    ADVANCE,
    /** The platform subsidy paid a buyer out of its own pocket: return shipping, compensation for counterfeit goods. */
    SUBSIDY,
    /** The platform subsidy took back from a merchant's money what it paid a buyer on the merchant's behalf. */
    RECOVERY
}
