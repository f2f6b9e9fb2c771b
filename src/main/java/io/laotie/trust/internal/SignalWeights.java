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
 * {@link Integrity}'s answers for the score intake, with what it reads kept in memory: an account's age and origin
 * never change, so they are kept (up to a bound); the accounts linked to a buyer can change with any login or new
 * address, so they are kept only {@link ScoreRules#linkCacheTtl()} (a few seconds) — a signal is weighed once, on
 * arrival, and stored with its weight, so a briefly stale link changes only how one signal was weighed, never whether
 * the incremental and the full computation agree. Thread-safe.
 */
@Component
public class SignalWeights {

    private static final int MAX_ENTRIES = 200_000;

    private record Linked(Set<Long> accounts, long until) {
    }

    private final Integrity integrity;
    private final Accounts accounts;
    private final Links links;
    private final long linkTtlNanos;
    private final Map<Long, Account> accountCache = new ConcurrentHashMap<>();
    private final Map<Long, Linked> linkCache = new ConcurrentHashMap<>();

    SignalWeights(Integrity integrity, Accounts accounts, Links links, ScoreRules rules) {
        this.integrity = integrity;
        this.accounts = accounts;
        this.links = links;
        this.linkTtlNanos = rules.linkCacheTtl().toNanos();
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

    /** The accounts linked to {@code actorId} by device, phone or address (as of at most a few seconds ago). */
    public Set<Long> linked(long actorId) {
        long now = System.nanoTime();
        Linked cached = linkCache.get(actorId);
        if (cached != null && cached.until - now > 0) {
            return cached.accounts;
        }
        if (linkCache.size() > MAX_ENTRIES) {
            linkCache.clear();
        }
        Set<Long> fresh = Set.copyOf(links.linkedTo(actorId));
        linkCache.put(actorId, new Linked(fresh, now + linkTtlNanos));
        return fresh;
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
