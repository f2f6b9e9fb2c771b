package io.laotie.ledger;

/** Money left a withdrawable account for its owner's outside account. */
public record WithdrawalMade(long withdrawalId, AccountRef account, long amount, Withdrawal.Status status) {
}
