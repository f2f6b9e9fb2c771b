package io.laotie.trust;

import io.laotie.live.LiveFixture;
import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.laotie.live.LiveFixture.require;
import static org.assertj.core.api.Assertions.assertThat;

/** Complaints through the API: exactly one target, the caller's own order, who sees them, one ruling by an operator. */
@LaotieTest
@RecordApplicationEvents
class ComplaintTests {

    @Autowired Api api;
    @Autowired Ids ids;
    @Autowired ApplicationEvents events;

    LiveFixture room;
    User buyer;
    String orderId;

    @BeforeEach
    void world() {
        room = new LiveFixture(api, true);
        buyer = room.buyer("成都");
        orderId = require(api.post("/api/orders", buyer, room.roomOrder(room.skuId, 1)), 201).id();
        require(api.post("/api/orders/" + orderId + "/payment", buyer, null), 200);
    }

    @Test
    void aBuyerComplainsAboutACreatorAndAShopAndOnlyThePartiesConcernedSeeIt() {
        var aboutCreator = api.post("/api/complaints", buyer, complaint("creatorId", room.creator.id(), orderId, "直播里说是特级，收到的是普通货"));
        assertThat(aboutCreator.status()).as(aboutCreator.body().toString()).isEqualTo(201);
        assertThat(aboutCreator.text("status")).isEqualTo("OPEN");
        assertThat(aboutCreator.text("reason")).isEqualTo("FALSE_CLAIMS");
        assertThat(aboutCreator.text("target")).startsWith("主播");
        assertThat(aboutCreator.text("complainant")).isEqualTo("T**");
        var aboutShop = api.post("/api/complaints", buyer, Map.of("shopId", room.shopId, "text", "客服不回消息"));
        assertThat(aboutShop.status()).isEqualTo(201);
        assertThat(aboutShop.text("reason")).as("OTHER when none is named").isEqualTo("OTHER");

        JsonNode mine = api.get("/api/me/complaints", buyer).body();
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(mine.path("items").get(0).path("id").asString()).as("newest first").isEqualTo(aboutShop.id());
        assertThat(mine.path("items").get(0).path("complainantId").asString()).isEqualTo(buyer.id());

        JsonNode seenByCreator = api.get("/api/creators/" + room.creator.id() + "/complaints", room.creator).body();
        assertThat(seenByCreator.path("items").findValuesAsString("id")).containsExactly(aboutCreator.id());
        assertThat(seenByCreator.path("items").get(0).has("complainantId")).as("the party complained about sees no account").isFalse();
        assertThat(api.get("/api/shops/" + room.shopId + "/complaints", room.creator).body().path("items").findValuesAsString("id"))
                .containsExactly(aboutShop.id());
        assertThat(api.get("/api/complaints/" + aboutShop.id(), room.creator).status()).isEqualTo(200);

        User stranger = api.merchant("stranger").user();
        assertThat(api.get("/api/creators/" + room.creator.id() + "/complaints", stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/shops/" + room.shopId + "/complaints", stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/shops/" + room.shopId + "/complaints", buyer).status()).isEqualTo(404);
        assertThat(api.get("/api/shops/" + room.shopId + "/complaints", null).status()).isEqualTo(401);
        assertThat(api.get("/api/complaints/" + aboutShop.id(), stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/me/complaints", stranger).body().path("total").asLong()).isZero();
        User operator = api.operator();
        assertThat(api.get("/api/shops/" + room.shopId + "/complaints", operator).body().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/operator/complaints?status=OPEN&size=100", operator).body().path("items").findValuesAsString("id"))
                .contains(aboutCreator.id(), aboutShop.id());
        assertThat(api.get("/api/operator/complaints", buyer).status()).isEqualTo(403);
    }

    @Test
    void aRefusedComplaintChangesNothing() {
        String otherShop = api.merchant("other").shopId();
        String someoneElsesOrder = require(api.post("/api/orders", room.buyer("西安"), room.roomOrder(room.skuId, 1)), 201).id();

        assertRefused(Map.of("text", "没有对象"), "creatorId");
        assertRefused(Map.of("creatorId", room.creator.id(), "shopId", room.shopId, "text", "两个对象"), "shopId");
        assertRefused(Map.of("shopId", Long.toString(ids.next()), "text", "没有这家店"), "shopId");
        assertRefused(Map.of("creatorId", buyer.id(), "text", "不是主播"), "creatorId");
        assertRefused(complaint("shopId", room.shopId, someoneElsesOrder, "别人的订单"), "orderId");
        assertRefused(complaint("shopId", otherShop, orderId, "订单不是这家店的"), "orderId");
        assertRefused(complaint("shopId", room.shopId, Long.toString(ids.next()), "没有这个订单"), "orderId");
        var aboutSelf = api.post("/api/complaints", room.creator, Map.of("shopId", room.shopId, "text", "投诉自己"));
        assertThat(aboutSelf.status()).isEqualTo(422);
        assertThat(api.post("/api/complaints", buyer, Map.of("shopId", room.shopId, "text", " ")).status()).isEqualTo(400);
        assertThat(api.post("/api/complaints", buyer, Map.of("shopId", room.shopId, "text", "x".repeat(Complaints.MAX_TEXT + 1))).status())
                .isEqualTo(400);
        assertThat(api.post("/api/complaints", null, Map.of("shopId", room.shopId, "text", "匿名")).status()).isEqualTo(401);
        assertThat(api.postRaw("/api/complaints", buyer, "{\"shopId\": ").status()).isEqualTo(400);
        assertThat(api.get("/api/me/complaints", buyer).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/me/complaints", room.creator).body().path("total").asLong()).isZero();

        assertThat(api.post("/api/complaints", buyer, Map.of("shopId", room.shopId, "text", "第一次")).status()).isEqualTo(201);
        assertThat(api.post("/api/complaints", buyer, Map.of("shopId", room.shopId, "text", "第二次")).status())
                .as("one open complaint about the same target").isEqualTo(409);
        assertThat(api.get("/api/me/complaints", buyer).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anOperatorRulesOnceAndTheRulingIsAnnounced() {
        String id = api.post("/api/complaints", buyer, complaint("creatorId", room.creator.id(), orderId, "虚假宣传")).id();
        String ruling = "/api/complaints/" + id + "/ruling";
        User operator = api.operator();

        assertThat(api.post(ruling, buyer, Map.of("upheld", true)).status()).as("the complainant sees it but does not rule").isEqualTo(403);
        assertThat(api.post(ruling, room.creator, Map.of("upheld", false)).status()).isEqualTo(403);
        assertThat(api.post(ruling, api.user("stranger"), Map.of("upheld", true)).status()).isEqualTo(404);
        assertThat(api.post(ruling, operator, Map.of()).status()).isEqualTo(400);
        assertThat(events.stream(ComplaintRuled.class)).isEmpty();
        assertThat(api.get("/api/complaints/" + id, buyer).text("status")).isEqualTo("OPEN");

        var ruled = api.post(ruling, operator, Map.of("upheld", true, "note", "直播回放核实"));
        assertThat(ruled.status()).isEqualTo(200);
        assertThat(ruled.text("status")).isEqualTo("UPHELD");
        assertThat(ruled.text("rulingNote")).isEqualTo("直播回放核实");
        assertThat(events.stream(ComplaintRuled.class)).singleElement().satisfies(e -> {
            assertThat(e.complaintId()).isEqualTo(Long.parseLong(id));
            assertThat(e.creatorId()).isEqualTo(Long.parseLong(room.creator.id()));
            assertThat(e.shopId()).isNull();
            assertThat(e.complainantId()).isEqualTo(Long.parseLong(buyer.id()));
            assertThat(e.upheld()).isTrue();
        });
        assertThat(api.post(ruling, operator, Map.of("upheld", false)).status()).as("ruled once").isEqualTo(409);
        assertThat(api.get("/api/complaints/" + id, buyer).text("status")).isEqualTo("UPHELD");
        assertThat(api.get("/api/operator/complaints?status=UPHELD&size=100", operator).body().path("items").findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/operator/complaints?status=OPEN&size=100", operator).body().path("items").findValuesAsString("id")).doesNotContain(id);

        String dismissed = api.post("/api/complaints", buyer, Map.of("creatorId", room.creator.id(), "text", "又一次")).id();
        assertThat(api.post("/api/complaints/" + dismissed + "/ruling", operator, Map.of("upheld", false)).text("status")).isEqualTo("DISMISSED");
        assertThat(events.stream(ComplaintRuled.class).filter(e -> !e.upheld())).hasSize(1);
    }

    private static Map<String, Object> complaint(String target, String targetId, String orderId, String text) {
        Map<String, Object> body = new HashMap<>(Map.of(target, targetId, "orderId", orderId, "text", text));
        if (target.equals("creatorId")) {
            body.put("reason", "FALSE_CLAIMS");
        }
        return body;
    }

    private void assertRefused(Map<String, Object> body, String field) {
        var answer = api.post("/api/complaints", buyer, body);
        assertThat(answer.status()).as(body.toString()).isEqualTo(422);
        assertThat(answer.body().path("errors").findValuesAsString("field")).as(answer.body().toString()).contains(field);
    }
}
