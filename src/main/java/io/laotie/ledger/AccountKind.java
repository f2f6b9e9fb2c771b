package io.laotie.ledger;

/**
 * What an account holds. Accounts of a person (wallet, merchant, creator, team leader) belong to an identity
 * account and may never go negative; platform accounts exist once each.
 */
public enum AccountKind {
    /** A buyer's wallet: topped up, pays for orders, receives refunds. */
    BUYER_WALLET(false),
    /** Money of paid orders that are not settled yet: the buyer's money, held by the platform. */
    ESCROW(true),
    /** A merchant's share of settled orders, waiting for the payout hold. */
    MERCHANT_PENDING(false),
    /** A merchant's money that may be withdrawn. */
    MERCHANT_AVAILABLE(false),
    /** The platform's service fees. */
    PLATFORM_REVENUE(true),
    /** What the platform pays out of its own pocket, such as trust guarantees; it goes negative as it spends. */
    PLATFORM_SUBSIDY(true),
    /** A creator's commissions. */
    CREATOR(false),
    /** A team leader's service fees. */
    TEAM_LEADER(false),
    /** The outside world: the payment gateway's side of top-ups and payouts. Negative by what came in. */
    EXTERNAL(true);

    private final boolean platform;

    AccountKind(boolean platform) {
        this.platform = platform;
    }

    /** One account of the platform (owner 0), with no balance row: its balance is the sum of its entries. */
    public boolean platform() {
        return platform;
    }

    /** Keeps a balance that a guarded update holds at zero or above. */
    public boolean guarded() {
        return !platform;
    }

    /** Money in it may be paid out to an outside account. */
    public boolean withdrawable() {
        return this == MERCHANT_AVAILABLE || this == CREATOR || this == TEAM_LEADER;
    }

    /** The platform account whose entries may not sum below zero, besides every guarded one. */
    public boolean neverNegative() {
        return guarded() || this == ESCROW || this == PLATFORM_REVENUE;
    }
}
