package io.laotie.ledger;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One business fact in the books: its entries sum to zero. Identified by {@code (kind, reference)}, so posting
 * the same fact again answers this transaction instead of moving money twice.
 *
 * @param orderId the order a payment, refund, settlement or release is about; null otherwise
 * @param entries never empty for a stored transaction; see {@link #isEmpty()}
 */
public record Transaction(@JsonId long id, TransactionKind kind, String reference, @JsonId @Nullable Long orderId,
                          String memo, Instant createdAt, List<Entry> entries) {

    /**
     * One side of a transaction: a signed amount in fen on one account, and for accounts with a balance the
     * balance right after it.
     */
    public record Entry(@JsonId long id, @JsonId long accountId, AccountRef account, long amount, @Nullable Long balanceAfter) {
    }

    public Transaction {
        entries = List.copyOf(entries);
    }

    /** Nothing moved: the answer to settling an order with nothing left in escrow. Such a transaction has id 0 and is not stored. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The signed amount this transaction moved on {@code account}; 0 when it did not touch it. */
    public long amountOn(AccountRef account) {
        return entries.stream().filter(e -> e.account().equals(account)).mapToLong(Entry::amount).sum();
    }
}
