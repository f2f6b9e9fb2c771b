package io.laotie.trust;

import io.laotie.identity.Accounts;
import io.laotie.order.Actor;
import io.laotie.order.ArbitrationRuled;
import io.laotie.order.Attribution;
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
import io.laotie.platform.PlatformClock;
import io.laotie.support.Api;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manipulation gains nothing: a creator and a shop whose honest history is joined by self-purchases, purchases and
 * reviews from an account linked to the merchant, and a brushing ring (new accounts, receipts confirmed at once,
 * near-identical five-star reviews) end with exactly the scores of a twin creator and shop with the same honest history
 * alone. Clearing the flag (an operator calling it false) lets the ring's signals count again.
 * <p>
 * The order events are the order module's real records; they and the review and complaint events (whose owner, the
 * reviews part of this module, is built beside this one) are published here, in the order and at the times the
 * history needs, and reach the scores through the real asynchronous listeners.
 */
@LaotieTest
class ManipulationTests {

    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired Ids ids;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    /** One creator selling one product of one shop. */
    record Target(Api.Merchant merchant, long shopId, long merchantId, long creatorId, long productId) {
        Attribution by(long buyerId) {
            return new Attribution(buyerId, shopId, merchantId, creatorId, null);
        }
    }

    @Autowired PlatformClock clock;

    /** Twenty days ago on the platform clock, which other tests of the suite move forward. */
    private Instant t0;

    @BeforeEach
    void start() {
        t0 = clock.instant().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void manipulatedSignalsChangeNoScoreUntilAnOperatorClearsTheFlag() {
        Target manipulated = target();
        Target honest = target();
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            buyers.add(accounts.createImported(Api.unique("loyal"), "老顾客").id());
        }
        Api.User linked = api.user("cousin");
        api.post("/api/me/addresses", manipulated.merchant().user(), Map.of("recipient", "店主", "phone", "13977776666",
                "region", "吉林省白山市", "detail", "抚松县参乡路 1 号"));
        api.post("/api/me/addresses", linked, Map.of("recipient", "表哥", "phone", "13977776666",
                "region", "吉林省白山市", "detail", "抚松县人参市场 9 号"));
        List<Long> ring = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ring.add(Long.valueOf(api.user("ring").id()));
        }

        List<Stage> history = honestHistory(manipulated, buyers);
        List<Stage> twin = honestHistory(honest, buyers);
        List<Stage> manipulation = manipulation(manipulated, List.of(manipulated.merchantId(), manipulated.creatorId(),
                Long.parseLong(linked.id()), Long.parseLong(linked.id())), ring);
        for (int stage = 0; stage < history.size(); stage++) {
            List<Object> all = new ArrayList<>(history.get(stage).events);
            all.addAll(twin.get(stage).events);
            all.addAll(manipulation.get(stage).events);
            publish(all);
        }

        assertThat(get("/api/creators/" + manipulated.creatorId() + "/trust")).isEqualTo(get("/api/creators/" + honest.creatorId() + "/trust"));
        assertThat(get("/api/shops/" + manipulated.shopId() + "/experience")).isEqualTo(get("/api/shops/" + honest.shopId() + "/experience"));
        assertThat(get("/api/products/" + manipulated.productId() + "/experience")).isEqualTo(get("/api/products/" + honest.productId() + "/experience"));
        JsonNode shop = get("/api/shops/" + honest.shopId() + "/experience");
        assertThat(shop.path("label").asString()).isNotEqualTo("NEW"); // the honest history alone says something
        assertThat(component(get("/api/creators/" + honest.creatorId() + "/trust").path("reputation"), "complaints")
                .path("value").asDouble()).isLessThan(5.0);

        // the operator sees why the shop was flagged, clears it, and the ring's reviews and orders then count
        var operator = api.operator();
        JsonNode flag = flagOf(operator, manipulated.shopId());
        assertThat(flag.path("status").asString()).isEqualTo("OPEN");
        assertThat(flag.path("reasons").findValuesAsString("code")).contains("ORDER_BURST", "SIMILAR_REVIEWS");
        assertThat(flag.path("buyers").valueStream().map(JsonNode::asString).toList())
                .containsAll(ring.stream().map(String::valueOf).toList());
        assertThat(api.post("/api/operator/trust/flags/" + flag.path("id").asString() + "/clearance", manipulated.merchant().user(), null)
                .status()).isEqualTo(403);
        assertThat(api.post("/api/operator/trust/flags/" + flag.path("id").asString() + "/clearance", operator, null).status()).isEqualTo(200);
        assertThat(api.post("/api/operator/trust/flags/" + flag.path("id").asString() + "/clearance", operator, null).status()).isEqualTo(409);
        Eventually.until("the ring's reviews count for the shop", () ->
                component(get("/api/shops/" + manipulated.shopId() + "/experience").path("dimensions").get(0), "ratings")
                        .path("evidence").asDouble() > component(shop.path("dimensions").get(0), "ratings").path("evidence").asDouble());
        assertThat(get("/api/shops/" + manipulated.shopId() + "/experience")).isNotEqualTo(get("/api/shops/" + honest.shopId() + "/experience"));
        // the creator's own flag stays open: the creator's reputation still equals the twin's
        assertThat(get("/api/creators/" + manipulated.creatorId() + "/trust")).isEqualTo(get("/api/creators/" + honest.creatorId() + "/trust"));
    }

    private Target target() {
        Api.Merchant merchant = api.merchant("twin");
        Api.User creator = api.user("twin_creator");
        api.post("/api/creators", creator, Map.of("displayName", "主播" + creator.handle(), "bio", "长白山人参"));
        String productId = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product(Api.unique("人参"), 9900, 100)).id();
        return new Target(merchant, Long.parseLong(merchant.shopId()), Long.parseLong(merchant.user().id()),
                Long.parseLong(creator.id()), Long.parseLong(productId));
    }

    /** Events in stages: each stage is absorbed before the next is published, as time would order them. */
    record Stage(List<Object> events) {
    }

    private static List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stages.add(new Stage(new ArrayList<>()));
        }
        return stages;
    }

    private List<Stage> honestHistory(Target t, List<Long> buyers) {
        List<Stage> s = stages();
        int[] ratings = {5, 4, 5, 3, 2};
        String[] texts = {"人参须很完整，泡酒正好", "物流快，包装结实", "第二次买了，和描述一样", "个头比想象小一点", "有一根断了，客服处理慢"};
        for (int i = 0; i < 5; i++) {
            long order = ids.next();
            long buyer = buyers.get(i);
            Attribution a = t.by(buyer);
            Instant paid = t0.plus(Duration.ofDays(i));
            s.get(0).events.add(paid(order, a, t.productId(), paid));
            s.get(1).events.add(new OrderShipped(order, a, "顺丰", "SF" + order, paid.plus(Duration.ofHours(i == 4 ? 60 : 20))));
            s.get(2).events.add(new OrderDelivered(order, a, false, paid.plus(Duration.ofDays(3))));
            s.get(3).events.add(new ReviewPosted(ids.next(), order, ids.next(), t.productId(), t.shopId(), t.merchantId(), t.creatorId(),
                    buyer, ratings[i], List.of(), texts[i], paid.plus(Duration.ofDays(4))));
            if (i == 1) {
                long refund = ids.next();
                Instant asked = paid.plus(Duration.ofDays(4));
                s.get(1).events.add(new RefundRequested(refund, order, a, RefundKind.REFUND_ONLY, RefundStage.AFTER_DELIVERY, 2000,
                        RefundReason.QUALITY, asked));
                s.get(2).events.add(new RefundDecided(refund, order, a, true, Actor.MERCHANT, false, null, RefundReason.QUALITY, asked.plus(Duration.ofHours(30))));
                s.get(3).events.add(new RefundPaid(refund, order, a, 2000, RefundReason.QUALITY, RefundKind.REFUND_ONLY, false, asked.plus(Duration.ofHours(30))));
            }
            if (i == 3) {
                long refund = ids.next();
                s.get(3).events.add(new ArbitrationRuled(refund, order, a, Ruling.Outcome.BUYER, 9900, Ruling.Fault.MERCHANT, false,
                        RefundReason.NOT_AS_DESCRIBED, 1L, paid.plus(Duration.ofDays(9))));
            }
        }
        long buyer = buyers.get(5);
        long cancelled = ids.next();
        s.get(0).events.add(paid(cancelled, t.by(buyer), t.productId(), t0.plus(Duration.ofDays(6))));
        s.get(1).events.add(new OrderCancelled(cancelled, t.by(buyer), Actor.MERCHANT, CancelReason.OUT_OF_STOCK, 9900, t0.plus(Duration.ofDays(7))));
        s.get(3).events.add(new ComplaintRuled(ids.next(), t.creatorId(), null, buyers.get(0), true, t0.plus(Duration.ofDays(8))));
        s.get(3).events.add(new ComplaintRuled(ids.next(), null, t.shopId(), buyers.get(2), true, t0.plus(Duration.ofDays(8))));
        return s;
    }

    /** Self-purchases, a linked account's purchases, and a brushing ring, all with glowing reviews. */
    private List<Stage> manipulation(Target t, List<Long> insiders, List<Long> ring) {
        List<Stage> s = stages();
        Instant at = t0.plus(Duration.ofDays(10));
        List<Long> all = new ArrayList<>(insiders);
        all.addAll(ring);
        for (int i = 0; i < all.size(); i++) {
            long order = ids.next();
            Attribution a = t.by(all.get(i));
            Instant paid = at.plus(Duration.ofMinutes(7L * i));
            s.get(0).events.add(paid(order, a, t.productId(), paid));
            s.get(1).events.add(new OrderShipped(order, a, "顺丰", "SF" + order, paid.plus(Duration.ofMinutes(30))));
            s.get(2).events.add(new OrderDelivered(order, a, false, paid.plus(Duration.ofMinutes(35))));
            s.get(3).events.add(new ReviewPosted(ids.next(), order, ids.next(), t.productId(), t.shopId(), t.merchantId(), t.creatorId(),
                    all.get(i), 5, List.of("as described"), i % 2 == 0 ? "好吃好吃，非常推荐，五星好评！" : "好吃好吃!非常推荐 五星好评", paid.plus(Duration.ofHours(1))));
        }
        s.get(3).events.add(new ComplaintRuled(ids.next(), t.creatorId(), null, insiders.get(2), false, at)); // dismissed: counts nowhere
        return s;
    }

    private OrderPaid paid(long order, Attribution a, long productId, Instant at) {
        return new OrderPaid(order, a, List.of(new OrderPlaced.Line(ids.next(), ids.next(), productId, "人参", 1, 9900, null)), 9900, at);
    }

    /** Publishes a stage in one transaction and waits until the trust chain has absorbed all of it. */
    private void publish(List<Object> stage) {
        transactions.executeWithoutResult(s -> stage.forEach(events::publishEvent));
        TrustInboxes.awaitDrained(jdbc, Duration.ofSeconds(30));
    }

    private JsonNode get(String path) {
        var response = api.get(path, null);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body();
    }

    private static JsonNode component(JsonNode score, String name) {
        for (JsonNode c : score.path("components")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name + " in " + score);
    }

    private JsonNode flagOf(Api.User operator, long shopId) {
        for (int page = 0; page < 50; page++) {
            JsonNode flags = api.get("/api/operator/trust/flags?size=100&page=" + page, operator).body();
            for (JsonNode f : flags.path("items")) {
                if (f.path("targetKind").asString().equals("SHOP") && f.path("targetId").asString().equals(String.valueOf(shopId))) {
                    return f;
                }
            }
            if (flags.path("items").isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no flag on shop " + shopId);
    }
}
