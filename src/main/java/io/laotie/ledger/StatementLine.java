package io.laotie.ledger;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One entry of an account's statement, with the account's balance right after it. */
public record StatementLine(@JsonId long entryId, @JsonId long transactionId, TransactionKind kind, String reference,
                            @JsonId @Nullable Long orderId, String memo, long amount, long balance, Instant at) {
}
