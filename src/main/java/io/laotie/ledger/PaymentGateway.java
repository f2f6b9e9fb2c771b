package io.laotie.ledger;

/**
 * Where money comes from and goes to outside the books. The ledger asks the gateway which account pays for an order
 * (the built-in gateway, the platform wallet, answers the buyer's wallet; a card gateway would answer
 * {@link AccountRef#external()} once it captured the money), which account a refund goes back to, and to pay a
 * withdrawal out. Calls happen inside the ledger's transaction: a gateway that throws leaves the books unchanged.
 */
public interface PaymentGateway {

    /** A short name kept with every payout, such as {@code wallet}. */
    String name();

    /** The account the ledger debits for an order's payment. */
    AccountRef charge(long orderId, long buyerId, long amount);

    /** The account the ledger credits with a refund of an order. */
    AccountRef refund(long orderId, long refundId, long buyerId, long amount);

    /**
     * Pays {@code amount} fen out of {@code from} to its owner's outside account, once for each withdrawal id.
     *
     * @return whether the money is paid or only requested
     */
    Withdrawal.Status payout(long withdrawalId, AccountRef from, long amount);
}
