package io.laotie.trust.internal;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Links;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Integrity}'s answers for the score intake, with accounts kept in memory: an account's age and origin never
 * change, so they are kept (up to a bound). The accounts linked to a buyer can change with any login or new address;
 * {@link Integrity#linked} reads them once per transaction. A signal is weighed once, on arrival, and stored with its
 * weight, so the incremental and the full computation agree whatever the links were. Thread-safe.
 */
@Component
public class SignalWeights {

    private static final int MAX_ENTRIES = 200_000;

    private final Integrity integrity;
    private final Accounts accounts;
    private final Links links;
    private final Map<Long, Account> accountCache = new ConcurrentHashMap<>();

    SignalWeights(Integrity integrity, Accounts accounts, Links links) {
        this.integrity = integrity;
        this.accounts = accounts;
        this.links = links;
    }

    /** What the actor's signal about a sale or creator of {@code parties} weighs, in thousandths: 0 when it does not count. */
    public int weightMilli(long actorId, Collection<Long> parties, Instant at) {
        if (!integrity.counts(actorId, linked(actorId), parties)) {
            return 0;
        }
        return (int) Math.round(integrity.weight(account(actorId), at) * 1000);
    }

    public boolean veryNew(long actorId, Instant at) {
        return integrity.veryNew(account(actorId), at);
    }

    /** The accounts linked to {@code actorId} by device, phone or address, as this transaction first read them. */
    public Set<Long> linked(long actorId) {
        return integrity.linked(actorId);
    }

    /** Whether two accounts logged in from the same IP address and user agent (a sign, never a link). */
    public boolean shareNetwork(long a, long b) {
        return links.shareNetwork(a, b);
    }

    private Account account(long actorId) {
        Account cached = accountCache.get(actorId);
        if (cached != null) {
            return cached;
        }
        if (accountCache.size() > MAX_ENTRIES) {
            accountCache.clear();
        }
        Account account = accounts.get(actorId);
        accountCache.put(actorId, account);
        return account;
    }
}
