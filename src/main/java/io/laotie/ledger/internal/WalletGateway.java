package io.laotie.ledger.internal;

import io.laotie.ledger.AccountRef;
import io.laotie.ledger.PaymentGateway;
import io.laotie.ledger.Withdrawal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The built-in gateway: the platform wallet. Buyers pay from their wallet and refunds go back to it; a payout is
 * recorded (the ledger keeps it in {@code ledger_payouts}) and counts as paid, since no outside money moves in the
 * embedded default. A real gateway is another bean marked {@code @Primary}.
 */
@Component
final class WalletGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(WalletGateway.class);

    @Override
    public String name() {
        return "wallet";
    }

    @Override
    public AccountRef charge(long orderId, long buyerId, long amount) {
        return AccountRef.wallet(buyerId);
    }

    @Override
    public AccountRef refund(long orderId, long refundId, long buyerId, long amount) {
        return AccountRef.wallet(buyerId);
    }

    @Override
    public Withdrawal.Status payout(long withdrawalId, AccountRef from, long amount) {
        log.info("Payout {}: {} fen from {} to its owner's outside account, recorded by the wallet gateway", withdrawalId, amount, from);
        return Withdrawal.Status.PAID;
    }
}
