package io.laotie.live;

import io.laotie.support.Api;
import io.laotie.support.Api.User;

import java.util.List;
import java.util.Map;

/**
 * A creator who sells from its own shop: a product with two SKUs on the shelf of a live session, the first SKU at
 * a live price; and a way to make buyers with an address and money.
 */
public final class LiveFixture {

    public final Api api;
    public final User creator;
    public final String shopId;
    public final String productId;
    public final String skuId;
    public final String secondSkuId;
    public final String sessionId;
    public final String shelfItemId;
    public static final long PRICE = 3_990;
    public static final long LIVE_PRICE = 2_990;

    public LiveFixture(Api api, boolean start) {
        this.api = api;
        Api.Merchant merchant = api.merchant("host");
        this.creator = merchant.user();
        this.shopId = merchant.shopId();
        require(api.post("/api/creators", creator, Map.of("displayName", "主播" + creator.handle(), "bio", "富平柿饼，源头直发")), 201);
        var product = api.post("/api/shops/" + shopId + "/products", creator, Api.product(Api.unique("柿饼"), PRICE, 50));
        this.productId = product.id();
        this.skuId = product.body().path("skus").get(0).path("id").asString();
        this.secondSkuId = product.body().path("skus").get(1).path("id").asString();
        this.sessionId = require(api.post("/api/live-sessions", creator, Map.of("title", "富平柿饼源头直播")), 201).id();
        this.shelfItemId = require(api.post("/api/live-sessions/" + sessionId + "/shelf-items", creator, Map.of("productId", productId,
                "livePrices", List.of(Map.of("skuId", skuId, "price", LIVE_PRICE)))), 201).id();
        if (start) {
            require(api.post("/api/live-sessions/" + sessionId + "/start", creator, null), 200);
        }
    }

    /** A viewer with a default address and ¥1,000 in the wallet. */
    public User buyer(String city) {
        User buyer = api.user("viewer", city);
        require(api.post("/api/me/addresses", buyer, Map.of("recipient", "老铁", "phone", "13800000000",
                "region", city + "市", "detail", "人民路 1 号", "isDefault", true)), 201);
        require(api.post("/api/wallet/top-ups", buyer, Map.of("amount", 100_000)), 201);
        return buyer;
    }

    public Map<String, Object> roomOrder(String sku, int quantity) {
        return Map.of("liveSessionId", sessionId, "lines", List.of(Map.of("skuId", sku, "quantity", quantity, "shelfItemId", shelfItemId)));
    }

    public static Api.Response require(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.body());
        }
        return response;
    }
}
