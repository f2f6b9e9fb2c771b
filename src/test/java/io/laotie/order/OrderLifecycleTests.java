package io.laotie.order;

import io.laotie.inventory.Inventory;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import io.laotie.platform.PlatformClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class OrderLifecycleTests {

    @Autowired Api api;
    @Autowired Inventory inventory;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformClock clock;
    @Autowired OrderDeadlines deadlines;

    OrderFixture shop;

    @BeforeEach
    void shop() {
        shop = new OrderFixture(api, 3990, 20, true);
    }

    private long sku() {
        return Long.parseLong(shop.skuId);
    }

    @Test
    void placesAnOrderWithTheAddressCopiedAndStockReserved() {
        User buyer = shop.buyer(0);
        var placed = shop.place(buyer, 3);
        assertThat(placed.status()).isEqualTo(201);
        JsonNode order = placed.body();
        assertThat(order.path("id").isString()).isTrue();
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("total").asLong()).isEqualTo(3 * 3990);
        assertThat(order.path("currency").asString()).isEqualTo("CNY");
        assertThat(order.path("lines").get(0).path("id").isString()).isTrue();
        assertThat(order.path("lines").get(0).path("skuId").asString()).isEqualTo(shop.skuId);
        assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(order.path("lines").get(0).path("unitPrice").asLong()).isEqualTo(3990);
        assertThat(order.path("address").path("region").asString()).isEqualTo("河南省洛阳市");
        assertThat(order.has("creatorId")).as("nothing attributes this sale to a creator").isFalse();
        assertThat(order.path("timeline").get(0).path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(inventory.level(sku()).reserved()).isEqualTo(3);
        assertThat(jdbc.sql("select client_ip from orders where id = ?").param(Long.parseLong(placed.id())).query(String.class).single())
                .isNotBlank();
    }

    @Test
    void refusesBadOrdersWithAProblemAndReservesNothing() {
        User buyer = shop.buyer(0);
        User homeless = api.user("homeless");
        var otherShop = new OrderFixture(api, 100, 5, false);
        Object[][] cases = {
                {400, Map.of("lines", List.of())},
                {400, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 0)))},
                {400, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", -1)))},
                {400, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 1000)))},
                {400, Map.of("lines", List.of(Map.of("skuId", shop.skuId)))},
                {400, Map.of("lines", List.of(Map.of("skuId", "abc", "quantity", 1)))},
                {400, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 1), Map.of("skuId", shop.skuId, "quantity", 2)))},
                {422, Map.of("lines", List.of(Map.of("skuId", "123456", "quantity", 1)))},
                {422, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 1), Map.of("skuId", otherShop.skuId, "quantity", 1)))},
                {422, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 1)), "addressId", "99999")},
                {422, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 1)), "liveSessionId", "12345")},
                {409, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 21)))},
        };
        for (Object[] bad : cases) {
            var answer = api.post("/api/orders", buyer, bad[1]);
            assertThat(answer.status()).as("%s", bad[1]).isEqualTo(bad[0]);
            assertThat(answer.text("type")).startsWith("urn:laotie:problem:");
        }
        var noAddress = api.post("/api/orders", homeless, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 1))));
        assertThat(noAddress.status()).isEqualTo(422);
        assertThat(noAddress.text("type")).isEqualTo("urn:laotie:problem:validation");
        assertThat(noAddress.body().path("errors").get(0).path("field").asString()).isEqualTo("addressId");
        assertThat(api.postRaw("/api/orders", buyer, "{\"lines\": [").status()).isEqualTo(400);
        assertThat(api.post("/api/orders", null, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 1)))).status()).isEqualTo(401);

        assertThat(inventory.level(sku()).reserved()).isZero();
        assertThat(jdbc.sql("select count(*) from orders where buyer_id in (?, ?)")
                .params(Long.parseLong(buyer.id()), Long.parseLong(homeless.id())).query(Long.class).single()).isZero();
    }

    @Test
    void payingMovesMoneyToEscrowOnceAndTakesTheUnitsOutOfStock() {
        User buyer = shop.buyer(100);
        String id = shop.placed(buyer, 2);
        var paid = api.post("/api/orders/" + id + "/payment", buyer, null);
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("PAID");
        assertThat(shop.wallet(buyer)).isEqualTo(10_000 - 2 * 3990);
        assertThat(inventory.level(sku()).stock()).isEqualTo(18);
        assertThat(inventory.level(sku()).reserved()).isZero();

        var again = api.post("/api/orders/" + id + "/payment", buyer, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("PAID");
        assertThat(shop.wallet(buyer)).as("paying twice charges once").isEqualTo(10_000 - 2 * 3990);
    }

    @Test
    void aShortWalletRefusesPaymentAndChangesNothing() {
        User buyer = shop.buyer(10);
        String id = shop.placed(buyer, 1);
        var refused = api.post("/api/orders/" + id + "/payment", buyer, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:laotie:problem:insufficient-balance");
        assertThat(shop.order(id, buyer).path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(shop.wallet(buyer)).isEqualTo(1000);
        assertThat(inventory.level(sku()).reserved()).isEqualTo(1);
    }

    @Test
    void theBuyerCancelsBeforePayingButNotAfter() {
        User buyer = shop.buyer(100);
        String pending = shop.placed(buyer, 2);
        var cancelled = api.post("/api/orders/" + pending + "/cancellation", buyer, Map.of("note", "买错了"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelledBy")).isEqualTo("BUYER");
        assertThat(cancelled.text("cancelReason")).isEqualTo("BUYER_CHANGED_MIND");
        assertThat(inventory.level(sku()).reserved()).isZero();
        assertThat(api.post("/api/orders/" + pending + "/payment", buyer, null).status()).isEqualTo(409);

        String paid = shop.paid(buyer, 1);
        assertThat(api.post("/api/orders/" + paid + "/cancellation", buyer, null).status()).isEqualTo(409);
        assertThat(shop.order(paid, buyer).path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void anUnpaidOrderIsCancelledWhenThePaymentTimeoutPasses() {
        User buyer = shop.buyer(100);
        String id = shop.placed(buyer, 4);
        clock.advance(Duration.ofMinutes(14));
        deadlines.runDue();
        assertThat(shop.order(id, buyer).path("status").asString()).isEqualTo("PENDING_PAYMENT");
        clock.advance(Duration.ofMinutes(2));
        deadlines.runDue();
        JsonNode order = shop.order(id, buyer);
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("cancelledBy").asString()).isEqualTo("SYSTEM");
        assertThat(order.path("cancelReason").asString()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(inventory.level(sku()).reserved()).isZero();
        assertThat(api.post("/api/orders/" + id + "/payment", buyer, null).status()).isEqualTo(409);
        assertThat(shop.wallet(buyer)).isEqualTo(10_000);
    }

    @Test
    void shippedReceivedAndCompletedAfterTheWindowThenSettled() {
        User buyer = shop.buyer(100);
        String id = shop.paid(buyer, 1);
        assertThat(api.post("/api/orders/" + id + "/shipment", buyer, Map.of("carrier", "顺丰", "trackingNumber", "SF1")).status()).isEqualTo(403);
        assertThat(api.post("/api/orders/" + id + "/shipment", shop.merchant.user(), Map.of("carrier", "", "trackingNumber", "SF1")).status()).isEqualTo(400);
        var shipped = api.post("/api/orders/" + id + "/shipment", shop.merchant.user(), Map.of("carrier", "顺丰", "trackingNumber", "SF1"));
        assertThat(shipped.text("status")).isEqualTo("SHIPPED");
        assertThat(shipped.text("trackingNumber")).isEqualTo("SF1");
        assertThat(api.post("/api/orders/" + id + "/receipt", shop.merchant.user(), null).status()).isEqualTo(403);
        assertThat(api.post("/api/orders/" + id + "/receipt", buyer, null).text("status")).isEqualTo("DELIVERED");
        assertThat(api.post("/api/orders/" + id + "/receipt", buyer, null).status()).isEqualTo(409);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        deadlines.runDue();
        JsonNode order = shop.order(id, buyer);
        assertThat(order.path("status").asString()).isEqualTo("COMPLETED");
        List<String> statuses = new java.util.ArrayList<>();
        order.path("timeline").forEach(t -> statuses.add(t.path("status").asString()));
        assertThat(statuses).containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "COMPLETED");
    }

    @Test
    void aShippedOrderIsReceivedAutomaticallyAfterTenDays() {
        User buyer = shop.buyer(100);
        String id = shop.shipped(buyer, 1);
        clock.advance(Duration.ofDays(10).plusSeconds(5));
        deadlines.runDue();
        JsonNode order = shop.order(id, buyer);
        assertThat(order.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(order.path("timeline").get(3).path("actor").asString()).isEqualTo("SYSTEM");
    }

    @Test
    void theMerchantCancelsAPaidOrderForBeingOutOfStockWithAFullRefund() {
        User buyer = shop.buyer(100);
        String id = shop.paid(buyer, 2);
        var cancelled = api.post("/api/orders/" + id + "/cancellation", shop.merchant.user(), Map.of("note", "库存盘点有误"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelledBy")).isEqualTo("MERCHANT");
        assertThat(cancelled.text("cancelReason")).isEqualTo("OUT_OF_STOCK");
        assertThat(cancelled.body().path("refunded").asLong()).isEqualTo(2 * 3990);
        assertThat(shop.wallet(buyer)).isEqualTo(10_000);
        assertThat(inventory.level(sku()).stock()).isEqualTo(20);
    }

    @Test
    void nobodyElseReadsOrChangesAnOrder() {
        User buyer = shop.buyer(100);
        User stranger = shop.buyer(100);
        var otherMerchant = api.merchant("stranger");
        String id = shop.placed(buyer, 1);
        assertThat(api.get("/api/orders/" + id, buyer).status()).isEqualTo(200);
        assertThat(api.get("/api/orders/" + id, shop.merchant.user()).status()).isEqualTo(200);
        assertThat(api.get("/api/orders/" + id, api.operator()).status()).isEqualTo(200);
        assertThat(api.get("/api/orders/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/orders/" + id, otherMerchant.user()).status()).isEqualTo(404);
        assertThat(api.get("/api/orders/" + id, null).status()).isEqualTo(401);
        assertThat(api.post("/api/orders/" + id + "/payment", stranger, null).status()).isEqualTo(404);
        assertThat(api.post("/api/orders/" + id + "/payment", shop.merchant.user(), null).status()).isEqualTo(403);
        assertThat(api.post("/api/orders/" + id + "/cancellation", stranger, null).status()).isEqualTo(404);
        assertThat(shop.wallet(stranger)).isEqualTo(10_000);
        assertThat(shop.order(id, buyer).path("status").asString()).isEqualTo("PENDING_PAYMENT");

        var mine = api.get("/api/orders?as=BUYER", buyer).body();
        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/orders?as=BUYER", stranger).body().path("total").asLong()).isZero();
        var sold = api.get("/api/orders?as=MERCHANT&status=PENDING_PAYMENT", shop.merchant.user()).body();
        assertThat(sold.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/orders?as=MERCHANT", otherMerchant.user()).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/orders?as=SOMEONE", buyer).status()).isEqualTo(400);
    }
}
