package io.laotie.trust.internal;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Links;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says whether a signal counts and how much it weighs. A signal by a party to the sale (the
 * creator, the merchant) or by an account linked to one (shared device, phone or address, see {@link Links}) does
 * not count at all; a very new account's signal weighs {@link IntegrityRules#newAccountWeight()} in scores. Both are
 * decided once, when the signal arrives, and stored with it, so a recomputation over the history gives the same
 * answer as the incremental path.
 */
@Component
public class Integrity {

    private final Accounts accounts;
    private final Links links;
    private final IntegrityRules rules;

    Integrity(Accounts accounts, Links links, IntegrityRules rules) {
        this.accounts = accounts;
        this.links = links;
        this.rules = rules;
    }

    /** Whether a signal of {@code actorId} about a sale or creator of {@code parties} counts. */
    public boolean counts(long actorId, Collection<Long> parties) {
        return !parties.contains(actorId) && counts(actorId, linked(actorId), parties);
    }

    /**
     * The accounts linked to the actor by device, phone or address ({@link Links#linkedTo}), read once per transaction:
     * the trust inbox absorbs a batch of events in one transaction, and the journeys, the scores and the repurchase
     * inputs ask about the same buyers over and over in it. A link made later is seen by the next transaction.
     */
    public Set<Long> linked(long actorId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return links.linkedTo(actorId);
        }
        @SuppressWarnings("unchecked")
        Map<Long, Set<Long>> read = (Map<Long, Set<Long>>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            Map<Long, Set<Long>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Integrity.this);
                }
            });
            read = fresh;
        }
        return read.computeIfAbsent(actorId, links::linkedTo);
    }

    /**
     * As {@link #counts(long, Collection)}, given the accounts linked to the actor as {@link Links#linkedTo} answered
     * them (read once and kept briefly by a caller that weighs many signals).
     */
    public boolean counts(long actorId, Set<Long> linkedToActor, Collection<Long> parties) {
        return !parties.contains(actorId) && parties.stream().noneMatch(linkedToActor::contains);
    }

    /** Whether the account was very new at {@code at}; imported buyers never are. */
    public boolean veryNew(long actorId, Instant at) {
        return veryNew(accounts.get(actorId), at);
    }

    /** As {@link #veryNew(long, Instant)}, for an account already read (its age and origin never change). */
    public boolean veryNew(Account account, Instant at) {
        return !account.imported() && account.createdAt().plus(rules.newAccountAge()).isAfter(at);
    }

    /** As {@link #weight(long, Instant)}, for an account already read. */
    public double weight(Account account, Instant at) {
        return veryNew(account, at) ? rules.newAccountWeight() : 1.0;
    }

    /** What the actor's signal at {@code at} weighs in scores: 1, or less for a very new account. */
    public double weight(long actorId, Instant at) {
        return veryNew(actorId, at) ? rules.newAccountWeight() : 1.0;
    }
}
