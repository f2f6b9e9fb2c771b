package io.laotie.trust.internal;

import io.laotie.identity.Accounts;
import io.laotie.order.ArbitrationRuled;
import io.laotie.order.Attribution;
import io.laotie.order.Actor;
import io.laotie.order.CancelReason;
import io.laotie.order.OrderCancelled;
import io.laotie.order.OrderDelivered;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderPlaced;
import io.laotie.order.OrderShipped;
import io.laotie.order.RefundDecided;
import io.laotie.order.RefundKind;
import io.laotie.order.RefundPaid;
import io.laotie.order.RefundReason;
import io.laotie.order.RefundRequested;
import io.laotie.order.RefundStage;
import io.laotie.order.Ruling;
import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import io.laotie.trust.ComplaintRuled;
import io.laotie.trust.ReviewPosted;
import io.laotie.trust.ReviewRemoved;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental == full recomputation: a randomized history of thousands of order, review and complaint events (with
 * brushing bursts, self-dealing, linked and very new buyers, flags opened and cleared) is absorbed in random batches by
 * an intake on a fixed clock; every subject's window tally and score from the buckets equals the one the full
 * recomputation folds from the fact log.
 */
@LaotieTest
class ScoreConsistencyTests {

    private static final long SEED = 20261125L;

    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired Intakes intakes;
    @Autowired ScoreRules rules;
    @Autowired ScoreBook book;
    @Autowired FullRecomputation full;
    @Autowired TransactionTemplate transactions;

    @Test
    void incrementalScoresEqualAFullRecomputationOverARandomizedHistory() {
        Instant now = Instant.now().plus(Duration.ofDays(100)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Clock fixed = Clock.fixed(now, ZoneOffset.UTC);
        ScoreIntake intake = intakes.at(now);
        Random random = new Random(SEED);

        Api.Merchant m1 = api.merchant("cons_m");
        Api.Merchant m2 = api.merchant("cons_m");
        List<Long> creators = List.of(Long.valueOf(api.user("cons_c").id()), Long.valueOf(api.user("cons_c").id()),
                Long.valueOf(m1.user().id()));
        record ShopOf(long shopId, long merchantId, List<Long> products) {
        }
        List<ShopOf> shopList = List.of(
                new ShopOf(Long.parseLong(m1.shopId()), Long.parseLong(m1.user().id()), List.of(ids.next(), ids.next(), ids.next())),
                new ShopOf(Long.parseLong(m2.shopId()), Long.parseLong(m2.user().id()), List.of(ids.next(), ids.next())));
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            buyers.add(accounts.createImported(Api.unique("cons_old"), "老买家").id()); // never very new
        }
        for (int i = 0; i < 10; i++) {
            buyers.add(Long.valueOf(api.user("cons_new").id())); // very new for the first week of their life
        }
        Api.User linked = api.user("cons_linked");
        api.post("/api/me/addresses", m2.user(), Map.of("recipient", "店主", "phone", "13911112222", "region", "陕西省渭南市", "detail", "富平县城关镇 8 号"));
        api.post("/api/me/addresses", linked, Map.of("recipient", "亲戚", "phone", "13911112222", "region", "陕西省渭南市", "detail", "庄里镇 3 号"));
        buyers.add(Long.valueOf(linked.id())); // linked to the second shop's merchant: weighs 0 there
        buyers.add(Long.valueOf(m1.user().id())); // the first merchant buying its own goods
        String[] texts = {"柿饼很甜，包装完好，下次还买", "柿饼很甜包装完好下次还买！", "物流有点慢，但是东西不错", "一般般吧", "",
                "和描述一致，孩子很喜欢", "假货，和直播间说的不一样"};

        List<Object> history = new ArrayList<>();
        List<Long> reviews = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(130));
        for (int i = 0; i < 1400; i++) {
            Instant paidAt = start.plusSeconds((long) (random.nextDouble() * Duration.ofDays(128).toSeconds()));
            boolean burst = random.nextInt(40) == 0;
            int copies = burst ? 6 : 1;
            ShopOf shop = shopList.get(random.nextInt(shopList.size()));
            Long creator = random.nextInt(4) == 0 ? null : creators.get(random.nextInt(creators.size()));
            for (int c = 0; c < copies; c++) {
                long buyer = burst ? buyers.get(12 + random.nextInt(10)) : buyers.get(random.nextInt(buyers.size()));
                Instant at = paidAt.plusSeconds(c * 600L);
                long orderId = ids.next();
                Attribution a = new Attribution(buyer, shop.shopId, shop.merchantId, creator, null);
                long product = shop.products.get(random.nextInt(shop.products.size()));
                history.add(new OrderPaid(orderId, a, List.of(new OrderPlaced.Line(ids.next(), ids.next(), product, "柿饼", 1, 3990, null)), 3990, at));
                if (random.nextInt(12) == 0) {
                    history.add(new OrderCancelled(orderId, a, Actor.MERCHANT, CancelReason.OUT_OF_STOCK, 3990, at.plus(Duration.ofHours(5))));
                    continue;
                }
                Instant shipped = at.plus(Duration.ofMinutes(30 + random.nextInt(4 * 24 * 60)));
                history.add(new OrderShipped(orderId, a, "顺丰", "SF" + orderId, shipped));
                boolean automatic = random.nextInt(5) == 0;
                Instant delivered = shipped.plus(Duration.ofMinutes(burst ? 5 : 60 + random.nextInt(8 * 24 * 60)));
                history.add(new OrderDelivered(orderId, a, automatic, delivered));
                if (random.nextInt(6) == 0) {
                    long refundId = ids.next();
                    RefundReason reason = RefundReason.values()[random.nextInt(RefundReason.values().length)];
                    Instant requested = delivered.plus(Duration.ofHours(1 + random.nextInt(48)));
                    history.add(new RefundRequested(refundId, orderId, a, RefundKind.REFUND_ONLY, RefundStage.AFTER_DELIVERY, 1000, reason, requested));
                    Instant decided = requested.plus(Duration.ofMinutes(10 + random.nextInt(48 * 60)));
                    boolean approved = random.nextBoolean();
                    history.add(new RefundDecided(refundId, orderId, a, approved, random.nextInt(5) == 0 ? Actor.SYSTEM : Actor.MERCHANT,
                            false, approved ? null : "不同意", reason, decided));
                    if (approved) {
                        history.add(new RefundPaid(refundId, orderId, a, 1000, reason, RefundKind.REFUND_ONLY, false, decided.plusSeconds(1)));
                    } else if (random.nextBoolean()) {
                        Ruling.Outcome outcome = Ruling.Outcome.values()[random.nextInt(3)];
                        Ruling.Fault fault = Ruling.Fault.values()[random.nextInt(4)];
                        history.add(new ArbitrationRuled(refundId, orderId, a, outcome, 1000, fault, random.nextInt(4) == 0, reason,
                                1L, decided.plus(Duration.ofDays(2))));
                    }
                }
                if (burst || random.nextInt(3) == 0) {
                    long reviewId = ids.next();
                    reviews.add(reviewId);
                    String text = burst ? texts[c % 2] : texts[random.nextInt(texts.length)];
                    history.add(new ReviewPosted(reviewId, orderId, ids.next(), product, shop.shopId, shop.merchantId, creator, buyer,
                            burst ? 5 : 1 + random.nextInt(5), List.of(), text, delivered.plus(Duration.ofMinutes(20))));
                    if (random.nextInt(15) == 0) {
                        history.add(new ReviewRemoved(reviewId, delivered.plus(Duration.ofDays(3))));
                    }
                }
                if (random.nextInt(25) == 0) {
                    boolean aboutCreator = creator != null && random.nextBoolean();
                    history.add(new ComplaintRuled(ids.next(), aboutCreator ? creator : null, aboutCreator ? null : shop.shopId,
                            buyers.get(random.nextInt(buyers.size())), random.nextInt(3) > 0, delivered.plus(Duration.ofDays(1))));
                }
            }
        }
        history.sort(Comparator.comparing(ScoreConsistencyTests::at));

        int absorbed = 0;
        int clearances = 0;
        while (absorbed < history.size()) {
            int size = Math.min(history.size() - absorbed, 1 + random.nextInt(random.nextBoolean() ? 3 : 60));
            List<Object> batch = history.subList(absorbed, absorbed + size);
            transactions.executeWithoutResult(s -> intake.absorb(batch));
            absorbed += size;
            if (random.nextInt(25) == 0) {
                List<Long> open = jdbc.sql("select id from brushing_flags where status = 'OPEN' and target_id in (:targets) order by id")
                        .param("targets", targets(shopList.stream().map(ShopOf::shopId).toList(), creators)).query(Long.class).list();
                if (!open.isEmpty()) {
                    long flag = open.get(random.nextInt(open.size()));
                    transactions.executeWithoutResult(s -> intake.clear(flag, 1L));
                    clearances++;
                }
            }
        }

        Map<Subject, Tally> folded = full.tallies(fixed);
        Set<Subject> subjects = new HashSet<>();
        shopList.forEach(s -> {
            subjects.add(Subject.shop(s.shopId));
            s.products.forEach(p -> subjects.add(Subject.product(p)));
        });
        creators.forEach(c -> subjects.add(Subject.creator(c)));
        for (Subject subject : subjects) {
            Tally incremental = book.tally(subject, fixed);
            Tally recomputed = folded.getOrDefault(subject, new Tally());
            for (Metric metric : Metric.values()) {
                assertThat(sums(incremental, metric)).as(subject + " " + metric).isEqualTo(sums(recomputed, metric));
            }
            switch (subject.kind()) {
                case CREATOR -> assertThat(new Scoring(rules).reputation(incremental)).isEqualTo(full.reputation(folded, subject.id()));
                case SHOP -> assertThat(new Scoring(rules).shop(incremental, List.of())).isEqualTo(full.experience(folded, subject.id()));
                case PRODUCT -> assertThat(new Scoring(rules).product(incremental)).isEqualTo(full.product(folded, subject.id()));
            }
            // the score the intake last stored is the one of its last event's window: the same clock, so the same score
            String stored = jdbc.sql("select score from score_subjects where subject_kind = ? and subject_id = ?")
                    .params(subject.kind().name(), subject.id()).query(String.class).single();
            String expected = switch (subject.kind()) {
                case CREATOR -> full.reputation(folded, subject.id()).score().toPlainString();
                case SHOP -> full.experience(folded, subject.id()).score().toPlainString();
                case PRODUCT -> full.product(folded, subject.id()).score().toPlainString();
            };
            assertThat(new java.math.BigDecimal(stored)).as("stored score of " + subject).isEqualByComparingTo(expected);
        }

        // the history exercised what it should: events by the thousand, flags opened and cleared, weights 0, ¼ and 1
        assertThat(history.size()).isGreaterThan(3000);
        assertThat(clearances).isPositive();
        List<Long> targetIds = targets(shopList.stream().map(ShopOf::shopId).toList(), creators);
        assertThat(jdbc.sql("select count(*) from brushing_flags where status = 'OPEN' and target_id in (:t)").param("t", targetIds)
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select distinct weight_milli from score_facts where shop_id in (:t) order by weight_milli")
                .param("t", targetIds).query(Integer.class).list()).containsExactly(0, 250, 1000);
    }

    private static List<Long> targets(List<Long> shopIds, List<Long> creators) {
        List<Long> all = new ArrayList<>(shopIds);
        all.addAll(creators);
        return all;
    }

    private static List<Long> sums(Tally tally, Metric metric) {
        long[] raw = tally.raw().get(metric);
        return raw == null ? List.of(0L, 0L) : List.of(raw[0], raw[1]);
    }

    private static Instant at(Object event) {
        return switch (event) {
            case OrderPaid e -> e.at();
            case OrderShipped e -> e.at();
            case OrderDelivered e -> e.at();
            case OrderCancelled e -> e.at();
            case RefundRequested e -> e.at();
            case RefundDecided e -> e.at();
            case RefundPaid e -> e.at();
            case ArbitrationRuled e -> e.at();
            case ReviewPosted e -> e.at();
            case ReviewRemoved e -> e.at();
            case ComplaintRuled e -> e.at();
            default -> throw new IllegalArgumentException(String.valueOf(event));
        };
    }
}
