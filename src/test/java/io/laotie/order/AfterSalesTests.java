package io.laotie.order;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.inventory.Inventory;
import io.laotie.platform.PageRequest;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import io.laotie.platform.PlatformClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.laotie.order.OrderFixture.refund;
import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class AfterSalesTests {

    static final List<String> PHOTO = List.of("https://img.example.com/broken.jpg");

    @Autowired Api api;
    @Autowired Inventory inventory;
    @Autowired PlatformClock clock;
    @Autowired OrderDeadlines deadlines;
    @Autowired AfterSales afterSales;
    @Autowired Accounts accounts;

    OrderFixture shop;
    User buyer;

    @BeforeEach
    void world() {
        shop = new OrderFixture(api, 5000, 30, true);
        buyer = shop.buyer(1000);
    }

    private Api.Response ask(String orderId, Map<String, Object> request) {
        return api.post("/api/orders/" + orderId + "/refund-requests", buyer, request);
    }

    @Test
    void refundOnlyBeforeShipmentIsApprovedAndPaidAtOnce() {
        String id = shop.paid(buyer, 2);
        var refund = ask(id, refund("REFUND_ONLY", 10_000, "NO_REASON", null));
        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.text("status")).isEqualTo("REFUNDED");
        assertThat(refund.text("stage")).isEqualTo("BEFORE_SHIPMENT");
        JsonNode order = shop.order(id, buyer);
        assertThat(order.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.path("afterSales").get(0).path("status").asString()).isEqualTo("REFUNDED");
        assertThat(shop.wallet(buyer)).isEqualTo(100_000);
        assertThat(inventory.level(Long.parseLong(shop.skuId)).stock()).as("unshipped goods go back on sale").isEqualTo(30);
    }

    @Test
    void aPartialRefundBeforeShipmentLeavesThePaidOrderToShip() {
        String id = shop.paid(buyer, 2);
        assertThat(ask(id, refund("REFUND_ONLY", 1_500, "OTHER", null)).text("status")).isEqualTo("REFUNDED");
        JsonNode order = shop.order(id, buyer);
        assertThat(order.path("status").asString()).isEqualTo("PAID");
        assertThat(order.path("refunded").asLong()).isEqualTo(1_500);
        assertThat(shop.wallet(buyer)).isEqualTo(100_000 - 10_000 + 1_500);
        var tooMuch = ask(id, refund("REFUND_ONLY", 8_501, "OTHER", null));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body().path("errors").get(0).path("field").asString()).isEqualTo("amount");
    }

    @Test
    void aReturnGoesBackAndTheRefundFollowsTheMerchantsConfirmation() {
        String id = shop.delivered(buyer, 2);
        var request = ask(id, refund("RETURN_AND_REFUND", 10_000, "NO_REASON", null));
        assertThat(request.status()).isEqualTo(201);
        assertThat(request.text("status")).isEqualTo("REQUESTED");
        String refundId = request.id();
        assertThat(api.post("/api/refund-requests/" + refundId + "/approval", buyer, null).status()).isEqualTo(403);
        assertThat(api.post("/api/refund-requests/" + refundId + "/approval", shop.merchant.user(), null).text("status")).isEqualTo("AWAITING_RETURN");
        assertThat(api.post("/api/refund-requests/" + refundId + "/return-receipt", shop.merchant.user(), null).status()).isEqualTo(409);
        var shipped = api.post("/api/refund-requests/" + refundId + "/return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT9"));
        assertThat(shipped.text("status")).isEqualTo("RETURN_SHIPPED");
        var received = api.post("/api/refund-requests/" + refundId + "/return-receipt", shop.merchant.user(), null);
        assertThat(received.text("status")).isEqualTo("REFUNDED");
        assertThat(shop.order(id, buyer).path("status").asString()).isEqualTo("REFUNDED");
        assertThat(shop.wallet(buyer)).isEqualTo(100_000);
        assertThat(inventory.level(Long.parseLong(shop.skuId)).stock()).isEqualTo(30);
    }

    @Test
    void aMerchantListsTheRequestsOnItsOwnOrdersInTheAskedStatusesOldestFirst() {
        String first = shop.delivered(buyer, 1);
        String second = shop.delivered(buyer, 1);
        long firstRequest = Long.parseLong(ask(first, refund("RETURN_AND_REFUND", 5_000, "QUALITY", PHOTO)).id());
        long secondRequest = Long.parseLong(ask(second, refund("RETURN_AND_REFUND", 5_000, "QUALITY", PHOTO)).id());
        assertThat(api.post("/api/refund-requests/" + secondRequest + "/rejection", shop.merchant.user(), Map.of("reason", "完好")).status())
                .isEqualTo(200);
        Caller merchant = callerOf(shop.merchant.user());
        PageRequest page = new PageRequest(0, 10);

        var waiting = afterSales.ofMerchant(merchant, List.of(RefundStatus.REQUESTED, RefundStatus.RETURN_SHIPPED), page);
        assertThat(waiting.items()).extracting(RefundView::id).containsExactly(firstRequest);
        assertThat(waiting.total()).isEqualTo(1);
        assertThat(afterSales.ofMerchant(merchant, List.of(RefundStatus.REJECTED, RefundStatus.REQUESTED), page).items())
                .extracting(RefundView::id).containsExactly(firstRequest, secondRequest);
        assertThat(afterSales.ofMerchant(merchant, List.of(), page).items()).isEmpty();

        OrderFixture otherShop = new OrderFixture(api, 5000, 30, true);
        assertThat(afterSales.ofMerchant(callerOf(otherShop.merchant.user()), List.of(RefundStatus.values()), page).total()).isZero();
        assertThat(afterSales.ofMerchant(callerOf(buyer), List.of(RefundStatus.values()), page).total())
                .as("the buyer's own requests are not theirs to answer").isZero();
    }

    private Caller callerOf(User user) {
        return accounts.callerOf(Long.parseLong(user.id())).orElseThrow();
    }

    @Test
    void noReasonReturnOnlyWhereTheProductAllowsIt() {
        var fresh = new OrderFixture(api, 5000, 10, false);
        User freshBuyer = fresh.buyer(100);
        String id = fresh.delivered(freshBuyer, 1);
        var refused = api.post("/api/orders/" + id + "/refund-requests", freshBuyer, refund("RETURN_AND_REFUND", 5_000, "NO_REASON", null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(fresh.order(id, freshBuyer).path("afterSales").size()).isZero();
    }

    @Test
    void refundOnlyAfterDeliveryNeedsAGoodsProblemWithPhotosAndIsApprovedWhenTheMerchantIsSilent() {
        String id = shop.delivered(buyer, 1);
        assertThat(ask(id, refund("REFUND_ONLY", 5_000, "NO_REASON", PHOTO)).status()).isEqualTo(422);
        assertThat(ask(id, refund("REFUND_ONLY", 5_000, "DAMAGED_OR_SPOILED", null)).status()).isEqualTo(422);
        var request = ask(id, refund("REFUND_ONLY", 2_000, "DAMAGED_OR_SPOILED", PHOTO));
        assertThat(request.text("status")).isEqualTo("REQUESTED");
        assertThat(request.body().path("photoUrls").get(0).asString()).isEqualTo(PHOTO.getFirst());
        assertThat(ask(id, refund("REFUND_ONLY", 1_000, "QUALITY", PHOTO)).status()).as("one open request at a time").isEqualTo(409);

        clock.advance(Duration.ofHours(47));
        deadlines.runDue();
        assertThat(api.get("/api/refund-requests/" + request.id(), buyer).text("status")).isEqualTo("REQUESTED");
        clock.advance(Duration.ofHours(1).plusSeconds(5));
        deadlines.runDue();
        assertThat(api.get("/api/refund-requests/" + request.id(), buyer).text("status")).isEqualTo("REFUNDED");
        JsonNode order = shop.order(id, buyer);
        assertThat(order.path("status").asString()).as("a partial refund leaves the order to complete").isEqualTo("DELIVERED");
        assertThat(order.path("refunded").asLong()).isEqualTo(2_000);
        assertThat(shop.wallet(buyer)).isEqualTo(100_000 - 5_000 + 2_000);
    }

    @Test
    void aRejectionEscalatedToArbitrationEndsAsTheOperatorRules() {
        String id = shop.delivered(buyer, 2);
        String refundId = ask(id, refund("REFUND_ONLY", 6_000, "NOT_AS_DESCRIBED", PHOTO)).id();
        assertThat(api.post("/api/refund-requests/" + refundId + "/rejection", shop.merchant.user(), Map.of("reason", "")).status()).isEqualTo(400);
        var rejected = api.post("/api/refund-requests/" + refundId + "/rejection", shop.merchant.user(), Map.of("reason", "与描述一致"));
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("merchantReason")).isEqualTo("与描述一致");
        assertThat(api.post("/api/refund-requests/" + refundId + "/escalation", shop.merchant.user(), null).status()).isEqualTo(403);
        assertThat(api.post("/api/refund-requests/" + refundId + "/escalation", buyer, null).text("status")).isEqualTo("ESCALATED");

        User operator = api.operator();
        var queue = api.get("/api/operator/refund-requests?status=ESCALATED&size=100", operator).body();
        boolean queued = false;
        for (JsonNode item : queue.path("items")) {
            queued |= item.path("id").asString().equals(refundId);
        }
        assertThat(queued).isTrue();
        assertThat(api.get("/api/operator/refund-requests", buyer).status()).isEqualTo(403);
        Map<String, Object> split = Map.of("outcome", "SPLIT", "amount", 2_500, "fault", "MERCHANT", "counterfeit", false);
        assertThat(api.post("/api/refund-requests/" + refundId + "/arbitration", buyer, split).status()).isEqualTo(403);
        assertThat(api.post("/api/refund-requests/" + refundId + "/arbitration", operator,
                Map.of("outcome", "SPLIT", "amount", 6_000, "fault", "MERCHANT", "counterfeit", false)).status()).isEqualTo(400);
        var ruled = api.post("/api/refund-requests/" + refundId + "/arbitration", operator, split);
        assertThat(ruled.status()).isEqualTo(200);
        assertThat(ruled.text("status")).isEqualTo("REFUNDED");
        assertThat(ruled.body().path("ruling").path("outcome").asString()).isEqualTo("SPLIT");
        assertThat(ruled.body().path("ruling").path("fault").asString()).isEqualTo("MERCHANT");
        assertThat(shop.wallet(buyer)).isEqualTo(100_000 - 10_000 + 2_500);
        assertThat(api.post("/api/refund-requests/" + refundId + "/arbitration", operator, split).status()).isEqualTo(409);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        deadlines.runDue();
        JsonNode order = shop.order(id, buyer);
        assertThat(order.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(order.path("refunded").asLong()).isEqualTo(2_500);
    }

    @Test
    void aRulingForTheMerchantClosesTheRequestWithoutMoney() {
        String id = shop.delivered(buyer, 1);
        String refundId = ask(id, refund("RETURN_AND_REFUND", 5_000, "QUALITY", PHOTO)).id();
        api.post("/api/refund-requests/" + refundId + "/rejection", shop.merchant.user(), Map.of("reason", "质量没问题"));
        api.post("/api/refund-requests/" + refundId + "/escalation", buyer, null);
        var ruled = api.post("/api/refund-requests/" + refundId + "/arbitration", api.operator(),
                Map.of("outcome", "MERCHANT", "fault", "NONE", "counterfeit", false));
        assertThat(ruled.text("status")).isEqualTo("CLOSED");
        assertThat(shop.wallet(buyer)).isEqualTo(100_000 - 5_000);
    }

    @Test
    void anUnconfirmedReturnIsAcceptedAfterTheDeadline() {
        String id = shop.delivered(buyer, 1);
        String refundId = ask(id, refund("RETURN_AND_REFUND", 5_000, "QUALITY", PHOTO)).id();
        api.post("/api/refund-requests/" + refundId + "/approval", shop.merchant.user(), null);
        api.post("/api/refund-requests/" + refundId + "/return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT1"));
        clock.advance(Duration.ofDays(7).plusSeconds(5));
        deadlines.runDue();
        assertThat(api.get("/api/refund-requests/" + refundId, buyer).text("status")).isEqualTo("REFUNDED");
        assertThat(shop.order(id, buyer).path("status").asString()).isEqualTo("REFUNDED");
    }

    @Test
    void anOpenRequestHoldsCompletionUntilItEnds() {
        String id = shop.delivered(buyer, 1);
        String refundId = ask(id, refund("RETURN_AND_REFUND", 5_000, "QUALITY", PHOTO)).id();
        api.post("/api/refund-requests/" + refundId + "/approval", shop.merchant.user(), null);
        clock.advance(Duration.ofDays(8));
        deadlines.runDue();
        assertThat(shop.order(id, buyer).path("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void badRequestsAndOutsidersChangeNothing() {
        String pending = shop.placed(buyer, 1);
        assertThat(ask(pending, refund("REFUND_ONLY", 100, "OTHER", null)).status()).as("unpaid").isEqualTo(409);
        String paid = shop.paid(buyer, 1);
        assertThat(ask(paid, refund("RETURN_AND_REFUND", 100, "OTHER", null)).status()).as("nothing shipped to return").isEqualTo(422);
        for (var bad : new Object[][]{{"kind", "SOMETHING"}, {"amount", 0}, {"amount", -5}, {"reason", "BORED"}, {"text", null},
                {"text", "t".repeat(1001)}, {"photoUrls", List.of("file:///etc/passwd")}, {"amount", "many"}}) {
            var body = refund("REFUND_ONLY", 100, "OTHER", null);
            body.put((String) bad[0], bad[1]);
            assertThat(ask(paid, body).status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
        }
        User stranger = shop.buyer(0);
        assertThat(api.post("/api/orders/" + paid + "/refund-requests", stranger, refund("REFUND_ONLY", 100, "OTHER", null)).status()).isEqualTo(404);
        assertThat(api.post("/api/orders/" + paid + "/refund-requests", shop.merchant.user(), refund("REFUND_ONLY", 100, "OTHER", null)).status()).isEqualTo(403);
        assertThat(api.post("/api/orders/" + paid + "/refund-requests", null, refund("REFUND_ONLY", 100, "OTHER", null)).status()).isEqualTo(401);
        assertThat(shop.order(paid, buyer).path("afterSales").size()).isZero();
        assertThat(shop.order(paid, buyer).path("refunded").asLong()).isZero();

        String delivered = shop.delivered(buyer, 1);
        String refundId = ask(delivered, refund("REFUND_ONLY", 100, "QUALITY", PHOTO)).id();
        assertThat(api.get("/api/refund-requests/" + refundId, stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/refund-requests/" + refundId + "/approval", stranger, null).status()).isEqualTo(404);
        assertThat(api.post("/api/refund-requests/" + refundId + "/approval", null, null).status()).isEqualTo(401);
        assertThat(api.get("/api/refund-requests/" + refundId, buyer).text("status")).isEqualTo("REQUESTED");
    }
}
