package io.laotie.inventory;

import io.laotie.support.Api;
import io.laotie.support.Api.Merchant;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class StockApiTests {

    @Autowired Api api;
    @Autowired Inventory inventory;

    private String skuOf(Merchant merchant, long stock) {
        return api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product("库存测试", 1000, stock))
                .body().path("skus").get(0).path("id").asString();
    }

    @Test
    void theOwnerAdjustsStockBySignedDeltasWithAReason() {
        Merchant merchant = api.merchant("keeper");
        String sku = skuOf(merchant, 10);
        var up = api.post("/api/skus/" + sku + "/stock-adjustments", merchant.user(), Map.of("delta", 5, "reason", "restocked from the orchard"));
        assertThat(up.status()).isEqualTo(201);
        assertThat(up.body().path("stock").asLong()).isEqualTo(15);
        assertThat(up.body().path("reserved").asLong()).isZero();
        var down = api.post("/api/skus/" + sku + "/stock-adjustments", merchant.user(), Map.of("delta", -3, "reason", "damaged in storage"));
        assertThat(down.body().path("stock").asLong()).isEqualTo(12);

        var history = api.get("/api/skus/" + sku + "/stock", merchant.user()).body();
        assertThat(history.path("movements").size()).isEqualTo(3);
        assertThat(history.path("movements").get(0).path("reason").asString()).isEqualTo("damaged in storage");
        assertThat(history.path("movements").get(0).path("delta").asLong()).isEqualTo(-3);
    }

    @Test
    void stockNeverFallsBelowWhatIsReserved() {
        Merchant merchant = api.merchant("reserved");
        String sku = skuOf(merchant, 10);
        inventory.reserve(Long.parseLong(sku), 7, "order:test");
        var tooFar = api.post("/api/skus/" + sku + "/stock-adjustments", merchant.user(), Map.of("delta", -4, "reason", "count"));
        assertThat(tooFar.status()).isEqualTo(409);
        assertThat(tooFar.text("type")).isEqualTo("urn:laotie:problem:insufficient-stock");
        assertThat(inventory.level(Long.parseLong(sku)).stock()).isEqualTo(10);
        var toTheEdge = api.post("/api/skus/" + sku + "/stock-adjustments", merchant.user(), Map.of("delta", -3, "reason", "count"));
        assertThat(toTheEdge.status()).isEqualTo(201);
        assertThat(toTheEdge.body().path("stock").asLong()).isEqualTo(7);
        assertThat(toTheEdge.body().path("reserved").asLong()).isEqualTo(7);
    }

    @Test
    void onlyTheOwnerOrAnOperatorAdjustsStock() {
        Merchant owner = api.merchant("stockowner");
        Merchant other = api.merchant("stockother");
        User buyer = api.user("stockbuyer");
        User operator = api.operator();
        String sku = skuOf(owner, 10);
        Map<String, Object> adjustment = Map.of("delta", 100, "reason", "mine now");
        assertThat(api.post("/api/skus/" + sku + "/stock-adjustments", other.user(), adjustment).status()).isEqualTo(403);
        assertThat(api.post("/api/skus/" + sku + "/stock-adjustments", buyer, adjustment).status()).isEqualTo(403);
        assertThat(api.post("/api/skus/" + sku + "/stock-adjustments", null, adjustment).status()).isEqualTo(401);
        assertThat(api.get("/api/skus/" + sku + "/stock", other.user()).status()).isEqualTo(403);
        assertThat(api.get("/api/skus/" + sku + "/stock", null).status()).isEqualTo(401);
        assertThat(api.post("/api/skus/777777/stock-adjustments", owner.user(), adjustment).status()).isEqualTo(404);
        assertThat(inventory.level(Long.parseLong(sku)).stock()).isEqualTo(10);
        assertThat(api.post("/api/skus/" + sku + "/stock-adjustments", operator, Map.of("delta", 1, "reason", "audit")).status()).isEqualTo(201);
    }

    @Test
    void refusesBadAdjustmentsAndChangesNothing() {
        Merchant merchant = api.merchant("sloppy");
        String sku = skuOf(merchant, 10);
        for (var bad : new Object[][]{{"delta", 0}, {"delta", null}, {"delta", "lots"}, {"delta", 1.5}, {"reason", ""},
                {"reason", null}, {"reason", "r".repeat(201)}, {"delta", 200_000_000}, {"delta", -200_000_000}}) {
            var body = new HashMap<String, Object>(Map.of("delta", 1, "reason", "ok"));
            body.put((String) bad[0], bad[1]);
            var answer = api.post("/api/skus/" + sku + "/stock-adjustments", merchant.user(), body);
            assertThat(answer.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
            assertThat(answer.text("type")).isEqualTo("urn:laotie:problem:validation");
        }
        assertThat(api.postRaw("/api/skus/" + sku + "/stock-adjustments", merchant.user(), "{delta: 1").status()).isEqualTo(400);
        assertThat(inventory.level(Long.parseLong(sku)).stock()).isEqualTo(10);
        assertThat(inventory.movements(Long.parseLong(sku), 10)).hasSize(1);
    }
}
