package io.laotie.ledger;

/** A settled order's money moved from the merchant's pending to their available account after the payout hold. */
public record MerchantFundsReleased(long orderId, long merchantId, long amount, long transactionId) {
}
