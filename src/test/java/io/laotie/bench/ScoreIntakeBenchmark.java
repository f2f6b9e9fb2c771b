package io.laotie.bench;

import io.laotie.identity.Accounts;
import io.laotie.order.Actor;
import io.laotie.order.Attribution;
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
import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.Eventually;
import io.laotie.trust.TrustInboxes;
import io.laotie.support.LaotieTest;
import io.laotie.support.TestDatabase;
import io.laotie.trust.ReviewPosted;
import io.laotie.trust.internal.ScoreIntake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast the scores absorb facts, and how long an event takes to reach its score. Throughput: order histories
 * (paid, shipped, received; a review for every third order, a quality refund for every twentieth) absorbed in batches
 * of {@value #BATCH} events by {@value #THREADS} threads, each for its own shops and creators. Lag: single events
 * published one by one through the real asynchronous listeners at a steady rate; the lag of each is the time from its
 * publication to the write of its fact and buckets in the listener's transaction. Prints figures; asserts none. On
 * demand only: {@code ./mvnw test -Dtest=ScoreIntakeBenchmark -Dlaotie.bench=true} (PostgreSQL with
 * {@code LAOTIE_TEST_POSTGRES_URL}).
 */
@LaotieTest
@EnabledIfSystemProperty(named = "laotie.bench", matches = "true")
class ScoreIntakeBenchmark {

    private static final int BATCH = 1_000;
    private static final int THREADS = 2;
    private static final int ORDERS_PER_THREAD = 25_000;

    @Autowired ScoreIntake intake;
    @Autowired Accounts accounts;
    @Autowired Ids ids;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationContext context;

    @Test
    void factsPerSecondAndLag() throws Exception {
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            buyers.add(accounts.createImported(Api.unique("bench_buyer"), "买家").id());
        }
        String database = TestDatabase.postgres() ? "PostgreSQL" : System.getProperty("spring.datasource.url", "H2 (in-memory)");
        throughput(buyers, 5_000); // warm-up
        double perSecond = throughput(buyers, ORDERS_PER_THREAD);
        System.out.printf("BENCH score intake %s threads=%d batch=%d facts/s=%.0f%n", database, THREADS, BATCH, perSecond);
        lag(buyers, 50, 1_500);
        lag(buyers, 200, 3_000);
        throughListeners(buyers, 5_000);
        fromAFullInbox(buyers, 10_000);
    }

    /**
     * The whole module as it runs: the same histories published as the order module publishes them (in transactions
     * of up to 256 events, as group commit stores orders), written to the trust inbox and absorbed from it in batches,
     * and heard by every other listener of the application through the event publication registry; events per second
     * until the inbox is empty, and until the last publication is complete too.
     */
    private void throughListeners(List<Long> buyers, int orders) {
        List<Object> all = histories(buyers, orders, new Random(7));
        long start = System.nanoTime();
        for (int from = 0; from < all.size(); from += 256) {
            List<Object> batch = all.subList(from, Math.min(all.size(), from + 256));
            transactions.executeWithoutResult(s -> batch.forEach(events::publishEvent));
        }
        double published = (System.nanoTime() - start) / 1e9;
        TrustInboxes.awaitDrained(jdbc, Duration.ofMinutes(10));
        double inbox = (System.nanoTime() - start) / 1e9;
        Eventually.until("every publication complete", Duration.ofMinutes(10), () -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
        System.out.printf("BENCH trust module through its inbox: %d events absorbed in %.1f s: %.0f events/s%n",
                all.size(), inbox, all.size() / inbox);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH trust module through its listeners: %d events published in %.1f s, all heard in %.1f s: %.0f events/s%n",
                all.size(), published, seconds, all.size() / seconds);
    }

    /**
     * The trust chain alone: the drain is stopped while the histories are published, so the inbox fills without the
     * chain competing for the two cores; then it is started, and timed until the inbox is empty.
     */
    private void fromAFullInbox(List<Long> buyers, int orders) {
        List<Object> all = histories(buyers, orders, new Random(11));
        Lifecycle drain = context.getBean("inboxDrain", Lifecycle.class);
        drain.stop();
        for (int from = 0; from < all.size(); from += 256) {
            List<Object> batch = all.subList(from, Math.min(all.size(), from + 256));
            transactions.executeWithoutResult(s -> batch.forEach(events::publishEvent));
        }
        Eventually.until("every other publication complete", Duration.ofMinutes(10), () -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
        long start = System.nanoTime();
        drain.start();
        TrustInboxes.awaitDrained(jdbc, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH trust module from a full inbox: %d events absorbed in %.1f s: %.0f events/s%n",
                all.size(), seconds, all.size() / seconds);
    }

    /** The events of {@code orders} histories across 4 shops and 3 creators. */
    private List<Object> histories(List<Long> buyers, int orders, Random random) {
        List<Long> shops = List.of(ids.next(), ids.next(), ids.next(), ids.next());
        List<Long> creators = List.of(ids.next(), ids.next(), ids.next());
        long merchant = ids.next();
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            history(all, random, buyers, shops.get(random.nextInt(shops.size())), merchant, creators.get(random.nextInt(creators.size())));
        }
        return all;
    }

    /** Facts absorbed per second. */
    private double throughput(List<Long> buyers, int ordersPerThread) throws Exception {
        long before = facts();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            runs.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<Long> shops = List.of(ids.next(), ids.next(), ids.next(), ids.next());
                List<Long> creators = List.of(ids.next(), ids.next(), ids.next());
                long merchant = ids.next();
                List<Object> batch = new ArrayList<>(BATCH + 16);
                for (int i = 0; i < ordersPerThread; i++) {
                    history(batch, random, buyers, shops.get(random.nextInt(shops.size())), merchant,
                            creators.get(random.nextInt(creators.size())));
                    if (batch.size() >= BATCH) {
                        List<Object> events = List.copyOf(batch);
                        transactions.executeWithoutResult(s -> intake.absorb(events));
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    transactions.executeWithoutResult(s -> intake.absorb(List.copyOf(batch)));
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return (facts() - before) / seconds;
    }

    private void history(List<Object> out, Random random, List<Long> buyers, long shop, long merchant, long creator) {
        long order = ids.next();
        long buyer = buyers.get(random.nextInt(buyers.size()));
        long product = shop * 32 + random.nextInt(20); // products of one shop only, never another shop's
        Attribution a = new Attribution(buyer, shop, merchant, creator, null);
        Instant paid = clock.instant().minus(Duration.ofDays(5)).plusSeconds(random.nextInt(86_400));
        Instant shipped = paid.plus(Duration.ofHours(2 + random.nextInt(70)));
        Instant delivered = shipped.plus(Duration.ofHours(12 + random.nextInt(100)));
        out.add(new OrderPaid(order, a, List.of(new OrderPlaced.Line(ids.next(), ids.next(), product, "柿饼", 1, 3990, null)), 3990, paid));
        out.add(new OrderShipped(order, a, "顺丰", "SF" + order, shipped));
        out.add(new OrderDelivered(order, a, false, delivered));
        if (random.nextInt(3) == 0) {
            out.add(new ReviewPosted(ids.next(), order, ids.next(), product, shop, merchant, creator, buyer, 1 + random.nextInt(5),
                    List.of(), "", delivered.plus(Duration.ofHours(3))));
        }
        if (random.nextInt(20) == 0) {
            long refund = ids.next();
            Instant asked = delivered.plus(Duration.ofHours(5));
            out.add(new RefundRequested(refund, order, a, RefundKind.REFUND_ONLY, RefundStage.AFTER_DELIVERY, 500, RefundReason.QUALITY, asked));
            out.add(new RefundDecided(refund, order, a, true, Actor.MERCHANT, false, null, RefundReason.QUALITY, asked.plus(Duration.ofHours(3))));
            out.add(new RefundPaid(refund, order, a, 500, RefundReason.QUALITY, RefundKind.REFUND_ONLY, false, asked.plus(Duration.ofHours(3))));
        }
    }

    /** Publishes {@code count} OrderPaid events at {@code perSecond} and prints the p50 and p99 lag to their facts. */
    private void lag(List<Long> buyers, int perSecond, int count) throws Exception {
        long shop = ids.next();
        long creator = ids.next();
        long merchant = ids.next();
        List<Long> orders = new ArrayList<>();
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += interval;
            long order = ids.next();
            orders.add(order);
            Attribution a = new Attribution(buyers.get(i % buyers.size()), shop + i % 8, merchant, creator + i % 8, null);
            OrderPaid paid = new OrderPaid(order, a, List.of(new OrderPlaced.Line(ids.next(), ids.next(), shop + 100, "柿饼", 1, 3990, null)),
                    3990, clock.instant());
            transactions.executeWithoutResult(s -> events.publishEvent(paid));
        }
        Eventually.until("every lag event absorbed", Duration.ofMinutes(2), () -> jdbc.sql(
                "select count(*) from score_facts where kind = 'ORDER_PAID' and ref_id in (:ids)").param("ids", orders)
                .query(Long.class).single() == count);
        List<Long> lags = new ArrayList<>(jdbc.sql("select at, recorded_at from score_facts where kind = 'ORDER_PAID' and ref_id in (:ids)")
                .param("ids", orders)
                .query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)).toMillis())
                .list());
        Collections.sort(lags);
        System.out.printf("BENCH score lag %d events at %d/s: p50=%d ms p99=%d ms max=%d ms%n", count, perSecond,
                lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99)), lags.getLast());
    }

    private long facts() {
        return jdbc.sql("select count(*) from score_facts").query(Long.class).single();
    }
}
