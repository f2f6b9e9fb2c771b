package io.laotie.access;

import io.laotie.support.Api;
import io.laotie.support.Api.Merchant;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.Funds;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint, called by its owner, by another user of the same role, and anonymously. The last test makes
 * sure no endpoint is missing from the table, so a new endpoint cannot skip this check.
 */
@LaotieTest
class AccessMatrixTests {

    /**
     * What one test case stands on: a merchant with a shop, a product and its SKU and money from a settled order, and
     * a buyer with an address.
     */
    record World(Api api, Merchant merchant, String productId, String skuId, User buyer, String addressId, User operator) {

        /** An order of this world's buyer brought to {@code status}, made for the row at hand. */
        String order(String status) {
            api.post("/api/wallet/top-ups", buyer, Map.of("amount", 100_000));
            String id = api.post("/api/orders", buyer, Map.of("lines", List.of(Map.of("skuId", skuId, "quantity", 1)))).id();
            if (!status.equals("PENDING_PAYMENT")) {
                api.post("/api/orders/" + id + "/payment", buyer, null);
            }
            if (status.equals("SHIPPED") || status.equals("DELIVERED")) {
                api.post("/api/orders/" + id + "/shipment", merchant.user(), Map.of("carrier", "顺丰", "trackingNumber", "SF1"));
            }
            if (status.equals("DELIVERED")) {
                api.post("/api/orders/" + id + "/receipt", buyer, null);
            }
            return id;
        }

        /** An after-sales request (a return after delivery) of this world's buyer brought to {@code status}. */
        String refund(String status) {
            String order = order("DELIVERED");
            String id = api.post("/api/orders/" + order + "/refund-requests", buyer, Map.of("kind", "RETURN_AND_REFUND", "amount", 500,
                    "reason", "QUALITY", "text", "", "photoUrls", List.of("https://img.example.com/1.jpg"))).id();
            switch (status) {
                case "AWAITING_RETURN", "RETURN_SHIPPED" -> {
                    api.post("/api/refund-requests/" + id + "/approval", merchant.user(), null);
                    if (status.equals("RETURN_SHIPPED")) {
                        api.post("/api/refund-requests/" + id + "/return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT1"));
                    }
                }
                case "REJECTED", "ESCALATED" -> {
                    api.post("/api/refund-requests/" + id + "/rejection", merchant.user(), Map.of("reason", "no"));
                    if (status.equals("ESCALATED")) {
                        api.post("/api/refund-requests/" + id + "/escalation", buyer, null);
                    }
                }
                default -> { }
            }
            return id;
        }

        /** This world's merchant as a creator; answers the creator id. */
        String creator() {
            api.post("/api/creators", merchant.user(), Map.of("displayName", "Matrix creator", "bio", ""));
            return merchant.user().id();
        }

        /** A session of the creator with this world's product on the shelf, brought to {@code status}; "id/itemId". */
        String session(String status) {
            creator();
            String id = api.post("/api/live-sessions", merchant.user(), Map.of("title", "Matrix live")).id();
            String item = api.post("/api/live-sessions/" + id + "/shelf-items", merchant.user(), Map.of("productId", productId)).id();
            if (status.equals("LIVE")) {
                api.post("/api/live-sessions/" + id + "/start", merchant.user(), null);
            }
            return id + "/shelf-items/" + item;
        }

        String sessionId(String status) {
            return session(status).split("/")[0];
        }

        /** A flash sale of one unit, in the creator's live session (made when there is none), of the item on its shelf. */
        Map<String, Object> flashSaleRequest() {
            var live = api.get("/api/live-sessions?status=LIVE&creatorId=" + merchant.user().id(), null).body().path("items");
            String session = live.isEmpty() ? sessionId("LIVE") : live.get(0).path("id").asString();
            String item = api.get("/api/live-sessions/" + session + "/shelf-items", null).body().get(0).path("id").asString();
            return Map.of("shelfItemId", item, "skuId", skuId, "price", 500, "quantity", 1, "perBuyerLimit", 1,
                    "countdownSeconds", 10, "durationSeconds", 60);
        }

        /** A flash sale in a new live session; answers its id. */
        String flashSale() {
            String session = sessionId("LIVE");
            return api.post("/api/live-sessions/" + session + "/flash-sales", merchant.user(), flashSaleRequest()).id();
        }

        String product() {
            return api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product("matrix", 1000, 5)).id();
        }

        /** A review of the buyer's newest order's first line, as the API takes it. */
        Map<String, Object> reviewRequest() {
            var newest = api.get("/api/orders?size=1", buyer).body().path("items");
            String line = newest.isEmpty() ? "1" // no order yet: the malformed-JSON check sends no body anyway
                    : api.get("/api/orders/" + newest.get(0).path("id").asString(), buyer).body().path("lines").get(0).path("id").asString();
            return Map.of("lines", List.of(Map.of("orderLineId", line, "rating", 5, "text", "好", "tags", List.of("FRESH"))));
        }

        /** A review by this world's buyer of a delivered order; answers its id. */
        String review() {
            String order = order("DELIVERED");
            return api.post("/api/orders/" + order + "/reviews", buyer, reviewRequest()).body().path("reviews").get(0).path("id").asString();
        }

        /** A report of this world's review by a reader; answers its id. */
        String reviewReport() {
            return api.post("/api/reviews/" + review() + "/reports", api.user("reader"), Map.of("reason", "spam")).id();
        }

        /** A complaint of this world's buyer about its shop; answers its id. */
        String complaint() {
            return api.post("/api/complaints", buyer, Map.of("shopId", merchant.shopId(), "text", "rude")).id();
        }
    }

    /**
     * One endpoint. {@code owner} is who it belongs to; {@code other} is another user of the same role.
     * Expected statuses are for the owner, the other user, and an anonymous caller.
     */
    record Row(String method, String pattern, Function<World, String> path, Function<World, Object> body,
               Who owner, int asOwner, int asOther, int asAnonymous) {
    }

    enum Who { MERCHANT, BUYER, OPERATOR, ANYONE }

    @Autowired Api api;
    @Autowired Funds funds;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    static final Map<String, Object> ADDRESS = Map.of("recipient", "张三", "phone", "13800138000", "region", "北京市", "detail", "1号");

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // identity
        rows.add(new Row("POST", "/api/accounts", w -> "/api/accounts",
                w -> Map.of("handle", Api.unique("matrix"), "password", "long-enough-1"), Who.ANYONE, 201, 201, 201));
        rows.add(new Row("POST", "/api/auth/tokens", w -> "/api/auth/tokens",
                w -> Map.of("handle", w.buyer().handle(), "password", "secret-pass-1"), Who.ANYONE, 201, 201, 201));
        rows.add(new Row("GET", "/api/me", w -> "/api/me", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("PATCH", "/api/me", w -> "/api/me", w -> Map.of("city", "成都"), Who.BUYER, 200, 200, 401));
        rows.add(new Row("POST", "/api/me/addresses", w -> "/api/me/addresses", w -> ADDRESS, Who.BUYER, 201, 201, 401));
        rows.add(new Row("GET", "/api/me/addresses", w -> "/api/me/addresses", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/me/addresses/{id}", w -> "/api/me/addresses/" + w.addressId(), w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/me/addresses/{id}/default", w -> "/api/me/addresses/" + w.addressId() + "/default", w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("DELETE", "/api/me/addresses/{id}", w -> "/api/me/addresses/" + w.addressId(), w -> null, Who.BUYER, 204, 404, 401));
        rows.add(new Row("GET", "/api/operator/accounts", w -> "/api/operator/accounts", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("GET", "/api/operator/accounts/{id}", w -> "/api/operator/accounts/" + w.buyer().id(), w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("GET", "/api/operator/accounts/{id}/logins", w -> "/api/operator/accounts/" + w.buyer().id() + "/logins", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("POST", "/api/operator/accounts/{id}/suspension", w -> "/api/operator/accounts/" + w.buyer().id() + "/suspension",
                w -> Map.of("reason", "test"), Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("DELETE", "/api/operator/accounts/{id}/suspension", w -> "/api/operator/accounts/" + w.buyer().id() + "/suspension",
                w -> null, Who.OPERATOR, 200, 403, 401));
        // catalog
        rows.add(new Row("GET", "/api/categories", w -> "/api/categories", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("POST", "/api/shops", w -> "/api/shops", w -> Map.of("name", "Another shop", "description", ""), Who.MERCHANT, 201, 201, 401));
        rows.add(new Row("GET", "/api/shops/{id}", w -> "/api/shops/" + w.merchant().shopId(), w -> null, Who.MERCHANT, 200, 200, 200));
        rows.add(new Row("PUT", "/api/shops/{id}", w -> "/api/shops/" + w.merchant().shopId(),
                w -> Map.of("name", "Renamed", "description", "x"), Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", "/api/me/shops", w -> "/api/me/shops", w -> null, Who.MERCHANT, 200, 200, 401));
        rows.add(new Row("POST", "/api/shops/{shopId}/products", w -> "/api/shops/" + w.merchant().shopId() + "/products",
                w -> Api.product("matrix", 1000, 1), Who.MERCHANT, 201, 403, 401));
        rows.add(new Row("GET", "/api/shops/{shopId}/products", w -> "/api/shops/" + w.merchant().shopId() + "/products", w -> null, Who.MERCHANT, 200, 200, 200));
        rows.add(new Row("GET", "/api/shops/{id}/guarantees", w -> "/api/shops/" + w.merchant().shopId() + "/guarantees", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/products", w -> "/api/products", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/products/{id}", w -> "/api/products/" + w.productId(), w -> null, Who.MERCHANT, 200, 200, 200));
        rows.add(new Row("PATCH", "/api/products/{id}", w -> "/api/products/" + w.productId(), w -> Map.of("title", "New title"), Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", "/api/products/{id}/skus", w -> "/api/products/" + w.productId() + "/skus",
                w -> Map.of("name", "2kg", "price", 1800, "stock", 3), Who.MERCHANT, 201, 403, 401));
        rows.add(new Row("POST", "/api/products/{id}/delisting", w -> "/api/products/" + w.productId() + "/delisting", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", "/api/products/{id}/relisting", w -> "/api/products/" + w.productId() + "/relisting", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("PATCH", "/api/skus/{skuId}", w -> "/api/skus/" + w.skuId(), w -> Map.of("price", 999), Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", "/api/operator/catalog/categories", w -> "/api/operator/catalog/categories",
                w -> Map.of("name", Api.unique("类"), "nameEn", "Kind", "standard", true), Who.OPERATOR, 201, 403, 401));
        rows.add(new Row("GET", "/api/operator/catalog/settings", w -> "/api/operator/catalog/settings", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("PUT", "/api/operator/catalog/settings", w -> "/api/operator/catalog/settings",
                w -> Map.of("sourceDirectMaxMarkup", 2.0), Who.OPERATOR, 200, 403, 401));
        // inventory
        rows.add(new Row("POST", "/api/skus/{skuId}/stock-adjustments", w -> "/api/skus/" + w.skuId() + "/stock-adjustments",
                w -> Map.of("delta", 1, "reason", "count"), Who.MERCHANT, 201, 403, 401));
        rows.add(new Row("GET", "/api/skus/{skuId}/stock", w -> "/api/skus/" + w.skuId() + "/stock", w -> null, Who.MERCHANT, 200, 403, 401));
        // order: each path function first brings an order of the world into the state the endpoint needs
        rows.add(new Row("POST", "/api/orders", w -> "/api/orders", w -> Map.of("lines", List.of(Map.of("skuId", w.skuId(), "quantity", 1)))
                , Who.BUYER, 201, 201, 401));
        rows.add(new Row("GET", "/api/orders", w -> "/api/orders", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/orders/{id}", w -> "/api/orders/" + w.order("PENDING_PAYMENT"), w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/orders/{id}/payment", w -> "/api/orders/" + w.order("PENDING_PAYMENT") + "/payment", w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/orders/{id}/cancellation", w -> "/api/orders/" + w.order("PENDING_PAYMENT") + "/cancellation", w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/orders/{id}/shipment", w -> "/api/orders/" + w.order("PAID") + "/shipment",
                w -> Map.of("carrier", "顺丰", "trackingNumber", "SF1"), Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("POST", "/api/orders/{id}/receipt", w -> "/api/orders/" + w.order("SHIPPED") + "/receipt", w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/orders/{id}/refund-requests", w -> "/api/orders/" + w.order("PAID") + "/refund-requests",
                w -> Map.of("kind", "REFUND_ONLY", "amount", 100, "reason", "OTHER", "text", ""), Who.BUYER, 201, 404, 401));
        rows.add(new Row("GET", "/api/refund-requests/{id}", w -> "/api/refund-requests/" + w.refund("REQUESTED"), w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/refund-requests/{id}/approval", w -> "/api/refund-requests/" + w.refund("REQUESTED") + "/approval",
                w -> null, Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("POST", "/api/refund-requests/{id}/rejection", w -> "/api/refund-requests/" + w.refund("REQUESTED") + "/rejection",
                w -> Map.of("reason", "no"), Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("POST", "/api/refund-requests/{id}/return-shipment", w -> "/api/refund-requests/" + w.refund("AWAITING_RETURN") + "/return-shipment",
                w -> Map.of("carrier", "中通", "trackingNumber", "ZT1"), Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/refund-requests/{id}/return-receipt", w -> "/api/refund-requests/" + w.refund("RETURN_SHIPPED") + "/return-receipt",
                w -> null, Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("POST", "/api/refund-requests/{id}/escalation", w -> "/api/refund-requests/" + w.refund("REJECTED") + "/escalation",
                w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/refund-requests/{id}/arbitration", w -> "/api/refund-requests/" + w.refund("ESCALATED") + "/arbitration",
                w -> Map.of("outcome", "BUYER", "fault", "MERCHANT", "counterfeit", false), Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("GET", "/api/operator/refund-requests", w -> "/api/operator/refund-requests", w -> null, Who.OPERATOR, 200, 403, 401));
        // ledger
        rows.add(new Row("GET", "/api/wallet", w -> "/api/wallet", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("POST", "/api/wallet/top-ups", w -> "/api/wallet/top-ups", w -> Map.of("amount", 1000), Who.BUYER, 201, 201, 401));
        rows.add(new Row("POST", "/api/withdrawals", w -> "/api/withdrawals", w -> Map.of("amount", 100), Who.MERCHANT, 201, 409, 401));
        rows.add(new Row("GET", "/api/statements", w -> "/api/statements", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/statements", w -> "/api/statements?account=BUYER_WALLET:" + w.buyer().id(), w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("GET", "/api/operator/ledger/check", w -> "/api/operator/ledger/check", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("POST", "/api/operator/ledger/credits", w -> "/api/operator/ledger/credits",
                w -> Map.of("accountId", w.buyer().id(), "amount", 500), Who.OPERATOR, 201, 403, 401));
        // social
        rows.add(new Row("POST", "/api/creators", w -> "/api/creators", w -> Map.of("displayName", "Matrix", "bio", ""), Who.ANYONE, 201, 201, 401));
        rows.add(new Row("PUT", "/api/creators/me", w -> {
            w.creator();
            return "/api/creators/me";
        }, w -> Map.of("displayName", "Renamed", "bio", "x"), Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("GET", "/api/creators/{id}", w -> "/api/creators/" + w.creator(), w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/creators", w -> "/api/creators", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("POST", "/api/creators/{id}/followers", w -> "/api/creators/" + w.creator() + "/followers",
                w -> Map.of("source", "SEARCH"), Who.BUYER, 201, 201, 401));
        rows.add(new Row("DELETE", "/api/creators/{id}/followers/me", w -> "/api/creators/" + w.creator() + "/followers/me", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/creators/{id}/followers/me", w -> "/api/creators/" + w.creator() + "/followers/me", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/creators/{id}/followers/count", w -> "/api/creators/" + w.creator() + "/followers/count", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/creators/{id}/followers", w -> "/api/creators/" + w.creator() + "/followers", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", "/api/creators/{id}/fan-club/members", w -> "/api/creators/" + w.creator() + "/fan-club/members",
                w -> Map.of(), Who.BUYER, 201, 201, 401));
        rows.add(new Row("GET", "/api/creators/{id}/fan-club/members/me", w -> {
            w.api().post("/api/creators/" + w.creator() + "/fan-club/members", w.buyer(), Map.of());
            return "/api/creators/" + w.creator() + "/fan-club/members/me";
        }, w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("GET", "/api/creators/{id}/fan-club/members", w -> "/api/creators/" + w.creator() + "/fan-club/members", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", "/api/me/fan-clubs", w -> "/api/me/fan-clubs", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/me/inbox", w -> "/api/me/inbox", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/me/inbox/unread", w -> "/api/me/inbox/unread", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("POST", "/api/me/inbox/read", w -> "/api/me/inbox/read", w -> null, Who.BUYER, 200, 200, 401));
        // live
        String sessions = "/api/live-sessions";
        rows.add(new Row("POST", sessions, w -> {
            w.creator();
            return sessions;
        }, w -> Map.of("title", "Matrix"), Who.MERCHANT, 201, 403, 401));
        rows.add(new Row("GET", sessions + "/{id}", w -> sessions + "/" + w.sessionId("SCHEDULED"), w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", sessions, w -> sessions + "?status=LIVE", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("POST", sessions + "/{id}/start", w -> sessions + "/" + w.sessionId("SCHEDULED") + "/start", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", sessions + "/{id}/end", w -> sessions + "/" + w.sessionId("LIVE") + "/end", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", sessions + "/{id}/cancellation", w -> sessions + "/" + w.sessionId("SCHEDULED") + "/cancellation", w -> null,
                Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", sessions + "/{id}/bookings", w -> sessions + "/" + w.sessionId("SCHEDULED") + "/bookings", w -> null, Who.BUYER, 201, 201, 401));
        rows.add(new Row("GET", sessions + "/{id}/bookings/me", w -> sessions + "/" + w.sessionId("SCHEDULED") + "/bookings/me", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", sessions + "/{id}/report", w -> sessions + "/" + w.sessionId("LIVE") + "/report", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", sessions + "/{id}/shelf-items", w -> sessions + "/" + w.sessionId("LIVE") + "/shelf-items", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("POST", sessions + "/{id}/shelf-items", w -> sessions + "/" + w.sessionId("LIVE") + "/shelf-items",
                w -> Map.of("productId", w.product()), Who.MERCHANT, 201, 403, 401));
        rows.add(new Row("DELETE", sessions + "/{id}/shelf-items/{itemId}", w -> sessions + "/" + w.session("LIVE"), w -> null, Who.MERCHANT, 204, 403, 401));
        rows.add(new Row("PUT", sessions + "/{id}/shelf-items/order", w -> sessions + "/" + w.sessionId("LIVE") + "/shelf-items/order",
                w -> Map.of("itemIds", List.of()), Who.MERCHANT, 400, 403, 401));
        rows.add(new Row("PUT", sessions + "/{id}/shelf-items/{itemId}/live-prices", w -> sessions + "/" + w.session("LIVE") + "/live-prices",
                w -> Map.of("livePrices", List.of()), Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", sessions + "/{id}/shelf-items/{itemId}/explaining", w -> sessions + "/" + w.session("LIVE") + "/explaining", w -> null,
                Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", sessions + "/{id}/comments", w -> sessions + "/" + w.sessionId("LIVE") + "/comments", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("POST", sessions + "/{id}/comments", w -> sessions + "/" + w.sessionId("LIVE") + "/comments",
                w -> Map.of("text", "好"), Who.BUYER, 201, 201, 401));
        rows.add(new Row("POST", sessions + "/{id}/likes", w -> sessions + "/" + w.sessionId("LIVE") + "/likes", w -> Map.of("count", 3), Who.BUYER, 200, 200, 401));
        rows.add(new Row("POST", sessions + "/{id}/mutes", w -> sessions + "/" + w.sessionId("LIVE") + "/mutes",
                w -> Map.of("accountId", w.buyer().id()), Who.MERCHANT, 201, 403, 401));
        rows.add(new Row("GET", sessions + "/{id}/mutes", w -> sessions + "/" + w.sessionId("LIVE") + "/mutes", w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("DELETE", sessions + "/{id}/mutes/{accountId}", w -> sessions + "/" + w.sessionId("LIVE") + "/mutes/" + w.buyer().id(), w -> null,
                Who.MERCHANT, 204, 403, 401));
        rows.add(new Row("POST", sessions + "/{id}/flash-sales", w -> sessions + "/" + w.sessionId("LIVE") + "/flash-sales",
                World::flashSaleRequest, Who.MERCHANT, 201, 403, 401));
        rows.add(new Row("GET", sessions + "/{id}/flash-sales", w -> sessions + "/" + w.sessionId("LIVE") + "/flash-sales", w -> null,
                Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/flash-sales/{id}", w -> "/api/flash-sales/" + w.flashSale(), w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("POST", "/api/flash-sales/{id}/end", w -> "/api/flash-sales/" + w.flashSale() + "/end", w -> null,
                Who.MERCHANT, 200, 403, 401));
        // a creator's own stream key: another merchant who is no creator gets 403
        rows.add(new Row("GET", "/api/creators/me/stream-key", w -> {
            w.creator();
            return "/api/creators/me/stream-key";
        }, w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", "/api/creators/me/stream-key/rotation", w -> {
            w.creator();
            return "/api/creators/me/stream-key/rotation";
        }, w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", "/api/operator/blocked-words", w -> "/api/operator/blocked-words", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("POST", "/api/operator/blocked-words", w -> "/api/operator/blocked-words", w -> Map.of("word", Api.unique("matrixword")),
                Who.OPERATOR, 201, 403, 401));
        rows.add(new Row("DELETE", "/api/operator/blocked-words/{word}", w -> "/api/operator/blocked-words/nothing", w -> null, Who.OPERATOR, 204, 403, 401));
        // trust: a creator's fan journeys and funnel are the creator's (and operators'); one's own journeys are one's own
        rows.add(new Row("GET", "/api/creators/{id}/funnel", w -> "/api/creators/" + w.creator() + "/funnel", w -> null,
                Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", "/api/creators/{id}/journeys", w -> "/api/creators/" + w.creator() + "/journeys", w -> null,
                Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", "/api/creators/{id}/journeys/{viewerId}", w -> {
            String creator = w.creator();
            String path = "/api/creators/" + creator + "/journeys/" + w.buyer().id();
            w.api().post("/api/creators/" + creator + "/followers", w.buyer(), Map.of("source", "SEARCH"));
            Eventually.until("the follow starts a journey", () -> w.api().get(path, w.merchant().user()).status() == 200);
            return path;
        }, w -> null, Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("GET", "/api/me/journeys", w -> "/api/me/journeys", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("DELETE", "/api/auth/tokens/current", w -> "/api/auth/tokens/current", w -> null, Who.BUYER, 204, 204, 401));
        // repurchase: order-history imports (an empty file is refused, 422) and the creator's model (no buyers yet, 422)
        rows.add(new Row("POST", "/api/operator/order-history-imports", w -> "/api/operator/order-history-imports?shopId="
                + w.merchant().shopId() + "&creatorId=" + w.creator(), w -> null, Who.OPERATOR, 422, 403, 401));
        rows.add(new Row("GET", "/api/operator/order-history-imports", w -> "/api/operator/order-history-imports", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("GET", "/api/operator/order-history-imports/{id}", w -> "/api/operator/order-history-imports/1", w -> null, Who.OPERATOR, 404, 403, 401));
        rows.add(new Row("GET", "/api/creators/{id}/repurchase-model", w -> "/api/creators/" + w.creator()
                + "/repurchase-model?calibrationStart=2025-01-01&calibrationEnd=2025-03-31", w -> null, Who.MERCHANT, 422, 403, 401));
        // trust: reviews and complaints
        rows.add(new Row("POST", "/api/orders/{id}/reviews", w -> "/api/orders/" + w.order("DELIVERED") + "/reviews", World::reviewRequest,
                Who.BUYER, 201, 404, 401));
        rows.add(new Row("GET", "/api/orders/{id}/reviews", w -> "/api/orders/" + w.order("DELIVERED") + "/reviews", w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/reviews/{id}/follow-up", w -> "/api/reviews/" + w.review() + "/follow-up", w -> Map.of("text", "later"),
                Who.BUYER, 200, 403, 401));
        rows.add(new Row("POST", "/api/reviews/{id}/reply", w -> "/api/reviews/" + w.review() + "/reply", w -> Map.of("text", "thanks"),
                Who.MERCHANT, 200, 403, 401));
        rows.add(new Row("POST", "/api/reviews/{id}/reports", w -> "/api/reviews/" + w.review() + "/reports", w -> Map.of("reason", "spam"),
                Who.ANYONE, 201, 201, 401));
        rows.add(new Row("GET", "/api/products/{id}/reviews", w -> "/api/products/" + w.productId() + "/reviews", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/creators/{id}/reviews", w -> "/api/creators/" + w.creator() + "/reviews", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/operator/review-reports", w -> "/api/operator/review-reports", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("POST", "/api/operator/review-reports/{id}/ruling", w -> "/api/operator/review-reports/" + w.reviewReport() + "/ruling",
                w -> Map.of("upheld", false), Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("POST", "/api/complaints", w -> "/api/complaints", w -> Map.of("shopId", w.merchant().shopId(), "text", "rude"),
                Who.BUYER, 201, 201, 401));
        rows.add(new Row("GET", "/api/complaints/{id}", w -> "/api/complaints/" + w.complaint(), w -> null, Who.BUYER, 200, 404, 401));
        rows.add(new Row("POST", "/api/complaints/{id}/ruling", w -> "/api/complaints/" + w.complaint() + "/ruling", w -> Map.of("upheld", true),
                Who.OPERATOR, 200, 404, 401));
        rows.add(new Row("GET", "/api/me/complaints", w -> "/api/me/complaints", w -> null, Who.BUYER, 200, 200, 401));
        rows.add(new Row("GET", "/api/operator/complaints", w -> "/api/operator/complaints", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("GET", "/api/creators/{id}/complaints", w -> "/api/creators/" + w.creator() + "/complaints", w -> null,
                Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("GET", "/api/shops/{id}/complaints", w -> "/api/shops/" + w.merchant().shopId() + "/complaints", w -> null,
                Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("GET", "/api/creators/{id}/trust", w -> "/api/creators/" + w.creator() + "/trust", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/shops/{id}/experience", w -> "/api/shops/" + w.merchant().shopId() + "/experience", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/products/{id}/experience", w -> "/api/products/" + w.productId() + "/experience", w -> null, Who.ANYONE, 200, 200, 200));
        rows.add(new Row("GET", "/api/shops/{id}/experience/orders", w -> "/api/shops/" + w.merchant().shopId() + "/experience/orders?dimension=service",
                w -> null, Who.MERCHANT, 200, 404, 401));
        rows.add(new Row("GET", "/api/operator/trust/flags", w -> "/api/operator/trust/flags", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("POST", "/api/operator/trust/flags/{id}/clearance", w -> "/api/operator/trust/flags/1/clearance", w -> null,
                Who.OPERATOR, 404, 403, 401));
        rows.add(new Row("GET", "/api/operator/trust/distributions", w -> "/api/operator/trust/distributions", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("GET", "/api/operator/trust/backlog", w -> "/api/operator/trust/backlog", w -> null, Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("GET", "/api/operator/trust/set-aside-events", w -> "/api/operator/trust/set-aside-events", w -> null,
                Who.OPERATOR, 200, 403, 401));
        rows.add(new Row("POST", "/api/operator/trust/set-aside-events/{id}/retry", w -> "/api/operator/trust/set-aside-events/1/retry",
                w -> null, Who.OPERATOR, 404, 403, 401));
        return rows;
    }

    @Test
    void everyEndpointAnswersItsOwnerAnotherUserOfTheSameRoleAndAnAnonymousCallerAsItShould() {
        User operator = api.operator();
        for (Row row : rows()) {
            World world = world(operator);
            User owner = switch (row.owner()) {
                case MERCHANT -> world.merchant().user();
                case BUYER -> world.buyer();
                case OPERATOR -> operator;
                case ANYONE -> api.user("anyone");
            };
            // "another user of the same role": another merchant, another buyer; for operator endpoints, a non-operator
            User other = switch (row.owner()) {
                case MERCHANT -> api.merchant("other").user();
                default -> api.user("other");
            };
            api.post("/api/me/addresses", other, ADDRESS);
            String path = row.path().apply(world);
            assertThat(call(row, path, null, world).status()).as("%s %s anonymous", row.method(), row.pattern()).isEqualTo(row.asAnonymous());
            assertThat(call(row, path, other, world).status()).as("%s %s other user", row.method(), row.pattern()).isEqualTo(row.asOther());
            var asOwner = call(row, path, owner, world);
            assertThat(asOwner.status()).as("%s %s owner: %s", row.method(), row.pattern(), asOwner.body()).isEqualTo(row.asOwner());
        }
    }

    @Test
    void everyEndpointThatTakesABodyRefusesMalformedJsonWithAProblem() {
        User operator = api.operator();
        for (Row row : rows()) {
            if (row.method().equals("GET") || row.method().equals("DELETE")) {
                continue;
            }
            World world = world(operator);
            if (row.body().apply(world) == null) {
                continue;
            }
            User caller = switch (row.owner()) {
                case MERCHANT -> world.merchant().user();
                case OPERATOR -> operator;
                default -> world.buyer();
            };
            var answer = api.call(row.method(), row.path().apply(world), caller, "{\"broken\": ");
            assertThat(answer.status()).as("%s %s", row.method(), row.pattern()).isEqualTo(400);
            assertThat(answer.text("type")).isEqualTo("urn:laotie:problem:validation");
        }
    }

    @Test
    void theTableCoversEveryApiEndpoint() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> served.add(m + " " + p))));
        Set<String> tested = new TreeSet<>();
        rows().forEach(r -> tested.add(r.method() + " " + r.pattern()));
        assertThat(tested).containsExactlyInAnyOrderElementsOf(served);
    }

    private World world(User operator) {
        Merchant merchant = api.merchant("owner");
        var product = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product("matrix", 1000, 5)).body();
        User buyer = api.user("buyer");
        String address = api.post("/api/me/addresses", buyer, ADDRESS).id();
        funds.available(Long.parseLong(merchant.user().id()), 1_000);
        return new World(api, merchant, product.path("id").asString(), product.path("skus").get(0).path("id").asString(), buyer, address, operator);
    }

    private Api.Response call(Row row, String path, User as, World world) {
        Object body = row.body().apply(world);
        return switch (row.method()) {
            case "GET" -> api.get(path, as);
            case "POST" -> api.post(path, as, body);
            case "PUT" -> api.put(path, as, body);
            case "PATCH" -> api.patch(path, as, body);
            case "DELETE" -> api.delete(path, as);
            default -> throw new IllegalArgumentException(row.method());
        };
    }
}
