package io.laotie.live;

import io.laotie.inventory.Inventory;
import io.laotie.inventory.StockLevel;
import io.laotie.order.OrderDeadlines;
import io.laotie.platform.PlatformClock;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import io.laotie.support.RoomClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.laotie.live.LiveFixture.require;
import static org.assertj.core.api.Assertions.assertThat;

/** Flash sales (秒杀): who may start one, what it holds, what buyers pay, and that it never oversells. */
@LaotieTest
class FlashSaleTests {

    static final long FLASH_PRICE = 990;

    @Autowired Api api;
    @Autowired Inventory inventory;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformClock clock;
    @Autowired FlashSales flashSales;
    @Autowired OrderDeadlines deadlines;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    private Map<String, Object> sale(LiveFixture live, int quantity, int perBuyerLimit) {
        Map<String, Object> sale = new HashMap<>();
        sale.put("shelfItemId", live.shelfItemId);
        sale.put("skuId", live.skuId);
        sale.put("price", FLASH_PRICE);
        sale.put("quantity", quantity);
        sale.put("perBuyerLimit", perBuyerLimit);
        sale.put("countdownSeconds", 10);
        sale.put("durationSeconds", 60);
        return sale;
    }

    private Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(field, value);
        return changed;
    }

    private StockLevel level(LiveFixture live) {
        return inventory.level(Long.parseLong(live.skuId));
    }

    private void restock(LiveFixture live, long delta) {
        require(api.post("/api/skus/" + live.skuId + "/stock-adjustments", live.creator, Map.of("delta", delta, "reason", "秒杀备货")), 201);
    }

    @Test
    void twoHundredBuyersBehindABarrierBuyExactlyTheQuantityAtTheSalePriceWithinTheirLimitsAndTheRestReturnsToStock() throws Exception {
        LiveFixture live = new LiveFixture(api, true);
        restock(live, 450); // 500 on hand
        String saleId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, sale(live, 120, 2)), 201).id();
        assertThat(level(live).available()).as("the quantity is held when the sale is created").isEqualTo(380);
        clock.advance(Duration.ofSeconds(10));

        // 200 buyers each want one unit; ten of them also try twice more, against a limit of two
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            buyers.add(live.buyer("西安"));
        }
        List<User> attempts = new ArrayList<>(buyers);
        for (int i = 0; i < 20; i++) {
            attempts.add(buyers.get(i % 10));
        }
        List<Api.Response> placed = new ArrayList<>();
        Map<String, Integer> refusals = new HashMap<>();
        for (Api.Response response : together(attempts, live)) {
            if (response.status() == 201) {
                placed.add(response);
            } else {
                assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
                refusals.merge(response.text("type"), 1, Integer::sum);
            }
        }

        assertThat(placed).hasSize(120);
        assertThat(refusals.keySet()).isSubsetOf("urn:laotie:problem:sold-out", "urn:laotie:problem:limit-exceeded");
        assertThat(placed).allSatisfy(order -> {
            assertThat(order.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(FLASH_PRICE);
            assertThat(Duration.between(Instant.parse(order.text("placedAt")), Instant.parse(order.text("dueAt"))))
                    .as("a flash-sale order has the short payment timeout").isEqualTo(Duration.ofMinutes(5));
        });
        long sku = Long.parseLong(live.skuId);
        long allotment = jdbc.sql("select allotment_id from flash_sales where id = ?").param(Long.parseLong(saleId)).query(Long.class).single();
        assertThat(jdbc.sql("select coalesce(sum(l.quantity), 0) from order_lines l join orders o on o.id = l.order_id where l.sku_id = ? and l.unit_price = ?")
                .params(sku, FLASH_PRICE).query(Long.class).single()).as("units sold at the sale price, from the database").isEqualTo(120);
        assertThat(jdbc.sql("select max(units) from (select o.buyer_id, sum(l.quantity) as units from order_lines l join orders o on o.id = l.order_id where l.drawn_from = ? group by o.buyer_id) per_buyer")
                .param(allotment).query(Long.class).single()).as("no buyer holds more than the limit").isLessThanOrEqualTo(2);
        assertThat(inventory.reservation(allotment).carved()).isEqualTo(120);
        assertThat(api.get("/api/flash-sales/" + saleId, null).body().path("remaining").asInt()).isZero();

        // 100 pay; 5 are cancelled by their buyers and 15 go unpaid: their units come back to the running sale
        for (int i = 0; i < 100; i++) {
            Api.Response order = placed.get(i);
            require(api.post("/api/orders/" + order.id() + "/payment", owner(order, buyers), null), 200);
        }
        for (int i = 100; i < 105; i++) {
            require(api.post("/api/orders/" + placed.get(i).id() + "/cancellation", owner(placed.get(i), buyers), null), 200);
        }
        Eventually.until("cancelled units are back on sale", () ->
                api.get("/api/flash-sales/" + saleId, null).body().path("remaining").asInt() == 5);
        // five minutes on, the 60 s sale is over and the 15 unpaid orders are past their payment time
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        deadlines.runDue();
        flashSales.tick();
        JsonNode ended = api.get("/api/flash-sales/" + saleId, null).body();
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.path("endReason").asString()).isEqualTo("TIME_UP");
        Eventually.until("every unpaid unit is back in stock", () -> level(live).reserved() == 0);
        assertThat(level(live).stock()).as("on hand: 500 less the 100 paid").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from orders o join order_lines l on l.order_id = o.id where l.drawn_from = ? and o.status = 'PAID'")
                .param(allotment).query(Long.class).single()).isEqualTo(100);
        assertThat(api.get("/api/operator/ledger/check", api.operator()).body().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void fiftyBuyersTryingFourTimesAtOnceEachGetExactlyTheirLimit() throws Exception {
        LiveFixture live = new LiveFixture(api, true);
        restock(live, 450);
        String saleId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, sale(live, 400, 2)), 201).id();
        clock.advance(Duration.ofSeconds(10));
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(live.buyer("郑州"));
        }
        List<User> attempts = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            attempts.addAll(buyers);
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Api.Response response : together(attempts, live)) {
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() == 409) {
                assertThat(response.text("type")).isEqualTo("urn:laotie:problem:limit-exceeded");
            }
        }
        assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 100).containsEntry(409, 100);
        long allotment = jdbc.sql("select allotment_id from flash_sales where id = ?").param(Long.parseLong(saleId)).query(Long.class).single();
        List<Long> perBuyer = jdbc.sql("select sum(l.quantity) from order_lines l join orders o on o.id = l.order_id where l.drawn_from = ? group by o.buyer_id")
                .param(allotment).query(Long.class).list();
        assertThat(perBuyer).hasSize(50).allMatch(units -> units == 2);
        assertThat(api.get("/api/flash-sales/" + saleId, null).body().path("remaining").asInt()).isEqualTo(300);
    }

    @Test
    void aPaidOrderCancelledByTheMerchantGoesBackToStockNotToTheSale() {
        LiveFixture live = new LiveFixture(api, true);
        User buyer = live.buyer("南京");
        String saleId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, sale(live, 10, 2)), 201).id();
        clock.advance(Duration.ofSeconds(10));
        String orderId = require(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 2)), 201).id();
        require(api.post("/api/orders/" + orderId + "/payment", buyer, null), 200);
        long onHand = level(live).stock();

        require(api.post("/api/orders/" + orderId + "/cancellation", live.creator, Map.of("note", "缺货")), 200);

        assertThat(level(live).stock()).as("the paid units are back on hand").isEqualTo(onHand + 2);
        // the listener has had its chance: a later unpaid cancellation is counted, this one must not be
        User another = live.buyer("南京");
        String unpaid = require(api.post("/api/orders", another, live.roomOrder(live.skuId, 1)), 201).id();
        require(api.post("/api/orders/" + unpaid + "/cancellation", another, null), 200);
        Eventually.until("the unpaid unit is back on sale", () -> remaining(saleId) == 8);
        assertThat(remaining(saleId)).as("the sale never offers the units it sold").isEqualTo(8);
    }

    @Test
    void aFlashOrderWithAnIdempotencyKeyIsPlacedOnceAndTheSalePriceMustNotBeAboveTheLivePrice() {
        LiveFixture live = new LiveFixture(api, true);
        User buyer = live.buyer("苏州");
        var aboveLive = api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator,
                with(sale(live, 10, 2), "price", LiveFixture.LIVE_PRICE + 1));
        assertThat(aboveLive.status()).isEqualTo(400);
        String saleId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, sale(live, 10, 2)), 201).id();
        clock.advance(Duration.ofSeconds(10));

        String key = Api.unique("grab");
        var first = api.postWithKey("/api/orders", buyer, live.roomOrder(live.skuId, 1), key);
        var again = api.postWithKey("/api/orders", buyer, live.roomOrder(live.skuId, 1), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(FLASH_PRICE);
        assertThat(remaining(saleId)).isEqualTo(9);
        var conflicting = api.postWithKey("/api/orders", buyer, live.roomOrder(live.skuId, 2), key);
        assertThat(conflicting.status()).isEqualTo(422);
        assertThat(remaining(saleId)).as("a refused replay holds nothing").isEqualTo(9);
    }

    private int remaining(String saleId) {
        return api.get("/api/flash-sales/" + saleId, null).body().path("remaining").asInt();
    }

    /** Each attempt, in shuffled order on a thread of its own, places a room order of one unit; all released at once. */
    private List<Api.Response> together(List<User> attempts, LiveFixture live) throws Exception {
        List<User> shuffled = new ArrayList<>(attempts);
        Collections.shuffle(shuffled);
        CyclicBarrier start = new CyclicBarrier(shuffled.size());
        ExecutorService pool = Executors.newFixedThreadPool(shuffled.size());
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (User buyer : shuffled) {
                answers.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return api.post("/api/orders", buyer, live.roomOrder(live.skuId, 1));
                }));
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get(300, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    private static User owner(Api.Response order, List<User> buyers) {
        String buyerId = order.text("buyerId");
        return buyers.stream().filter(b -> b.id().equals(buyerId)).findFirst().orElseThrow();
    }

    @Test
    void theSalePriceAppliesOnlyInItsWindowAndInItsSession() {
        LiveFixture live = new LiveFixture(api, true);
        User buyer = live.buyer("成都");
        String saleId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, sale(live, 10, 5)), 201).id();
        assertThat(api.get("/api/flash-sales/" + saleId, null).body().path("status").asString()).isEqualTo("SCHEDULED");

        var duringCountdown = require(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 1)), 201);
        assertThat(duringCountdown.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(LiveFixture.LIVE_PRICE);

        clock.advance(Duration.ofSeconds(10));
        assertThat(api.get("/api/flash-sales/" + saleId, null).body().path("status").asString()).isEqualTo("RUNNING");
        var outsideTheRoom = require(api.post("/api/orders", buyer, Map.of("lines", List.of(Map.of("skuId", live.skuId, "quantity", 1)))), 201);
        assertThat(outsideTheRoom.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(LiveFixture.PRICE);
        var otherSku = require(api.post("/api/orders", buyer, live.roomOrder(live.secondSkuId, 1)), 201);
        JsonNode otherLine = otherSku.body().path("lines").get(0);
        assertThat(otherLine.path("unitPrice").asLong()).as("another SKU of the item").isEqualTo(otherLine.path("listPrice").asLong());
        var inTheWindow = require(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 2)), 201);
        assertThat(inTheWindow.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(FLASH_PRICE);
        assertThat(inTheWindow.body().path("total").asLong()).isEqualTo(2 * FLASH_PRICE);
        var withoutTheItem = require(api.post("/api/orders", buyer, Map.of("liveSessionId", live.sessionId,
                "lines", List.of(Map.of("skuId", live.skuId, "quantity", 1)))), 201);
        assertThat(withoutTheItem.body().path("lines").get(0).path("unitPrice").asLong()).as("the shelf item found from the product")
                .isEqualTo(FLASH_PRICE);
        var overTheLimit = api.post("/api/orders", buyer, live.roomOrder(live.skuId, 3));
        assertThat(overTheLimit.status()).isEqualTo(409);
        assertThat(overTheLimit.text("type")).isEqualTo("urn:laotie:problem:limit-exceeded");
        assertThat(api.get("/api/flash-sales/" + saleId, null).body().path("remaining").asInt()).as("a refused order holds nothing").isEqualTo(7);
        assertThat(api.delete("/api/live-sessions/" + live.sessionId + "/shelf-items/" + live.shelfItemId, live.creator).status())
                .as("an item on sale stays on the shelf").isEqualTo(409);

        require(api.post("/api/flash-sales/" + saleId + "/end", live.creator, null), 200);
        var afterTheEnd = require(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 1)), 201);
        assertThat(afterTheEnd.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(LiveFixture.LIVE_PRICE);
        JsonNode ended = api.get("/api/flash-sales/" + saleId, null).body();
        assertThat(ended.path("endReason").asString()).isEqualTo("ENDED_EARLY");
        assertThat(ended.path("sold").asInt()).isEqualTo(3);
        // held: the countdown order, the one outside the room, the two flash orders and the one after the end; the rest is free
        assertThat(level(live).reserved()).isEqualTo(1 + 1 + 2 + 1 + 1);
    }

    @Test
    void onlyTheSessionsCreatorStartsASaleOfGoodsInStockAndBadInputChangesNothing() {
        LiveFixture live = new LiveFixture(api, true);
        String path = "/api/live-sessions/" + live.sessionId + "/flash-sales";
        Map<String, Object> good = sale(live, 10, 2);
        StockLevel before = level(live);

        assertThat(api.post(path, null, good).status()).isEqualTo(401);
        assertThat(api.post(path, api.user("stranger"), good).status()).isEqualTo(403);
        assertThat(api.post(path, live.creator, with(good, "countdownSeconds", 5)).status()).isEqualTo(400);
        assertThat(api.post(path, live.creator, with(good, "countdownSeconds", 301)).status()).isEqualTo(400);
        assertThat(api.post(path, live.creator, with(good, "durationSeconds", 59)).status()).isEqualTo(400);
        assertThat(api.post(path, live.creator, with(good, "durationSeconds", 1201)).status()).isEqualTo(400);
        assertThat(api.post(path, live.creator, with(good, "quantity", 0)).status()).isEqualTo(400);
        assertThat(api.post(path, live.creator, with(good, "price", 0)).status()).isEqualTo(400);
        var aboveThePrice = api.post(path, live.creator, with(good, "price", LiveFixture.PRICE + 1));
        assertThat(aboveThePrice.status()).isEqualTo(400);
        assertThat(aboveThePrice.body().path("errors").get(0).path("field").asString()).isEqualTo("price");
        assertThat(api.post(path, live.creator, with(good, "perBuyerLimit", 11)).status()).isEqualTo(400);
        assertThat(api.post(path, live.creator, with(good, "shelfItemId", "1")).status()).isEqualTo(422);
        LiveFixture other = new LiveFixture(api, false);
        assertThat(api.post(path, live.creator, with(good, "skuId", other.skuId)).status()).isEqualTo(422);
        var tooMany = api.post(path, live.creator, with(good, "quantity", 51));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.text("type")).isEqualTo("urn:laotie:problem:insufficient-stock");
        assertThat(api.post("/api/live-sessions/" + other.sessionId + "/flash-sales", other.creator, sale(other, 5, 1)).status())
                .as("not live yet").isEqualTo(409);
        assertThat(level(live)).as("nothing was held by a refused sale").isEqualTo(before);
        assertThat(api.get(path, null).body().size()).isZero();

        String saleId = require(api.post(path, live.creator, good), 201).id();
        var second = api.post(path, live.creator, good);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).isEqualTo("urn:laotie:problem:flash-sale-open");
        assertThat(api.post("/api/flash-sales/" + saleId + "/end", api.user("stranger"), null).status()).isEqualTo(403);
        assertThat(api.get(path, null).body().size()).isEqualTo(1);
        assertThat(level(live).reserved()).isEqualTo(before.reserved() + 10);
    }

    @Test
    void theRoomHearsTheCountdownTheStartTheRemainingUnitsSoldOutAndTheEnd() {
        LiveFixture live = new LiveFixture(api, true);
        User buyer = live.buyer("杭州");
        try (RoomClient room = RoomClient.open(port, live.sessionId, null, json)) {
            room.await("hello");
            String saleId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, sale(live, 2, 2)), 201).id();
            JsonNode scheduled = room.await(f -> f.path("type").asString().equals("flash-sale") && f.path("phase").asString().equals("scheduled"));
            assertThat(scheduled.path("id").asString()).isEqualTo(saleId);
            assertThat(scheduled.path("countdownSeconds").asInt()).isEqualTo(10);
            assertThat(scheduled.path("price").asLong()).isEqualTo(FLASH_PRICE);

            clock.advance(Duration.ofSeconds(10));
            flashSales.tick();
            assertThat(room.await(f -> phase(f, "started")).path("remaining").asInt()).isEqualTo(2);
            require(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 2)), 201);
            flashSales.tick();
            room.await(f -> phase(f, "sold-out"));
            require(api.post("/api/flash-sales/" + saleId + "/end", live.creator, null), 200);
            JsonNode ended = room.await(f -> phase(f, "ended"));
            assertThat(ended.path("sold").asInt()).isEqualTo(2);
            assertThat(room.frames("flash-sale").toString()).doesNotContain(buyer.id());
        }
    }

    @Test
    void anUnpaidOrderAfterTheSaleEndedReturnsItsUnitToStockAndEndingTheSessionEndsItsSales() {
        LiveFixture live = new LiveFixture(api, true);
        User buyer = live.buyer("广州");
        String saleId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, sale(live, 10, 3)), 201).id();
        Map<String, Object> second = with(with(sale(live, 5, 1), "skuId", live.secondSkuId), "price", 500);
        String secondId = require(api.post("/api/live-sessions/" + live.sessionId + "/flash-sales", live.creator, second), 201).id();
        clock.advance(Duration.ofSeconds(10));
        require(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 3)), 201);
        require(api.post("/api/live-sessions/" + live.sessionId + "/end", live.creator, null), 200);
        Eventually.until("ending the session ends both its sales", () -> List.of(saleId, secondId).stream().allMatch(id ->
                api.get("/api/flash-sales/" + id, null).body().path("endReason").asString().equals("SESSION_ENDED")));
        assertThat(level(live).reserved()).as("only the unpaid order's units are still held").isEqualTo(3);
        assertThat(inventory.level(Long.parseLong(live.secondSkuId)).reserved()).isZero();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        deadlines.runDue();
        assertThat(level(live).reserved()).isZero();
        assertThat(level(live).stock()).isEqualTo(50);
    }

    private static boolean phase(JsonNode frame, String phase) {
        return frame.path("type").asString().equals("flash-sale") && frame.path("phase").asString().equals(phase);
    }
}
