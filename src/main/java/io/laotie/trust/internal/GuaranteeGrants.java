package io.laotie.trust.internal;

import io.laotie.platform.Ids;
import io.laotie.trust.ExperienceChanged;
import io.laotie.trust.ScoreLabel;
import io.laotie.trust.TrustGuaranteeGranted;
import io.laotie.trust.TrustGuaranteeRevoked;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Grants a shop the trust guarantees when its experience score reaches the threshold (and is no longer NEW), revokes
 * them when it falls below, and records and announces each change. A score older than the last one heard for the
 * shop changes nothing, so late or reordered events cannot undo a newer decision; the shop's row is locked while
 * deciding, so two scores heard at once are decided one after the other.
 */
@Component
class GuaranteeGrants {

    private final JdbcClient jdbc;
    private final Ids ids;
    private final GuaranteeRules rules;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;

    GuaranteeGrants(JdbcClient jdbc, Ids ids, GuaranteeRules rules, ApplicationEventPublisher events,
                    PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.rules = rules;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @TrustListener
    void on(ExperienceChanged changed) {
        OffsetDateTime at = OffsetDateTime.ofInstant(changed.at(), ZoneOffset.UTC);
        boolean deserves = deserves(changed);
        try {
            // A first score for the shop: its row, not yet holding (a second listener racing here finds it below).
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                            insert into guarantee_shops (shop_id, held, granted_at, revoked_at, score, label, scored_at)
                            values (?, false, null, null, ?, ?, ?)""")
                    .params(changed.shopId(), changed.score(), changed.label().name(), at).update());
        } catch (DuplicateKeyException known) {
            // heard of before
        }
        record Row(boolean held, Instant scoredAt) {
        }
        Row row = jdbc.sql("select held, scored_at from guarantee_shops where shop_id = ? for update").param(changed.shopId())
                .query((rs, n) -> new Row(rs.getBoolean("held"), rs.getObject("scored_at", OffsetDateTime.class).toInstant()))
                .single();
        if (row.scoredAt().isAfter(changed.at())) {
            return; // newer news was heard first
        }
        jdbc.sql("update guarantee_shops set score = ?, label = ?, scored_at = ? where shop_id = ?")
                .params(changed.score(), changed.label().name(), at, changed.shopId()).update();
        if (deserves && !row.held()) {
            jdbc.sql("update guarantee_shops set held = true, granted_at = ?, revoked_at = null where shop_id = ?")
                    .params(at, changed.shopId()).update();
            record(changed, "GRANTED", at);
            events.publishEvent(new TrustGuaranteeGranted(changed.shopId(), changed.at()));
        } else if (!deserves && row.held()) {
            jdbc.sql("update guarantee_shops set held = false, revoked_at = ? where shop_id = ?").params(at, changed.shopId()).update();
            record(changed, "REVOKED", at);
            events.publishEvent(new TrustGuaranteeRevoked(changed.shopId(), changed.at()));
        }
    }

    /** At or above the threshold, with enough data to say so. */
    boolean deserves(ExperienceChanged changed) {
        return changed.label() != ScoreLabel.NEW && changed.score().compareTo(rules.threshold()) >= 0;
    }

    private void record(ExperienceChanged changed, String kind, OffsetDateTime at) {
        jdbc.sql("insert into guarantee_history (id, shop_id, kind, score, label, at) values (?, ?, ?, ?, ?, ?)")
                .params(ids.next(), changed.shopId(), kind, changed.score(), changed.label().name(), at).update();
    }
}
