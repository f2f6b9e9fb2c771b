package io.laotie.ledger;

/** Money came into a wallet from outside: a demo top-up ({@code TOP_UP}) or an operator's credit ({@code CREDIT}). */
public record WalletToppedUp(long accountId, long amount, TransactionKind kind, long transactionId) {
}
