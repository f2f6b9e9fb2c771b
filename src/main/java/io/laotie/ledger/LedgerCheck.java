package io.laotie.ledger;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The result of auditing the whole ledger: {@code balanced} when no invariant is broken, otherwise every problem
 * found (at most {@link #LIMIT_PER_KIND} of each kind).
 */
public record LedgerCheck(boolean balanced, long transactions, long accounts, long entries, Instant checkedAt,
                          List<Finding> problems) {

    public static final int LIMIT_PER_KIND = 500;

    public LedgerCheck {
        problems = List.copyOf(problems);
    }

    /** What can be wrong with the books. */
    public enum Kind {
        /** A transaction's entries do not sum to zero. */
        UNBALANCED_TRANSACTION,
        /** A transaction has no entries at all. */
        EMPTY_TRANSACTION,
        /** An account's balance row differs from the sum of its entries. */
        BALANCE_MISMATCH,
        /** An account that may never go negative is below zero (its balance, its entries' sum, or a balance after an entry). */
        NEGATIVE_BALANCE,
        /** An entry's balance after is not the balance after the account's previous entry plus its amount. */
        BROKEN_CHAIN,
        /** What an order holds in escrow differs from the escrow entries posted for it. */
        ESCROW_MISMATCH,
        /** A merchant's pending balance differs from the settled money still waiting for release. */
        PENDING_MISMATCH
    }

    /** One problem, with the account or transaction it concerns where there is one. */
    public record Finding(Kind kind, @JsonId @Nullable Long accountId, @JsonId @Nullable Long transactionId, String detail) {
    }
}
