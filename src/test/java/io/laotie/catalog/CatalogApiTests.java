package io.laotie.catalog;

import io.laotie.support.Api;
import io.laotie.support.Api.Merchant;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class CatalogApiTests {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogSettings settings;

    @Test
    void aMerchantListsAProductWhoseDisplayedPriceIsTheLowestSkuPrice() {
        Merchant merchant = api.merchant("orchard");
        var created = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product("吊柿饼", 3990, 50));
        assertThat(created.status()).isEqualTo(201);
        JsonNode product = created.body();
        assertThat(product.path("id").isString()).isTrue();
        assertThat(product.path("skus").get(0).path("id").isString()).isTrue();
        assertThat(product.path("price").asLong()).isEqualTo(3990);
        assertThat(product.path("referencePrice").asLong()).isEqualTo(6800);
        assertThat(product.path("buyerBenefit").asLong()).isEqualTo(6800 - 3990);
        assertThat(product.path("currency").asString()).isEqualTo("CNY");
        assertThat(product.path("freeShipping").asBoolean()).isTrue();
        assertThat(product.path("standard").asBoolean()).as("dried fruit is non-standard by default").isFalse();
        assertThat(product.path("origin").path("place").asString()).isEqualTo("陕西富平");
        assertThat(product.path("skus").get(0).path("available").asLong()).isEqualTo(50);
        // the owner sees what buyers never do
        assertThat(product.path("costPrice").asLong()).isEqualTo(2000);
        assertThat(product.path("markupRatio").decimalValue()).isEqualByComparingTo(new BigDecimal("2.00"));
        assertThat(product.path("skus").get(0).path("stock").asLong()).isEqualTo(50);
        assertThat(product.path("skus").get(0).path("reserved").asLong()).isZero();
    }

    @Test
    void costPricesNeverReachABuyerAnotherMerchantOrAnAnonymousCaller() {
        Merchant owner = api.merchant("secretive");
        Merchant rival = api.merchant("rival");
        User buyer = api.user("buyer");
        User operator = api.operator();
        String title = Api.unique("保密成本");
        String id = api.post("/api/shops/" + owner.shopId() + "/products", owner.user(), Api.product(title, 3990, 5)).id();

        for (User outsider : new User[]{buyer, rival.user(), null}) {
            JsonNode seen = api.get("/api/products/" + id, outsider).body();
            assertThat(seen.has("costPrice")).isFalse();
            assertThat(seen.has("markupRatio")).isFalse();
            assertThat(seen.path("skus").get(0).has("stock")).isFalse();
            assertThat(seen.path("skus").get(0).has("reserved")).isFalse();
            assertThat(seen.path("skus").get(0).path("available").asLong()).isEqualTo(5);
            assertThat(numbersIn(seen)).as("no field anywhere carries the cost").doesNotContain(2000L);
            JsonNode found = api.get("/api/products?q=" + title, outsider).body().path("items").get(0);
            assertThat(found.has("costPrice")).isFalse();
            assertThat(api.get("/api/shops/" + owner.shopId() + "/products", outsider).body().path("items").get(0).has("costPrice")).isFalse();
        }
        assertThat(api.get("/api/products/" + id, owner.user()).body().path("costPrice").asLong()).isEqualTo(2000);
        assertThat(api.get("/api/products/" + id, operator).body().path("costPrice").asLong()).isEqualTo(2000);
        assertThat(api.get("/api/shops/" + owner.shopId() + "/products", owner.user()).body().path("items").get(0).path("costPrice").asLong()).isEqualTo(2000);
    }

    @Test
    void theSourceDirectBadgeFollowsTheOperatorThresholdAndNeedsAnOrigin() {
        Merchant merchant = api.merchant("source");
        User operator = api.operator();
        var withOrigin = Api.product("源头好货", 3990, 5); // 3990 / 2000 = 1.995
        String id = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), withOrigin).id();
        var noOrigin = Api.product("无产地", 3990, 5);
        noOrigin.remove("origin");
        String anonymousOrigin = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), noOrigin).id();

        BigDecimal before = settings.sourceDirectMaxMarkup();
        try {
            assertThat(api.put("/api/operator/catalog/settings", operator, Map.of("sourceDirectMaxMarkup", 2.0)).status()).isEqualTo(200);
            assertThat(api.get("/api/products/" + id, null).body().path("sourceDirect").asBoolean()).isTrue();
            assertThat(api.get("/api/products/" + anonymousOrigin, null).body().path("sourceDirect").asBoolean()).isFalse();

            assertThat(api.put("/api/operator/catalog/settings", operator, Map.of("sourceDirectMaxMarkup", 1.9)).status()).isEqualTo(200);
            assertThat(api.get("/api/products/" + id, null).body().path("sourceDirect").asBoolean()).isFalse();

            assertThat(api.put("/api/operator/catalog/settings", merchant.user(), Map.of("sourceDirectMaxMarkup", 9)).status()).isEqualTo(403);
            assertThat(api.put("/api/operator/catalog/settings", null, Map.of("sourceDirectMaxMarkup", 9)).status()).isEqualTo(401);
            assertThat(api.put("/api/operator/catalog/settings", operator, Map.of("sourceDirectMaxMarkup", 0.5)).status()).isEqualTo(400);
            assertThat(api.get("/api/operator/catalog/settings", operator).body().path("sourceDirectMaxMarkup").decimalValue())
                    .isEqualByComparingTo("1.9");
        } finally {
            settings.setSourceDirectMaxMarkup(before);
        }
    }

    @Test
    void anotherMerchantCannotListInOrEditMyShop() {
        Merchant owner = api.merchant("mine");
        Merchant other = api.merchant("notmine");
        User viewer = api.user("viewer");
        String path = "/api/shops/" + owner.shopId() + "/products";
        assertThat(api.post(path, other.user(), Api.product("Intruder", 100, 1)).status()).isEqualTo(403);
        assertThat(api.post(path, viewer, Api.product("Intruder", 100, 1)).status()).isEqualTo(403);
        assertThat(api.post(path, null, Api.product("Intruder", 100, 1)).status()).isEqualTo(401);
        assertThat(api.post("/api/shops/424242/products", owner.user(), Api.product("Nowhere", 100, 1)).status()).isEqualTo(404);
        assertThat(productsIn(owner.shopId())).isZero();

        String id = api.post(path, owner.user(), Api.product("Mine", 100, 1)).id();
        assertThat(api.patch("/api/products/" + id, other.user(), Map.of("title", "Stolen")).status()).isEqualTo(403);
        assertThat(api.patch("/api/products/" + id, null, Map.of("title", "Stolen")).status()).isEqualTo(401);
        assertThat(api.post("/api/products/" + id + "/delisting", other.user(), null).status()).isEqualTo(403);
        String skuId = api.get("/api/products/" + id, null).body().path("skus").get(0).path("id").asString();
        assertThat(api.patch("/api/skus/" + skuId, other.user(), Map.of("price", 1)).status()).isEqualTo(403);
        assertThat(api.post("/api/products/" + id + "/skus", other.user(), Map.of("name", "x", "price", 1, "stock", 1)).status()).isEqualTo(403);
        assertThat(api.put("/api/shops/" + owner.shopId(), other.user(), Map.of("name", "Mine now", "description", "")).status()).isEqualTo(403);
        assertThat(api.get("/api/products/" + id, null).body().path("title").asString()).isEqualTo("Mine");

        var edited = api.patch("/api/products/" + id, owner.user(), Map.of("title", "Mine, renamed", "shippingFee", 800));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("title")).isEqualTo("Mine, renamed");
        assertThat(edited.body().path("freeShipping").asBoolean()).isFalse();
    }

    @Test
    void refusesBadProductsWithAProblemAndListsNothing() {
        Merchant merchant = api.merchant("careless");
        String path = "/api/shops/" + merchant.shopId() + "/products";
        Object[][] cases = {
                {"title", null}, {"title", ""}, {"title", "t".repeat(121)}, {"description", "d".repeat(5001)},
                {"categoryId", null}, {"categoryId", "fruit"}, {"costPrice", -1}, {"costPrice", 0}, {"referencePrice", null},
                {"costPrice", 100_000_001L}, {"shippingFee", -5}, {"shippingFee", 10_000_000}, {"noReasonReturn", "sometimes"},
                {"imageUrls", List.of("javascript:alert(1)")}, {"skus", List.of()}, {"skus", null},
                {"skus", List.of(Map.of("name", "500g", "price", 0, "stock", 1))},
                {"skus", List.of(Map.of("name", "500g", "price", -100, "stock", 1))},
                {"skus", List.of(Map.of("name", "500g", "price", 100, "stock", -1))},
                {"skus", List.of(Map.of("name", "", "price", 100, "stock", 1))},
                {"skus", List.of(Map.of("name", "500g", "price", 99_999_999_999L, "stock", 1))},
                {"skus", List.of(Map.of("name", "500g", "price", "cheap", "stock", 1))},
                {"costPrice", "9223372036854775808"}, {"origin", Map.of("place", "p".repeat(101))},
        };
        for (Object[] bad : cases) {
            var body = new HashMap<>(Api.product("Bad", 100, 1));
            body.put((String) bad[0], bad[1]);
            var answer = api.post(path, merchant.user(), body);
            assertThat(answer.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
            assertThat(answer.text("type")).isEqualTo("urn:laotie:problem:validation");
            assertThat(answer.body().path("errors").size()).isPositive();
        }
        // well-formed but refused by the rules: unknown category, a top-level category, duplicate SKU names
        for (Object[] refused : new Object[][]{{"categoryId", "9"}, {"categoryId", "1000"},
                {"skus", List.of(Map.of("name", "same", "price", 100, "stock", 1), Map.of("name", "same", "price", 200, "stock", 1))}}) {
            var body = new HashMap<>(Api.product("Bad", 100, 1));
            body.put((String) refused[0], refused[1]);
            var answer = api.post(path, merchant.user(), body);
            assertThat(answer.status()).as("%s=%s", refused[0], refused[1]).isIn(400, 422);
            assertThat(answer.text("type")).isEqualTo("urn:laotie:problem:validation");
        }
        assertThat(api.postRaw(path, merchant.user(), "{\"title\": \"Broken").status()).isEqualTo(400);
        assertThat(api.postRaw(path, merchant.user(), "[1, 2]").status()).isEqualTo(400);
        assertThat(productsIn(merchant.shopId())).isZero();
        assertThat(jdbc.sql("select count(*) from skus k join products p on p.id = k.product_id where p.shop_id = ?")
                .param(Long.parseLong(merchant.shopId())).query(Long.class).single()).isZero();
    }

    @Test
    void searchFindsActiveProductsByKeywordAndCategoryWithPaging() {
        Merchant merchant = api.merchant("searchable");
        String word = Api.unique("雪花梨");
        for (int i = 0; i < 3; i++) {
            api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product(word + " " + i, 1000 + i, 5));
        }
        var book = Api.product(word + " 书", 4500, 5);
        book.put("categoryId", "5001");
        api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), book);

        var all = api.get("/api/products?q=" + word, null).body();
        assertThat(all.path("total").asLong()).isEqualTo(4);
        var page = api.get("/api/products?q=" + word + "&page=1&size=3", null).body();
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(3);
        assertThat(page.path("total").asLong()).isEqualTo(4);
        assertThat(api.get("/api/products?q=" + word + "&categoryId=5001", null).body().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/products?q=" + word + "&categoryId=1000", null).body().path("total").asLong())
                .as("a top-level category includes its children").isEqualTo(3);
        assertThat(api.get("/api/products?q=" + word.toUpperCase(), null).body().path("total").asLong()).isEqualTo(4);

        String first = all.path("items").get(0).path("id").asString();
        assertThat(api.post("/api/products/" + first + "/delisting", merchant.user(), null).status()).isEqualTo(200);
        assertThat(api.get("/api/products?q=" + word, null).body().path("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/products/" + first, null).status()).as("delisted is hidden from buyers").isEqualTo(404);
        assertThat(api.get("/api/products/" + first, merchant.user()).status()).isEqualTo(200);
        assertThat(api.post("/api/products/" + first + "/relisting", merchant.user(), null).status()).isEqualTo(200);
        assertThat(api.get("/api/products/" + first, null).status()).isEqualTo(200);

        assertThat(api.get("/api/products?size=101", null).status()).isEqualTo(400);
        assertThat(api.get("/api/products?page=-1", null).status()).isEqualTo(400);
        assertThat(api.get("/api/products?size=0", null).status()).isEqualTo(400);
        assertThat(api.get("/api/products?categoryId=abc", null).status()).isEqualTo(400);
        assertThat(api.get("/api/products?q=%25", null).status()).isEqualTo(200);
        assertThat(api.get("/api/products/12345", null).status()).isEqualTo(404);
        assertThat(api.get("/api/products/not-a-number", null).status()).isEqualTo(400);
    }

    @Test
    void theCategoryTreeHasTwoLevelsWithStandardness() {
        JsonNode tree = api.get("/api/categories", null).body();
        assertThat(tree.isArray()).isTrue();
        assertThat(tree.size()).isGreaterThanOrEqualTo(7);
        JsonNode books = null;
        for (JsonNode top : tree) {
            assertThat(top.has("id") && top.has("name") && top.has("standard") && top.has("children")).isTrue();
            if (top.path("id").asString().equals("5000")) {
                books = top;
            }
        }
        assertThat(books).isNotNull();
        assertThat(books.path("standard").asBoolean()).isTrue();
        assertThat(books.path("children").get(0).path("name").asString()).isEqualTo("图书");
        assertThat(books.path("children").get(0).path("children").size()).isZero();
    }

    @Test
    void operatorsAddCategoriesAndOthersCannot() {
        User operator = api.operator();
        User someone = api.user("someone");
        var top = api.post("/api/operator/catalog/categories", operator, Map.of("name", Api.unique("宠物"), "nameEn", "Pets", "standard", true));
        assertThat(top.status()).isEqualTo(201);
        var leaf = api.post("/api/operator/catalog/categories", operator, Map.of("parentId", top.id(), "name", "猫粮", "nameEn", "Cat food", "standard", true));
        assertThat(leaf.status()).isEqualTo(201);
        assertThat(api.post("/api/operator/catalog/categories", operator, Map.of("parentId", leaf.id(), "name", "x", "nameEn", "x", "standard", true)).status())
                .as("the tree has two levels").isEqualTo(422);
        assertThat(api.post("/api/operator/catalog/categories", someone, Map.of("name", "x", "nameEn", "x", "standard", true)).status()).isEqualTo(403);
        assertThat(api.post("/api/operator/catalog/categories", null, Map.of("name", "x", "nameEn", "x", "standard", true)).status()).isEqualTo(401);
    }

    @Test
    void aProductMayOverrideItsCategoryStandardness() {
        Merchant merchant = api.merchant("override");
        var standardFruit = Api.product("标准化苹果礼盒", 9900, 5);
        standardFruit.put("standard", true);
        var created = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), standardFruit);
        assertThat(created.body().path("standard").asBoolean()).isTrue();
    }

    private long productsIn(String shopId) {
        return jdbc.sql("select count(*) from products where shop_id = ?").param(Long.parseLong(shopId)).query(Long.class).single();
    }

    /** Every number anywhere in the tree; ids are strings, so a Snowflake id holding "2000" cannot match. */
    private static List<Long> numbersIn(JsonNode node) {
        List<Long> numbers = new ArrayList<>();
        if (node.isNumber()) {
            numbers.add(node.asLong());
        }
        for (JsonNode child : node) {
            numbers.addAll(numbersIn(child));
        }
        return numbers;
    }
}
