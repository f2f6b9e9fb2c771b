package io.laotie.web;

import io.laotie.support.Api;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets up live rooms the way a creator would, through the API: a merchant becomes a creator, lists a product in their
 * shop, creates a session, puts the product on the shelf with a live price for its first SKU and goes live.
 */
final class LiveStage {

    static final long PRICE = 3_990;
    static final long LIVE_PRICE = 2_990;
    static final long REFERENCE_PRICE = 6_800;

    /** A creator's room: who hosts it, and the shelf item with its first SKU at the live price. */
    record Room(Api.User creator, String creatorName, String shopId, String sessionId, String title, String productId,
                String productTitle, String skuId, String itemId) {
    }

    private final Api api;

    LiveStage(Api api) {
        this.api = api;
    }

    /** A creator of their own (with shop and product) and a live session with the product on the shelf. */
    Room live(String title) {
        Room room = scheduled(title, null);
        expect(api.post("/api/live-sessions/" + room.sessionId() + "/start", room.creator(), null), 200);
        return room;
    }

    /** As {@link #live}, but not started: planned for {@code at}, or for now. */
    Room scheduled(String title, OffsetDateTime at) {
        Api.Merchant merchant = api.merchant("creator");
        String creatorName = "老王 " + merchant.user().handle();
        expect(api.post("/api/creators", merchant.user(), Map.of("displayName", creatorName, "bio", "三代种柿子，霜降后开晒")), 201);
        return session(merchant, creatorName, title, at);
    }

    /** Another session of the same creator, selling another product of the same shop. */
    Room another(Room of, String title, OffsetDateTime at) {
        return session(new Api.Merchant(of.creator(), of.shopId()), of.creatorName(), title, at);
    }

    private Room session(Api.Merchant merchant, String creatorName, String title, OffsetDateTime at) {
        String productTitle = "直播柿饼 " + Api.unique("p");
        Map<String, Object> product = Api.product(productTitle, PRICE, 50);
        product.put("referencePrice", REFERENCE_PRICE);
        Api.Response listed = expect(api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), product), 201);
        String skuId = listed.body().path("skus").path(0).path("id").asString();
        Map<String, Object> newSession = new HashMap<>(Map.of("title", title));
        if (at != null) {
            newSession.put("scheduledAt", at.toString());
        }
        String sessionId = expect(api.post("/api/live-sessions", merchant.user(), newSession), 201).id();
        String itemId = expect(api.post("/api/live-sessions/" + sessionId + "/shelf-items", merchant.user(),
                Map.of("productId", listed.id(), "livePrices", List.of(Map.of("skuId", skuId, "price", LIVE_PRICE)))), 201).id();
        return new Room(merchant.user(), creatorName, merchant.shopId(), sessionId, title, listed.id(), productTitle, skuId, itemId);
    }

    /** A buyer in {@code city}, with an address when asked and {@code fen} in the wallet. */
    Api.User buyer(String city, boolean withAddress, long fen) {
        Api.User buyer = api.user("viewer", city);
        if (withAddress) {
            address(buyer);
        }
        if (fen > 0) {
            expect(api.post("/api/wallet/top-ups", buyer, Map.of("amount", fen)), 201);
        }
        return buyer;
    }

    void address(Api.User buyer) {
        expect(api.post("/api/me/addresses", buyer, Map.of("recipient", "老铁", "phone", "13800138000",
                "region", "四川省成都市武侯区", "detail", "天府大道 1 号")), 201);
    }

    static Api.Response expect(Api.Response response, int status) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        return response;
    }
}
