package io.laotie.ledger;

import io.laotie.platform.JsonId;

/**
 * Names an account by its kind and owner (an identity account id; 0 for the platform's accounts). The account
 * itself is created the first time money moves through it.
 */
public record AccountRef(AccountKind kind, @JsonId long ownerId) {

    public AccountRef {
        if (kind.platform() != (ownerId == 0)) {
            throw new IllegalArgumentException(kind + (kind.platform() ? " has no owner" : " needs an owner") + ", was " + ownerId);
        }
    }

    public static AccountRef wallet(long accountId) {
        return new AccountRef(AccountKind.BUYER_WALLET, accountId);
    }

    public static AccountRef merchantPending(long merchantId) {
        return new AccountRef(AccountKind.MERCHANT_PENDING, merchantId);
    }

    public static AccountRef merchantAvailable(long merchantId) {
        return new AccountRef(AccountKind.MERCHANT_AVAILABLE, merchantId);
    }

    public static AccountRef creator(long creatorId) {
        return new AccountRef(AccountKind.CREATOR, creatorId);
    }

    public static AccountRef teamLeader(long teamLeaderId) {
        return new AccountRef(AccountKind.TEAM_LEADER, teamLeaderId);
    }

    public static AccountRef escrow() {
        return new AccountRef(AccountKind.ESCROW, 0);
    }

    public static AccountRef platformRevenue() {
        return new AccountRef(AccountKind.PLATFORM_REVENUE, 0);
    }

    public static AccountRef platformSubsidy() {
        return new AccountRef(AccountKind.PLATFORM_SUBSIDY, 0);
    }

    public static AccountRef external() {
        return new AccountRef(AccountKind.EXTERNAL, 0);
    }

    /** "BUYER_WALLET:123", or "ESCROW" for a platform account: how statements are asked for. */
    @Override
    public String toString() {
        return kind.platform() ? kind.name() : kind.name() + ":" + ownerId;
    }
}
