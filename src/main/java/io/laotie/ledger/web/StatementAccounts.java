package io.laotie.ledger.web;

import io.laotie.identity.Caller;
import io.laotie.ledger.AccountKind;
import io.laotie.ledger.AccountRef;
import io.laotie.platform.NotFound;
import io.laotie.platform.ValidationFailed;

import java.util.Locale;

/**
 * Which account a statement is asked for, and whether the caller may read it. Everyone reads their own accounts by
 * name ({@code me} is the wallet); operators may name any account as {@code KIND:ownerId}, or a platform account by
 * its kind alone. Anyone else's account answers 404, as if it did not exist.
 */
final class StatementAccounts {

    static final String RULE = "must be me, merchant-pending, merchant-available, or an account such as BUYER_WALLET:123 or ESCROW";

    private StatementAccounts() {
    }

    static AccountRef resolve(String account, Caller caller) {
        String name = account.strip();
        return switch (name) {
            case "me", "wallet" -> AccountRef.wallet(caller.accountId());
            case "merchant-pending" -> AccountRef.merchantPending(caller.accountId());
            case "merchant-available" -> AccountRef.merchantAvailable(caller.accountId());
            default -> {
                AccountRef ref = parse(name);
                boolean own = !ref.kind().platform() && ref.ownerId() == caller.accountId();
                if (!own && !caller.isOperator()) {
                    throw new NotFound("No account " + name);
                }
                yield ref;
            }
        };
    }

    private static AccountRef parse(String name) {
        int colon = name.indexOf(':');
        String kindName = (colon < 0 ? name : name.substring(0, colon)).toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            AccountKind kind = AccountKind.valueOf(kindName);
            long owner = colon < 0 ? 0 : Long.parseLong(name.substring(colon + 1));
            return new AccountRef(kind, owner);
        } catch (IllegalArgumentException unknown) { // includes NumberFormatException
            throw ValidationFailed.of("account", RULE);
        }
    }
}
