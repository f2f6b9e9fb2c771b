package io.laotie.order;

import io.laotie.support.Api;
import io.laotie.support.Api.Merchant;
import io.laotie.support.Api.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A shop with a product, and buyers with an address and money in their wallets: what most order tests stand on. */
public final class OrderFixture {

    public final Api api;
    public final Merchant merchant;
    public final String productId;
    public final String skuId;
    public final long price;

    public OrderFixture(Api api, long price, long stock, boolean noReasonReturn) {
        this.api = api;
        this.price = price;
        this.merchant = api.merchant("seller");
        var product = Api.product("订单测试", price, stock);
        product.put("noReasonReturn", noReasonReturn);
        JsonNode created = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), product).body();
        this.productId = created.path("id").asString();
        this.skuId = created.path("skus").get(0).path("id").asString();
    }

    /** A buyer with a default address and {@code yuan} yuan in the wallet. */
    public User buyer(long yuan) {
        User buyer = api.user("buyer", "洛阳");
        api.post("/api/me/addresses", buyer, Map.of("recipient", "王姐", "phone", "13800138000", "region", "河南省洛阳市", "detail", "中州路 26号"));
        if (yuan > 0) {
            var topUp = api.post("/api/wallet/top-ups", buyer, Map.of("amount", yuan * 100));
            if (topUp.status() != 201) {
                throw new IllegalStateException("top-up failed: " + topUp.body());
            }
        }
        return buyer;
    }

    public Api.Response place(User buyer, int quantity) {
        return api.post("/api/orders", buyer, Map.of("lines", List.of(Map.of("skuId", skuId, "quantity", quantity))));
    }

    public String placed(User buyer, int quantity) {
        var placed = place(buyer, quantity);
        if (placed.status() != 201) {
            throw new IllegalStateException("placing failed: " + placed.body());
        }
        return placed.id();
    }

    public String paid(User buyer, int quantity) {
        String id = placed(buyer, quantity);
        var paid = api.post("/api/orders/" + id + "/payment", buyer, null);
        if (paid.status() != 200) {
            throw new IllegalStateException("paying failed: " + paid.body());
        }
        return id;
    }

    public String shipped(User buyer, int quantity) {
        String id = paid(buyer, quantity);
        var shipped = api.post("/api/orders/" + id + "/shipment", merchant.user(), Map.of("carrier", "顺丰", "trackingNumber", "SF1234567890"));
        if (shipped.status() != 200) {
            throw new IllegalStateException("shipping failed: " + shipped.body());
        }
        return id;
    }

    public String delivered(User buyer, int quantity) {
        String id = shipped(buyer, quantity);
        var received = api.post("/api/orders/" + id + "/receipt", buyer, null);
        if (received.status() != 200) {
            throw new IllegalStateException("receipt failed: " + received.body());
        }
        return id;
    }

    public JsonNode order(String id, User as) {
        return api.get("/api/orders/" + id, as).body();
    }

    public long wallet(User user) {
        return api.get("/api/wallet", user).body().path("balance").asLong();
    }

    public static Map<String, Object> refund(String kind, long amount, String reason, @Nullable List<String> photos) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "amount", amount, "reason", reason, "text", "见照片"));
        if (photos != null) {
            body.put("photoUrls", photos);
        }
        return body;
    }
}
