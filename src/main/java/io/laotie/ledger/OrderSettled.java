package io.laotie.ledger;

/**
 * A completed order was settled: of the {@code net} amount left in escrow (paid less refunded) the platform kept
 * {@code fee} and the merchant's pending account got the rest. {@code transactionId} is 0 when nothing was left.
 */
public record OrderSettled(long orderId, long merchantId, long net, long fee, long transactionId) {
}
