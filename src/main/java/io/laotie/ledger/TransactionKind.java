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
    WITHDRAWAL
}
