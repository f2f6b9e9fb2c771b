package io.laotie.ledger;

import io.laotie.platform.JsonId;

import java.time.Instant;

/** Money paid out of a withdrawable account to its owner's outside account, through the payment gateway. */
public record Withdrawal(@JsonId long id, AccountRef account, long amount, Status status, String gateway,
                         @JsonId long transactionId, Instant createdAt) {

    public enum Status {
        /** Handed to a gateway that confirms later. */
        REQUESTED,
        /** The gateway paid it. */
        PAID
    }
}
