package io.laotie.ledger;

import io.laotie.platform.Problem;

/** An account (or an order's escrow) holds less than the amount asked for; nothing moved (409 {@code insufficient-balance}). */
public class InsufficientBalance extends Problem {

    public InsufficientBalance(String detail) {
        super("insufficient-balance", 409, "Insufficient balance", detail);
    }

    static InsufficientBalance of(AccountRef account, long amount) {
        return new InsufficientBalance(describe(account) + " holds less than " + amount + " fen");
    }

    private static String describe(AccountRef account) {
        return switch (account.kind()) {
            case BUYER_WALLET -> "The wallet of account " + account.ownerId();
            case MERCHANT_PENDING -> "The pending balance of merchant " + account.ownerId();
            case MERCHANT_AVAILABLE -> "The available balance of merchant " + account.ownerId();
            default -> "Account " + account;
        };
    }
}
