package io.laotie.trust.internal;

import io.laotie.order.ArbitrationRuled;
import io.laotie.order.OrderCancelled;
import io.laotie.order.OrderCompleted;
import io.laotie.order.OrderDelivered;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderShipped;
import io.laotie.order.RefundDecided;
import io.laotie.order.RefundPaid;
import io.laotie.order.RefundRequested;
import io.laotie.platform.Ids;
import io.laotie.social.CreatorFollowed;
import io.laotie.social.CreatorUnfollowed;
import io.laotie.social.FanClubJoined;
import io.laotie.social.RoomCommented;
import io.laotie.social.RoomLeft;
import io.laotie.social.RoomLiked;
import io.laotie.trust.ComplaintRuled;
import io.laotie.trust.ReviewPosted;
import io.laotie.trust.ReviewRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The trust chain's inbox (docs/trust-inbox.md). Every event the chain hears is written to {@code trust_inbox} in the
 * publisher's own transaction: it is kept exactly when what it tells of is kept, and it costs the publisher one row in
 * a batch insert, not one event publication per listener. {@link InboxDrain} takes the rows out in batches, in the order
 * they were written, and hands them to the journeys, the scores and the repurchase inputs in one transaction per batch.
 */
@Component
class TrustInbox {

    /** What the trust chain hears, by the name stored with each row. */
    static final Map<String, Class<?>> KINDS = Stream.of(
                    CreatorFollowed.class, CreatorUnfollowed.class, RoomCommented.class, RoomLiked.class, RoomLeft.class,
                    FanClubJoined.class,
                    OrderPaid.class, OrderShipped.class, OrderDelivered.class, OrderCompleted.class, OrderCancelled.class,
                    RefundRequested.class, RefundDecided.class, RefundPaid.class, ArbitrationRuled.class,
                    ReviewPosted.class, ReviewRemoved.class, ComplaintRuled.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JdbcTemplate template;
    private final Ids ids;
    private final Clock clock;
    private final JsonMapper json;
    private final InboxDrain drain;

    TrustInbox(JdbcTemplate template, Ids ids, Clock clock, JsonMapper json, InboxDrain drain) {
        this.template = template;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.drain = drain;
    }

    // One listener per kind, so that Spring Modulith's documentation (docs/modules) lists what the chain hears.

    @EventListener
    void on(CreatorFollowed event) {
        keep(event);
    }

    @EventListener
    void on(CreatorUnfollowed event) {
        keep(event);
    }

    @EventListener
    void on(RoomCommented event) {
        keep(event);
    }

    @EventListener
    void on(RoomLiked event) {
        keep(event);
    }

    @EventListener
    void on(RoomLeft event) {
        keep(event);
    }

    @EventListener
    void on(FanClubJoined event) {
        keep(event);
    }

    @EventListener
    void on(OrderPaid event) {
        keep(event);
    }

    @EventListener
    void on(OrderShipped event) {
        keep(event);
    }

    @EventListener
    void on(OrderDelivered event) {
        keep(event);
    }

    @EventListener
    void on(OrderCompleted event) {
        keep(event);
    }

    @EventListener
    void on(OrderCancelled event) {
        keep(event);
    }

    @EventListener
    void on(RefundRequested event) {
        keep(event);
    }

    @EventListener
    void on(RefundDecided event) {
        keep(event);
    }

    @EventListener
    void on(RefundPaid event) {
        keep(event);
    }

    @EventListener
    void on(ArbitrationRuled event) {
        keep(event);
    }

    @EventListener
    void on(ReviewPosted event) {
        keep(event);
    }

    @EventListener
    void on(ReviewRemoved event) {
        keep(event);
    }

    @EventListener
    void on(ComplaintRuled event) {
        keep(event);
    }

    private void keep(Object event) {
        Object[] row = {ids.next(), event.getClass().getSimpleName(), json.writeValueAsString(event), Timestamp.from(clock.instant())};
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            write(Collections.singletonList(row)); // published outside a transaction: kept at once
            drain.wake();
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.written) {
            write(Collections.singletonList(row)); // published while the transaction commits, after the others were written
        } else {
            pending.rows.add(row);
        }
    }

    /** The events of one transaction, written together just before it commits. */
    private final class Pending implements TransactionSynchronization {

        final List<Object[]> rows = new ArrayList<>();
        boolean written;

        @Override
        public void beforeCommit(boolean readOnly) {
            write(rows);
            written = true;
        }

        @Override
        public void afterCommit() {
            drain.wake();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TrustInbox.this);
        }
    }

    private void write(List<Object[]> rows) {
        template.batchUpdate("insert into trust_inbox (id, kind, payload, received_at) values (?, ?, ?, ?)", rows);
    }
}
