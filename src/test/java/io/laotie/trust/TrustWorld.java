package io.laotie.trust;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A creator who sells from their own shop in a live session that is on air, and buyers who each have an address of
 * their own (no shared phone or address, so nobody is linked to anybody unless a test links them on purpose).
 */
final class TrustWorld {

    private static final AtomicInteger PHONES = new AtomicInteger();

    final Api api;
    final User creator;
    final String shopId;
    final String productId;
    final String skuId;
    final String sessionId;
    final String shelfItemId;
    static final long PRICE = 2_000;

    TrustWorld(Api api) {
        this.api = api;
        Api.Merchant merchant = api.merchant("trusty");
        this.creator = merchant.user();
        this.shopId = merchant.shopId();
        require(api.post("/api/creators", creator, Map.of("displayName", "主播" + creator.handle(), "bio", "源头好货")), 201);
        JsonNode product = require(api.post("/api/shops/" + shopId + "/products", creator, Api.product(Api.unique("核桃"), PRICE, 500)), 201).body();
        this.productId = product.path("id").asString();
        this.skuId = product.path("skus").get(0).path("id").asString();
        this.sessionId = require(api.post("/api/live-sessions", creator, Map.of("title", "核桃源头直播")), 201).id();
        this.shelfItemId = require(api.post("/api/live-sessions/" + sessionId + "/shelf-items", creator,
                Map.of("productId", productId)), 201).id();
        require(api.post("/api/live-sessions/" + sessionId + "/start", creator, null), 200);
    }

    /** A buyer with an address of their own and ¥1,000 in the wallet. */
    User buyer() {
        User buyer = api.user("fan", "西安");
        int n = PHONES.incrementAndGet();
        require(api.post("/api/me/addresses", buyer, Map.of("recipient", "老铁" + n, "phone", String.format("139%08d", n),
                "region", "陕西省西安市", "detail", "长安路 " + n + " 号 " + buyer.handle(), "isDefault", true)), 201);
        require(api.post("/api/wallet/top-ups", buyer, Map.of("amount", 100_000)), 201);
        return buyer;
    }

    void follow(User viewer, String source) {
        require(api.post("/api/creators/" + creator.id() + "/followers", viewer, Map.of("source", source)), 200, 201);
    }

    void unfollow(User viewer) {
        require(api.delete("/api/creators/" + creator.id() + "/followers/me", viewer), 200, 204);
    }

    void comment(User viewer, String text) {
        require(api.post("/api/live-sessions/" + sessionId + "/comments", viewer, Map.of("text", text)), 201);
    }

    /** A paid order of one unit bought in the room, so attributed to the creator. */
    String bought(User buyer) {
        String id = require(api.post("/api/orders", buyer, Map.of("liveSessionId", sessionId,
                "lines", List.of(Map.of("skuId", skuId, "quantity", 1, "shelfItemId", shelfItemId)))), 201).id();
        require(api.post("/api/orders/" + id + "/payment", buyer, null), 200);
        return id;
    }

    String delivered(User buyer) {
        String id = bought(buyer);
        require(api.post("/api/orders/" + id + "/shipment", creator, Map.of("carrier", "顺丰", "trackingNumber", "SF" + id)), 200);
        require(api.post("/api/orders/" + id + "/receipt", buyer, null), 200);
        return id;
    }

    Api.Response refund(User buyer, String orderId, String kind, long amount, String reason) {
        return require(api.post("/api/orders/" + orderId + "/refund-requests", buyer, Map.of("kind", kind, "amount", amount,
                "reason", reason, "text", "测试", "photoUrls", List.of("https://img.example.com/p.jpg"))), 201);
    }

    JsonNode journey(User viewer) {
        return api.get("/api/creators/" + creator.id() + "/journeys/" + viewer.id(), creator).body();
    }

    static Api.Response require(Api.Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException("expected " + java.util.Arrays.toString(statuses) + " but got " + response.status() + ": " + response.body());
    }
}
