package io.laotie.trust.internal;

import io.laotie.catalog.Shops;
import io.laotie.order.ArbitrationRuled;
import io.laotie.order.Attribution;
import io.laotie.order.OrderCancelled;
import io.laotie.order.OrderDelivered;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderPlaced;
import io.laotie.order.OrderShipped;
import io.laotie.order.RefundDecided;
import io.laotie.order.RefundPaid;
import io.laotie.order.RefundRequested;
import io.laotie.order.Actor;
import io.laotie.order.CancelReason;
import io.laotie.order.Ruling;
import io.laotie.platform.Ids;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.NotFound;
import io.laotie.trust.ComplaintRuled;
import io.laotie.trust.ExperienceChanged;
import io.laotie.trust.ReputationChanged;
import io.laotie.trust.ReviewPosted;
import io.laotie.trust.ReviewRemoved;
import io.laotie.trust.ScoreLabel;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The incremental path: turns order and trust events into score facts, stores them, adds each one's contributions to
 * its subjects' day buckets, and publishes {@link ReputationChanged} / {@link ExperienceChanged} when a score or label
 * moves — all in the caller's transaction. A batch of events is absorbed at once (one lock per shop and creator, one
 * insert batch, one update per bucket touched).
 * <p>
 * Two absorbs never interleave on one target: each locks the score rows of the shops and creators its events are
 * about, in one global order, before it reads or writes anything of theirs (orders of a shop, flags, buckets). The
 * full recomputation ({@link FullRecomputation}) shares only the pure {@link Contribution#of} and {@link Scoring}.
 */
@Component
public class ScoreIntake implements InboxConsumer {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Ids ids;
    private final Clock clock;
    private final ScoreRules rules;
    private final Scoring scoring;
    private final ScoreBook book;
    private final SignalWeights weights;
    private final Brushing brushing;
    private final Shops shops;
    private final ApplicationEventPublisher events;

    public ScoreIntake(JdbcClient jdbc, JdbcTemplate template, Ids ids, Clock clock, ScoreRules rules, ScoreBook book,
                       SignalWeights weights, Brushing brushing, Shops shops, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.ids = ids;
        this.clock = clock;
        this.rules = rules;
        this.scoring = new Scoring(rules);
        this.book = book;
        this.weights = weights;
        this.brushing = brushing;
        this.shops = shops;
        this.events = events;
    }

    /** Absorbs events of the order module and the trust module's own review and complaint events, in order. */
    @Override
    @Transactional
    public void absorb(List<?> batch) {
        new Batch().absorb(batch);
    }

    /**
     * Re-scores the given shops, creators and products as of now, with no new fact: what a quiet subject needs as its
     * old facts leave the window. Publishes what changed, like any absorb.
     */
    @Transactional
    public void refresh(Collection<Subject> subjects) {
        new Batch().refresh(subjects);
    }

    /** Subjects last scored before {@code before}, the longest unscored first; at most {@code limit}. */
    public List<Subject> scoredBefore(Instant before, int limit) {
        return jdbc.sql("select subject_kind, subject_id from score_subjects where checked_at < ? order by checked_at limit ?")
                .params(Brushing.utc(before), limit)
                .query((rs, n) -> new Subject(SubjectKind.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
    }

    /** An operator clears a false flag: its buyers' signals toward the target count again, from now on and before. */
    @Transactional
    public void clear(long flagId, long operatorId) {
        Brushing.FlagRow flag = brushing.find(flagId).orElseThrow(() -> new NotFound("Flag", flagId));
        new Batch().clear(flag, operatorId);
    }

    private static final class OrderState {
        final long orderId;
        long buyerId;
        long shopId;
        @Nullable Long creatorId;
        List<Long> products = List.of();
        @Nullable Integer weightMilli;
        @Nullable Instant paidAt;
        @Nullable Instant shippedAt;
        boolean qualityRefunded;
        boolean stored;
        boolean dirty;

        OrderState(long orderId) {
            this.orderId = orderId;
        }
    }

    private record BucketKey(Subject subject, Metric metric, LocalDate day) {
    }

    /** One absorb: what it has read and what it will write. */
    private final class Batch {

        private final Map<Long, OrderState> orders = new HashMap<>();
        private final Map<Long, Instant> refundRequests = new HashMap<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<Subject, Set<Long>> suppressed = new HashMap<>();
        private final Map<Subject, Set<Long>> exempt = new HashMap<>();
        private final Map<Long, Fact> removedReviews = new HashMap<>();
        private final Map<String, LocalDate> firstPaidDay = new HashMap<>();
        private final Set<String> storedFirstDays = new HashSet<>();
        private final Set<String> changedFirstDays = new HashSet<>();
        private final List<Fact> pending = new ArrayList<>();
        private final Map<BucketKey, long[]> deltas = new HashMap<>();
        private final Set<Subject> touched = new HashSet<>();
        private final Set<Subject> locked = new HashSet<>();

        void absorb(List<?> batch) {
            for (Object event : batch) {
                if (event instanceof ReviewRemoved removed) {
                    reviewFact(removed.reviewId()).ifPresent(f -> removedReviews.put(removed.reviewId(), f));
                }
            }
            TreeSet<Subject> targets = new TreeSet<>();
            Set<Long> orderIds = new HashSet<>();
            Set<Long> refIds = new HashSet<>();
            Set<Long> refundIds = new HashSet<>();
            for (Object event : batch) {
                Attribution a = attribution(event);
                if (a != null) {
                    targets.add(Subject.shop(a.shopId()));
                    if (a.creatorId() != null) {
                        targets.add(Subject.creator(a.creatorId()));
                    }
                    long orderId = orderIdOf(event);
                    orderIds.add(orderId);
                    refIds.add(orderId);
                }
                switch (event) {
                    case RefundDecided d -> { refundIds.add(d.refundId()); refIds.add(d.refundId()); }
                    case ArbitrationRuled r -> refIds.add(r.refundId());
                    case ReviewPosted r -> {
                        targets.add(Subject.shop(r.shopId()));
                        if (r.creatorId() != null) {
                            targets.add(Subject.creator(r.creatorId()));
                        }
                        refIds.add(r.reviewId());
                        orderIds.add(r.orderId());
                    }
                    case ReviewRemoved r -> {
                        Fact f = removedReviews.get(r.reviewId());
                        if (f != null) {
                            if (f.shopId() != null) {
                                targets.add(Subject.shop(f.shopId()));
                            }
                            if (f.creatorId() != null) {
                                targets.add(Subject.creator(f.creatorId()));
                            }
                        }
                        refIds.add(r.reviewId());
                    }
                    case ComplaintRuled c when c.upheld() -> {
                        if (c.creatorId() != null) {
                            targets.add(Subject.creator(c.creatorId()));
                        }
                        if (c.shopId() != null) {
                            targets.add(Subject.shop(c.shopId()));
                        }
                        refIds.add(c.complaintId());
                    }
                    default -> { }
                }
            }
            lock(targets);
            loadOrders(orderIds);
            loadRefunds(refundIds);
            loadSeen(refIds);
            loadFirstPaidDays(batch);
            for (Object event : batch) {
                translate(event);
            }
            finish();
        }

        void refresh(Collection<Subject> subjects) {
            lock(subjects.stream().filter(s -> s.kind() != SubjectKind.PRODUCT).collect(Collectors.toCollection(TreeSet::new)));
            touched.addAll(subjects);
            finish();
        }

        void clear(Brushing.FlagRow flag, long operatorId) {
            lock(new TreeSet<>(Set.of(flag.target())));
            Brushing.FlagRow now = brushing.find(flag.id()).orElseThrow();
            if (!"OPEN".equals(now.status())) {
                throw new IllegalTransition("Flag " + flag.id() + " is not open");
            }
            Set<Long> buyers = brushing.markCleared(flag.id(), operatorId, clock.instant());
            suppressed.get(flag.target()).removeAll(buyers);
            apply(flag.target(), buyers, +1);
            finish();
        }

        // ---- reading what the batch needs, in as few statements as possible

        private void lock(TreeSet<Subject> targets) {
            OffsetDateTime now = Brushing.utc(clock.instant());
            for (Subject target : targets) {
                jdbc.sql("insert into score_subjects (subject_kind, subject_id, label, updated_at, checked_at) values (?, ?, 'NEW', ?, ?) on conflict do nothing")
                        .params(target.kind().name(), target.id(), now, now).update();
                jdbc.sql("select label from score_subjects where subject_kind = ? and subject_id = ? for update")
                        .params(target.kind().name(), target.id()).query(String.class).single();
                locked.add(target);
                suppressed.put(target, brushing.openBuyers(target));
                exempt.put(target, brushing.exemptBuyers(target));
            }
        }

        private void loadOrders(Set<Long> orderIds) {
            if (orderIds.isEmpty()) {
                return;
            }
            jdbc.sql("select * from score_orders where order_id in (:ids)").param("ids", orderIds).query(rs -> {
                OrderState o = new OrderState(rs.getLong("order_id"));
                o.buyerId = rs.getLong("buyer_id");
                o.shopId = rs.getLong("shop_id");
                o.creatorId = (Long) rs.getObject("creator_id", Long.class);
                o.products = products(rs.getString("product_ids"));
                o.weightMilli = (Integer) rs.getObject("weight_milli", Integer.class);
                o.paidAt = instant(rs, "paid_at");
                o.shippedAt = instant(rs, "shipped_at");
                o.qualityRefunded = rs.getBoolean("quality_refunded");
                o.stored = true;
                orders.put(o.orderId, o);
            });
        }

        private void loadRefunds(Set<Long> refundIds) {
            if (!refundIds.isEmpty()) {
                jdbc.sql("select refund_id, requested_at from score_refunds where refund_id in (:ids)").param("ids", refundIds)
                        .query(rs -> {
                            refundRequests.put(rs.getLong(1), instant(rs, "requested_at"));
                        });
            }
        }

        private void loadSeen(Set<Long> refIds) {
            if (!refIds.isEmpty()) {
                jdbc.sql("select kind, ref_id from score_facts where ref_id in (:ids)").param("ids", refIds)
                        .query(rs -> {
                            seen.add(rs.getString(1) + ":" + rs.getLong(2));
                        });
            }
        }

        /** The first day each buyer of the batch paid for each creator's goods, for repurchases. */
        private void loadFirstPaidDays(List<?> batch) {
            Set<Long> creators = new HashSet<>();
            Set<Long> buyers = new HashSet<>();
            for (Object event : batch) {
                if (event instanceof OrderPaid p && p.attribution().creatorId() != null) {
                    creators.add(p.attribution().creatorId());
                    buyers.add(p.attribution().buyerId());
                }
            }
            if (!creators.isEmpty()) {
                jdbc.sql("select buyer_id, creator_id, first_day from score_first_purchases where buyer_id in (:buyers) and creator_id in (:creators)")
                        .param("creators", creators).param("buyers", buyers)
                        .query(rs -> {
                            String key = rs.getLong(2) + ":" + rs.getLong(1);
                            firstPaidDay.put(key, rs.getObject(3, LocalDate.class));
                            storedFirstDays.add(key);
                        });
            }
        }

        private Optional<Fact> reviewFact(long reviewId) {
            return jdbc.sql("select * from score_facts where kind = 'REVIEW' and ref_id = ?").param(reviewId)
                    .query(ScoreIntake::fact).optional();
        }

        // ---- events to facts

        private void translate(Object event) {
            switch (event) {
                case OrderPaid p -> paid(p);
                case OrderShipped s -> shipped(s);
                case OrderDelivered d -> delivered(d);
                case OrderCancelled c -> cancelled(c);
                case RefundRequested r -> {
                    if (refundRequests.putIfAbsent(r.refundId(), r.at()) == null) {
                        jdbc.sql("insert into score_refunds (refund_id, requested_at) values (?, ?) on conflict do nothing")
                                .params(r.refundId(), Brushing.utc(r.at())).update();
                    }
                }
                case RefundDecided d -> decided(d);
                case RefundPaid p -> refundPaid(p);
                case ArbitrationRuled r -> ruled(r);
                case ReviewPosted r -> reviewed(r);
                case ReviewRemoved r -> {
                    Fact review = removedReviews.get(r.reviewId());
                    if (review != null) {
                        take(new Fact(ids.next(), FactKind.REVIEW_REMOVED, r.reviewId(), review.actorId(), review.orderId(),
                                review.creatorId(), review.shopId(), review.productIds(), review.weightMilli(),
                                review.value(), false, null, r.at(), book.dayOf(r.at())));
                    }
                }
                case ComplaintRuled c when c.upheld() -> complaint(c);
                default -> { }
            }
        }

        private OrderState order(long orderId, Attribution a) {
            OrderState o = orders.computeIfAbsent(orderId, OrderState::new);
            if (!o.stored && !o.dirty) {
                o.buyerId = a.buyerId();
                o.shopId = a.shopId();
                o.creatorId = a.creatorId();
                o.dirty = true;
            }
            return o;
        }

        private int orderWeight(OrderState o, Attribution a, Instant at) {
            if (o.weightMilli == null) {
                o.weightMilli = weights.weightMilli(a.buyerId(), parties(a), at);
                o.dirty = true;
            }
            return o.weightMilli;
        }

        private void paid(OrderPaid p) {
            Attribution a = p.attribution();
            OrderState o = order(p.orderId(), a);
            o.products = p.lines().stream().map(OrderPlaced.Line::productId).distinct().sorted().toList();
            o.paidAt = p.at();
            o.dirty = true;
            int weight = orderWeight(o, a, p.at());
            LocalDate day = book.dayOf(p.at());
            boolean repeat = false;
            if (a.creatorId() != null) {
                String key = a.creatorId() + ":" + a.buyerId();
                LocalDate first = firstPaidDay.get(key);
                repeat = first != null && first.isBefore(day);
                if (first == null || day.isBefore(first)) {
                    firstPaidDay.put(key, day);
                    changedFirstDays.add(key);
                }
            }
            boolean suspect = weight == 0 || weights.veryNew(a.buyerId(), p.at()) || linkedToRecentBuyer(a, p.at());
            take(new Fact(ids.next(), FactKind.ORDER_PAID, p.orderId(), a.buyerId(), p.orderId(), a.creatorId(), a.shopId(),
                    o.products, weight, repeat ? 1 : 0, suspect, null, p.at(), day));
            if (o.shippedAt != null) {
                shipmentFact(o, a, o.shippedAt);
            }
        }

        /** Whether the buyer is linked to another account that bought from the same shop or creator in the window. */
        private boolean linkedToRecentBuyer(Attribution a, Instant at) {
            Set<Long> linked = weights.linked(a.buyerId());
            if (linked.isEmpty()) {
                return false;
            }
            flushFacts();
            return jdbc.sql("""
                            select count(*) from score_facts where kind = 'ORDER_PAID' and actor_id in (:linked)
                               and (shop_id = :shop or creator_id = :creator) and at > :from and at <= :to""")
                    .param("linked", linked).param("shop", a.shopId())
                    .param("creator", a.creatorId() == null ? -1L : a.creatorId())
                    .param("from", Brushing.utc(at.minus(rules.brushing().window()))).param("to", Brushing.utc(at))
                    .query(Long.class).single() > 0;
        }

        private void shipped(OrderShipped s) {
            OrderState o = order(s.orderId(), s.attribution());
            if (o.shippedAt == null) {
                o.shippedAt = s.at();
                o.dirty = true;
            }
            if (o.paidAt != null) {
                shipmentFact(o, s.attribution(), o.shippedAt);
            }
        }

        private void shipmentFact(OrderState o, Attribution a, Instant shippedAt) {
            boolean onTime = !Duration.between(o.paidAt, shippedAt).minus(rules.rates().shipWithin()).isPositive();
            take(new Fact(ids.next(), FactKind.SHIPPED, o.orderId, a.buyerId(), o.orderId, a.creatorId(), a.shopId(),
                    List.of(), orderWeight(o, a, shippedAt), onTime ? 1 : 0, false, null, shippedAt, book.dayOf(shippedAt)));
        }

        private void delivered(OrderDelivered d) {
            OrderState o = order(d.orderId(), d.attribution());
            if (d.automatic() || o.paidAt == null) {
                return; // an automatic receipt says when a deadline passed, not when the goods arrived
            }
            Attribution a = d.attribution();
            boolean instant = o.shippedAt != null
                    && !Duration.between(o.shippedAt, d.at()).minus(rules.brushing().instantReceiptWithin()).isPositive();
            take(new Fact(ids.next(), FactKind.DELIVERED, d.orderId(), a.buyerId(), d.orderId(), a.creatorId(), a.shopId(),
                    List.of(), orderWeight(o, a, d.at()), Math.max(0, Duration.between(o.paidAt, d.at()).toMinutes()),
                    instant, null, d.at(), book.dayOf(d.at())));
        }

        private void cancelled(OrderCancelled c) {
            boolean sellerFault = c.by() == Actor.MERCHANT || c.reason() == CancelReason.OUT_OF_STOCK;
            if (!sellerFault || c.refunded() == 0) {
                return; // an unpaid order the seller could not fill disappointed nobody who paid
            }
            Attribution a = c.attribution();
            OrderState o = order(c.orderId(), a);
            take(new Fact(ids.next(), FactKind.SELLER_CANCEL, c.orderId(), a.buyerId(), c.orderId(), a.creatorId(),
                    a.shopId(), List.of(), orderWeight(o, a, c.at()), 1, false, null, c.at(), book.dayOf(c.at())));
        }

        private void decided(RefundDecided d) {
            if (d.atOnce() || d.by() == Actor.OPERATOR) {
                return; // nobody answered, or not the merchant: it says nothing of the merchant's service
            }
            Instant requested = refundRequests.get(d.refundId());
            if (requested == null) {
                return;
            }
            Attribution a = d.attribution();
            OrderState o = order(d.orderId(), a);
            take(new Fact(ids.next(), FactKind.RESPONSE, d.refundId(), a.buyerId(), d.orderId(), a.creatorId(), a.shopId(),
                    List.of(), orderWeight(o, a, d.at()), Math.max(0, Duration.between(requested, d.at()).toMinutes()),
                    false, null, d.at(), book.dayOf(d.at())));
        }

        private void refundPaid(RefundPaid p) {
            Attribution a = p.attribution();
            OrderState o = order(p.orderId(), a);
            if (!p.reason().qualityRelated() || o.qualityRefunded) {
                return;
            }
            o.qualityRefunded = true;
            o.dirty = true;
            take(new Fact(ids.next(), FactKind.QUALITY_REFUND, p.orderId(), a.buyerId(), p.orderId(), a.creatorId(),
                    a.shopId(), o.products, orderWeight(o, a, p.at()), 1, false, null, p.at(), book.dayOf(p.at())));
        }

        private void ruled(ArbitrationRuled r) {
            Attribution a = r.attribution();
            OrderState o = order(r.orderId(), a);
            boolean lost = r.outcome() != Ruling.Outcome.MERCHANT && (r.fault() == Ruling.Fault.MERCHANT || r.counterfeit());
            if (lost) {
                take(new Fact(ids.next(), FactKind.ARBITRATION_LOST, r.refundId(), a.buyerId(), r.orderId(), a.creatorId(),
                        a.shopId(), List.of(), orderWeight(o, a, r.at()), 1, false, null, r.at(), book.dayOf(r.at())));
            }
            if (r.counterfeit()) {
                take(new Fact(ids.next(), FactKind.COUNTERFEIT_RULING, r.refundId(), a.buyerId(), r.orderId(), a.creatorId(),
                        a.shopId(), o.products, orderWeight(o, a, r.at()), 1, false, null, r.at(), book.dayOf(r.at())));
            }
        }

        private void reviewed(ReviewPosted r) {
            List<Long> parties = r.creatorId() == null ? List.of(r.merchantId()) : List.of(r.merchantId(), r.creatorId());
            int weight = weights.weightMilli(r.buyerId(), parties, r.at());
            take(new Fact(ids.next(), FactKind.REVIEW, r.reviewId(), r.buyerId(), r.orderId(), r.creatorId(), r.shopId(),
                    List.of(r.productId()), weight, Math.max(1, Math.min(5, r.rating())), false,
                    Brushing.normalise(r.text()), r.at(), book.dayOf(r.at())));
        }

        private void complaint(ComplaintRuled c) {
            List<Long> parties = new ArrayList<>();
            if (c.creatorId() != null) {
                parties.add(c.creatorId());
            }
            if (c.shopId() != null) {
                shops.find(c.shopId()).ifPresent(shop -> parties.add(shop.ownerId()));
            }
            int weight = weights.weightMilli(c.complainantId(), parties, c.at());
            take(new Fact(ids.next(), FactKind.COMPLAINT_UPHELD, c.complaintId(), c.complainantId(), null, c.creatorId(),
                    c.shopId(), List.of(), weight, 1, false, null, c.at(), book.dayOf(c.at())));
        }

        // ---- a fact into the log and the buckets

        private void take(Fact fact) {
            if (!seen.add(fact.kind() + ":" + fact.refId())) {
                return; // redelivered event
            }
            if (brushing.worthChecking(fact)) {
                for (Subject target : targetsOf(fact)) {
                    flushFacts();
                    brushing.find(fact, target).ifPresent(finding -> {
                        Set<Long> added = brushing.flag(target, finding, exempt.get(target), suppressed.get(target), fact.at());
                        if (!added.isEmpty()) {
                            suppressed.get(target).addAll(added);
                            apply(target, added, -1);
                        }
                    });
                }
            }
            pending.add(fact);
            add(fact, +1, null);
        }

        /** Adds (or takes away) a fact's contributions, skipping subjects its actor is flagged for; only {@code onlyTarget}'s when given. */
        private void add(Fact fact, int sign, @Nullable Subject onlyTarget) {
            for (Contribution c : Contribution.of(fact)) {
                Subject target = Fact.targetOf(c.subject(), fact.shopId());
                if (onlyTarget != null && !onlyTarget.equals(target)) {
                    continue;
                }
                Set<Long> flagged = target == null ? null : suppressed.get(target);
                if (onlyTarget == null && flagged != null && flagged.contains(fact.actorId())) {
                    continue;
                }
                long[] d = deltas.computeIfAbsent(new BucketKey(c.subject(), c.metric(), fact.day()), k -> new long[2]);
                d[0] += sign * c.n();
                d[1] += sign * c.s();
                touched.add(c.subject());
            }
        }

        /** Adds or takes away every stored fact of {@code buyers} toward {@code target}, for that target's subjects. */
        private void apply(Subject target, Set<Long> buyers, int sign) {
            flushFacts();
            jdbc.sql("select * from score_facts where actor_id in (:buyers) and " + Brushing.column(target) + " = :id")
                    .param("buyers", buyers).param("id", target.id())
                    .query(ScoreIntake::fact).list()
                    .forEach(f -> add(f, sign, target));
        }

        private List<Subject> targetsOf(Fact fact) {
            List<Subject> targets = new ArrayList<>(2);
            if (fact.shopId() != null && locked.contains(Subject.shop(fact.shopId()))) {
                targets.add(Subject.shop(fact.shopId()));
            }
            if (fact.creatorId() != null && locked.contains(Subject.creator(fact.creatorId()))) {
                targets.add(Subject.creator(fact.creatorId()));
            }
            return targets;
        }

        // ---- writing

        private void flushFacts() {
            if (pending.isEmpty()) {
                return;
            }
            OffsetDateTime recorded = Brushing.utc(clock.instant());
            template.batchUpdate("""
                            insert into score_facts (id, kind, ref_id, actor_id, order_id, creator_id, shop_id, product_ids,
                                weight_milli, fact_value, suspect, review_text, at, bucket_day, recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    pending.stream().map(f -> new Object[]{f.id(), f.kind().name(), f.refId(), f.actorId(), f.orderId(),
                            f.creatorId(), f.shopId(), f.productIds().isEmpty() ? null : f.productIds().stream()
                            .map(String::valueOf).collect(Collectors.joining(",")), f.weightMilli(), f.value(), f.suspect(),
                            f.reviewText(), Brushing.utc(f.at()), f.day(), recorded}).toList());
            pending.clear();
        }

        private void finish() {
            flushFacts();
            writeOrders();
            writeFirstDays();
            writeBuckets();
            rescore();
        }

        private void writeOrders() {
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (OrderState o : orders.values()) {
                if (!o.dirty) {
                    continue;
                }
                String products = o.products.isEmpty() ? null
                        : o.products.stream().map(String::valueOf).collect(Collectors.joining(","));
                OffsetDateTime paid = o.paidAt == null ? null : Brushing.utc(o.paidAt);
                OffsetDateTime shipped = o.shippedAt == null ? null : Brushing.utc(o.shippedAt);
                if (o.stored) {
                    updates.add(new Object[]{products, o.weightMilli, paid, shipped, o.qualityRefunded, o.orderId});
                } else {
                    inserts.add(new Object[]{o.orderId, o.buyerId, o.shopId, o.creatorId, products, o.weightMilli, paid,
                            shipped, o.qualityRefunded});
                }
            }
            if (!inserts.isEmpty()) {
                template.batchUpdate("""
                        insert into score_orders (order_id, buyer_id, shop_id, creator_id, product_ids, weight_milli,
                            paid_at, shipped_at, quality_refunded) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
            }
            if (!updates.isEmpty()) {
                template.batchUpdate("""
                        update score_orders set product_ids = ?, weight_milli = ?, paid_at = ?, shipped_at = ?,
                            quality_refunded = ? where order_id = ?""", updates);
            }
        }

        private void writeFirstDays() {
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (String key : changedFirstDays) {
                String[] parts = key.split(":");
                long creator = Long.parseLong(parts[0]);
                long buyer = Long.parseLong(parts[1]);
                if (storedFirstDays.contains(key)) {
                    updates.add(new Object[]{firstPaidDay.get(key), buyer, creator});
                } else {
                    inserts.add(new Object[]{buyer, creator, firstPaidDay.get(key)});
                }
            }
            if (!inserts.isEmpty()) {
                template.batchUpdate("insert into score_first_purchases (buyer_id, creator_id, first_day) values (?, ?, ?)", inserts);
            }
            if (!updates.isEmpty()) {
                template.batchUpdate("update score_first_purchases set first_day = ? where buyer_id = ? and creator_id = ?", updates);
            }
        }

        private void writeBuckets() {
            List<Map.Entry<BucketKey, long[]>> changes = deltas.entrySet().stream()
                    .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0).toList();
            if (changes.isEmpty()) {
                return;
            }
            int[] updated = template.batchUpdate("""
                            update score_buckets set n = n + ?, s = s + ?
                             where subject_kind = ? and subject_id = ? and metric = ? and bucket_day = ?""",
                    changes.stream().map(e -> new Object[]{e.getValue()[0], e.getValue()[1], e.getKey().subject().kind().name(),
                            e.getKey().subject().id(), e.getKey().metric().name(), e.getKey().day()}).toList());
            List<Object[]> inserts = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                if (updated[i] == 0) {
                    var e = changes.get(i);
                    inserts.add(new Object[]{e.getKey().subject().kind().name(), e.getKey().subject().id(),
                            e.getKey().metric().name(), e.getKey().day(), e.getValue()[0], e.getValue()[1]});
                }
            }
            if (!inserts.isEmpty()) {
                template.batchUpdate("insert into score_buckets (subject_kind, subject_id, metric, bucket_day, n, s) values (?, ?, ?, ?, ?, ?)",
                        inserts);
            }
        }

        /**
         * Recomputes every touched subject's score from its window and publishes what changed. Each change is dated
         * strictly after the subject's previous one (to the microsecond a timestamp keeps), even when the clock stands
         * still or two changes fall in one microsecond: listeners run concurrently and may hear two changes of one
         * subject in either order, and this date is how they tell the newer one.
         */
        private void rescore() {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Map<SubjectKind, List<Long>> byKind = touched.stream()
                    .collect(Collectors.groupingBy(Subject::kind, Collectors.mapping(Subject::id, Collectors.toList())));
            byKind.forEach((kind, subjectIds) -> {
                Map<Long, Tally> tallies = book.tallies(kind, subjectIds, clock);
                Map<Long, Object[]> current = new HashMap<>();
                jdbc.sql("select subject_id, score, label, updated_at from score_subjects where subject_kind = :kind and subject_id in (:ids)")
                        .param("kind", kind.name()).param("ids", subjectIds)
                        .query(rs -> {
                            current.put(rs.getLong(1), new Object[]{rs.getBigDecimal(2), rs.getString(3),
                                    rs.getObject(4, OffsetDateTime.class).toInstant()});
                        });
                List<Object[]> unchanged = new ArrayList<>();
                for (long id : subjectIds) {
                    Tally tally = tallies.getOrDefault(id, new Tally());
                    BigDecimal score;
                    ScoreLabel label;
                    switch (kind) {
                        case CREATOR -> { var s = scoring.reputation(tally); score = s.score(); label = s.label(); }
                        case SHOP -> { var s = scoring.shop(tally, List.of()); score = s.score(); label = s.label(); }
                        default -> { var s = scoring.product(tally); score = s.score(); label = s.label(); }
                    }
                    Object[] was = current.get(id);
                    if (was != null && was[0] != null && ((BigDecimal) was[0]).compareTo(score) == 0
                            && label.name().equals(was[1])) {
                        unchanged.add(new Object[]{Brushing.utc(now), kind.name(), id});
                        continue;
                    }
                    Instant changedAt = was == null ? now : max(now, ((Instant) was[2]).plus(1, ChronoUnit.MICROS));
                    OffsetDateTime at = Brushing.utc(changedAt);
                    if (was == null) {
                        jdbc.sql("insert into score_subjects (subject_kind, subject_id, score, label, updated_at, checked_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                                .params(kind.name(), id, score, label.name(), at, at).update();
                    } else {
                        jdbc.sql("update score_subjects set score = ?, label = ?, updated_at = ?, checked_at = ? where subject_kind = ? and subject_id = ?")
                                .params(score, label.name(), at, Brushing.utc(now), kind.name(), id).update();
                    }
                    if (kind == SubjectKind.CREATOR) {
                        events.publishEvent(new ReputationChanged(id, score, label, changedAt));
                    } else if (kind == SubjectKind.SHOP) {
                        events.publishEvent(new ExperienceChanged(id, score, label, changedAt));
                    }
                }
                if (!unchanged.isEmpty()) { // scored again, as it was: only the time of the scoring moves
                    template.batchUpdate("update score_subjects set checked_at = ? where subject_kind = ? and subject_id = ?", unchanged);
                }
            });
        }
    }

    // ---- helpers

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static @Nullable Attribution attribution(Object event) {
        return switch (event) {
            case OrderPaid e -> e.attribution();
            case OrderShipped e -> e.attribution();
            case OrderDelivered e -> e.attribution();
            case OrderCancelled e -> e.attribution();
            case RefundRequested e -> e.attribution();
            case RefundDecided e -> e.attribution();
            case RefundPaid e -> e.attribution();
            case ArbitrationRuled e -> e.attribution();
            default -> null;
        };
    }

    private static long orderIdOf(Object event) {
        return switch (event) {
            case OrderPaid e -> e.orderId();
            case OrderShipped e -> e.orderId();
            case OrderDelivered e -> e.orderId();
            case OrderCancelled e -> e.orderId();
            case RefundRequested e -> e.orderId();
            case RefundDecided e -> e.orderId();
            case RefundPaid e -> e.orderId();
            case ArbitrationRuled e -> e.orderId();
            default -> throw new IllegalArgumentException("not an order event: " + event);
        };
    }

    private static Collection<Long> parties(Attribution a) {
        return a.creatorId() == null ? List.of(a.merchantId()) : List.of(a.merchantId(), a.creatorId());
    }

    static List<Long> products(@Nullable String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A stored fact, as both paths read it. */
    static Fact fact(ResultSet rs, int row) throws SQLException {
        return new Fact(rs.getLong("id"), FactKind.valueOf(rs.getString("kind")), rs.getLong("ref_id"), rs.getLong("actor_id"),
                rs.getObject("order_id", Long.class), rs.getObject("creator_id", Long.class),
                rs.getObject("shop_id", Long.class), products(rs.getString("product_ids")), rs.getInt("weight_milli"),
                rs.getLong("fact_value"), rs.getBoolean("suspect"), rs.getString("review_text"),
                Objects.requireNonNull(instant(rs, "at")), rs.getObject("bucket_day", LocalDate.class));
    }
}
