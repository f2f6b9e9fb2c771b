package io.laotie.live;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class LiveApiTests {

    @Autowired Api api;

    @Test
    void anAccountBecomesACreatorOnceAndGainsTheRoleOnItsExistingToken() {
        User user = api.user("newcreator");
        assertThat(api.post("/api/live-sessions", user, Map.of("title", "还不是主播")).status()).isEqualTo(403);
        var created = api.post("/api/creators", user, Map.of("displayName", "柿饼哥", "bio", "富平人", "avatarUrl", "https://img.example.com/a.png"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.id()).isEqualTo(user.id());
        assertThat(api.get("/api/me", user).body().path("roles").toString()).contains("CREATOR");
        assertThat(api.post("/api/creators", user, Map.of("displayName", "again", "bio", "")).status()).isEqualTo(409);
        assertThat(api.post("/api/creators", api.user("bad"), Map.of("displayName", "", "bio", "x")).status()).isEqualTo(400);
        assertThat(api.post("/api/creators", api.user("bad"), Map.of("displayName", "x", "bio", "x", "avatarUrl", "javascript:alert(1)")).status())
                .isEqualTo(400);
        assertThat(api.get("/api/creators/" + user.id(), null).body().path("displayName").asString()).isEqualTo("柿饼哥");
        assertThat(api.get("/api/creators/1", null).status()).isEqualTo(404);
    }

    @Test
    void aSessionGoesFromScheduledToLiveToEndedAndOnlyItsCreatorOrAnOperatorMovesIt() {
        LiveFixture live = new LiveFixture(api, false);
        User stranger = api.user("stranger");
        JsonNode session = api.get("/api/live-sessions/" + live.sessionId, null).body();
        assertThat(session.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(session.path("creatorId").asString()).isEqualTo(live.creator.id());

        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/start", stranger, null).status()).isEqualTo(403);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/start", null, null).status()).isEqualTo(401);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/end", live.creator, null).status()).isEqualTo(409);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/start", live.creator, null).body().path("status").asString()).isEqualTo("LIVE");
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/cancellation", live.creator, null).status()).isEqualTo(409);
        assertThat(api.get("/api/live-sessions?status=LIVE&creatorId=" + live.creator.id(), null).body().path("total").asLong()).isEqualTo(1);
        User operator = api.operator();
        var ended = api.post("/api/live-sessions/" + live.sessionId + "/end", operator, null);
        assertThat(ended.body().path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.body().path("endedAt").isString()).isTrue();
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/start", live.creator, null).status()).isEqualTo(409);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/shelf-items", live.creator, Map.of("productId", live.productId)).status())
                .isEqualTo(409);
    }

    @Test
    void aSessionPlannedForLaterCanBeCancelledButNotPlannedInThePast() {
        LiveFixture live = new LiveFixture(api, false);
        var later = api.post("/api/live-sessions", live.creator, Map.of("title", "明晚八点", "scheduledAt", "2099-01-01T20:00:00+08:00"));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.body().path("scheduledAt").asString()).isEqualTo("2099-01-01T12:00:00Z");
        assertThat(api.post("/api/live-sessions/" + later.id() + "/cancellation", live.creator, null).body().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(api.post("/api/live-sessions", live.creator, Map.of("title", "昨天", "scheduledAt", "2020-01-01T20:00:00+08:00")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/live-sessions", live.creator, Map.of("title", "")).status()).isEqualTo(400);
    }

    @Test
    void aCreatorIsLiveInOneSessionAtATimeEvenWhenStartsRace() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sessions.add(api.post("/api/live-sessions", live.creator, Map.of("title", "场次" + i)).id());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String id : sessions) {
            answers.add(pool.submit(() -> {
                go.await();
                return api.post("/api/live-sessions/" + id + "/start", live.creator, null).status();
            }));
        }
        go.countDown();
        int started = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            assertThat(status).isIn(200, 409);
            started += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(started).isEqualTo(1);
        assertThat(api.get("/api/live-sessions?status=LIVE&creatorId=" + live.creator.id(), null).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void theShelfKeepsItsOrderItsLivePricesAndOneExplainingItem() {
        LiveFixture live = new LiveFixture(api, false);
        String base = "/api/live-sessions/" + live.sessionId + "/shelf-items";
        String second = api.post("/api/shops/" + live.shopId + "/products", live.creator, Api.product(Api.unique("核桃"), 2_000, 5)).id();
        String secondItem = api.post(base, live.creator, Map.of("productId", second)).id();
        JsonNode shelf = api.get(base, null).body();
        assertThat(shelf).hasSize(2);
        assertThat(shelf.get(0).path("id").asString()).isEqualTo(live.shelfItemId);
        assertThat(shelf.get(0).path("livePrice").asLong()).isEqualTo(LiveFixture.LIVE_PRICE);
        assertThat(shelf.get(0).path("skus").get(0).path("livePrice").asLong()).isEqualTo(LiveFixture.LIVE_PRICE);
        assertThat(shelf.get(0).path("origin").path("place").asString()).isEqualTo("陕西富平");
        assertThat(shelf.get(0).path("referencePrice").asLong()).isEqualTo(6_800);

        assertThat(api.put(base + "/order", live.creator, Map.of("itemIds", List.of(secondItem, live.shelfItemId))).status()).isEqualTo(200);
        assertThat(api.get(base, null).body().get(0).path("id").asString()).isEqualTo(secondItem);
        assertThat(api.put(base + "/order", live.creator, Map.of("itemIds", List.of(secondItem))).status()).isEqualTo(400);

        api.post(base + "/" + live.shelfItemId + "/explaining", live.creator, null);
        api.post(base + "/" + secondItem + "/explaining", live.creator, null);
        JsonNode explaining = api.get(base, null).body();
        assertThat(explaining.get(0).path("explaining").asBoolean()).isTrue();
        assertThat(explaining.get(1).path("explaining").asBoolean()).isFalse();
        assertThat(api.get("/api/live-sessions/" + live.sessionId, null).body().path("explainingItemId").asString()).isEqualTo(secondItem);

        assertThat(api.post(base, live.creator, Map.of("productId", second)).status()).as("twice on one shelf").isEqualTo(409);
        assertThat(api.delete(base + "/" + secondItem, live.creator).status()).isEqualTo(204);
        assertThat(api.get(base, null).body()).hasSize(1);
        assertThat(api.get("/api/live-sessions/" + live.sessionId, null).body().has("explainingItemId")).isFalse();
    }

    @Test
    void aLivePriceAboveTheSkuPriceOrForAnotherProductsSkuIsRefusedAndChangesNothing() {
        LiveFixture live = new LiveFixture(api, false);
        String base = "/api/live-sessions/" + live.sessionId + "/shelf-items";
        var above = api.put(base + "/" + live.shelfItemId + "/live-prices", live.creator,
                Map.of("livePrices", List.of(Map.of("skuId", live.skuId, "price", LiveFixture.PRICE + 1))));
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.body().path("errors").get(0).path("field").asString()).isEqualTo("livePrices[0].price");
        var foreign = api.put(base + "/" + live.shelfItemId + "/live-prices", live.creator,
                Map.of("livePrices", List.of(Map.of("skuId", "123", "price", 100))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(api.put(base + "/" + live.shelfItemId + "/live-prices", live.creator,
                Map.of("livePrices", List.of(Map.of("skuId", live.skuId, "price", 0)))).status()).isEqualTo(400);
        assertThat(api.get(base, null).body().get(0).path("livePrice").asLong()).isEqualTo(LiveFixture.LIVE_PRICE);
    }

    @Test
    void onlyTheCreatorOrAnOperatorManagesTheShelfAndACreatorSellsOnlyItsOwnGoods() {
        LiveFixture live = new LiveFixture(api, false);
        LiveFixture other = new LiveFixture(api, false);
        String base = "/api/live-sessions/" + live.sessionId + "/shelf-items";
        assertThat(api.post(base, other.creator, Map.of("productId", other.productId)).status()).isEqualTo(403);
        assertThat(api.delete(base + "/" + live.shelfItemId, other.creator).status()).isEqualTo(403);
        assertThat(api.post(base + "/" + live.shelfItemId + "/explaining", other.creator, null).status()).isEqualTo(403);
        assertThat(api.put(base + "/order", other.creator, Map.of("itemIds", List.of(live.shelfItemId))).status()).isEqualTo(403);
        assertThat(api.post(base, live.creator, Map.of("productId", other.productId)).status()).as("someone else's goods").isEqualTo(403);
        assertThat(api.post(base, live.creator, Map.of("productId", "42")).status()).isEqualTo(400);
        assertThat(api.get(base, null).body()).hasSize(1);
        String operatorAdded = api.post("/api/shops/" + live.shopId + "/products", live.creator, Api.product(Api.unique("红枣"), 1_000, 5)).id();
        assertThat(api.post(base, api.operator(), Map.of("productId", operatorAdded)).status()).isEqualTo(201);
    }

    @Test
    void aRoomPurchasePaysTheLivePriceAndIsAttributedToTheSessionAndItsCreator() {
        LiveFixture live = new LiveFixture(api, true);
        User buyer = live.buyer("成都");
        var order = api.post("/api/orders", buyer, live.roomOrder(live.skuId, 2));
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.body().path("liveSessionId").asString()).isEqualTo(live.sessionId);
        assertThat(order.body().path("creatorId").asString()).isEqualTo(live.creator.id());
        assertThat(order.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(LiveFixture.LIVE_PRICE);
        assertThat(order.body().path("total").asLong()).isEqualTo(2 * LiveFixture.LIVE_PRICE);
        // a SKU without a live price sells at its price, still attributed
        var plain = api.post("/api/orders", buyer, live.roomOrder(live.secondSkuId, 1));
        assertThat(plain.body().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(2 * LiveFixture.PRICE - 100);
        assertThat(plain.body().path("creatorId").asString()).isEqualTo(live.creator.id());

        assertThat(api.post("/api/orders/" + order.id() + "/payment", buyer, null).status()).isEqualTo(200);
        Eventually.until("the session counts the paid order", () -> {
            JsonNode report = api.get("/api/live-sessions/" + live.sessionId + "/report", live.creator).body();
            return report.path("orders").asInt() == 1 && report.path("paidGmv").asLong() == 2 * LiveFixture.LIVE_PRICE
                    && report.path("items").get(0).path("orders").asInt() == 1;
        });
    }

    @Test
    void aClientCannotCreditASaleToASessionOrCreatorOfItsChoosing() {
        LiveFixture live = new LiveFixture(api, true);
        LiveFixture other = new LiveFixture(api, true);
        User buyer = live.buyer("厦门");
        // the other creator's live session does not sell these goods
        var elsewhere = api.post("/api/orders", buyer, Map.of("liveSessionId", other.sessionId,
                "lines", List.of(Map.of("skuId", live.skuId, "quantity", 1))));
        assertThat(elsewhere.status()).isEqualTo(422);
        // a shelf item of another session
        var foreignItem = api.post("/api/orders", buyer, Map.of("liveSessionId", live.sessionId,
                "lines", List.of(Map.of("skuId", live.skuId, "quantity", 1, "shelfItemId", other.shelfItemId))));
        assertThat(foreignItem.status()).isEqualTo(422);
        // a shelf item without a session
        var noSession = api.post("/api/orders", buyer, Map.of("lines", List.of(Map.of("skuId", live.skuId, "quantity", 1,
                "shelfItemId", live.shelfItemId))));
        assertThat(noSession.status()).isEqualTo(422);
        // attribution fields sent by the client are not read
        var forged = api.post("/api/orders", buyer, Map.of("creatorId", other.creator.id(),
                "lines", List.of(Map.of("skuId", live.skuId, "quantity", 1))));
        assertThat(forged.status()).isIn(201, 400);
        if (forged.status() == 201) {
            assertThat(forged.body().has("creatorId")).isFalse();
        }
        assertThat(api.get("/api/orders?size=100", buyer).body().path("items").findValuesAsString("creatorId")).doesNotContain(other.creator.id());
    }

    @Test
    void roomPurchasesAreRefusedUnlessTheSessionIsLive() {
        LiveFixture live = new LiveFixture(api, false);
        User buyer = live.buyer("洛阳");
        var scheduled = api.post("/api/orders", buyer, live.roomOrder(live.skuId, 1));
        assertThat(scheduled.status()).isEqualTo(409);
        assertThat(scheduled.body().path("type").asString()).isEqualTo("urn:laotie:problem:illegal-transition");
        api.post("/api/live-sessions/" + live.sessionId + "/start", live.creator, null);
        api.post("/api/live-sessions/" + live.sessionId + "/end", live.creator, null);
        assertThat(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 1)).status()).isEqualTo(409);
        assertThat(api.get("/api/orders", buyer).body().path("total").asLong()).isZero();
    }

    @Test
    void bookersAndFollowersAreToldInTheirInboxOnceWhenTheSessionStarts() {
        LiveFixture live = new LiveFixture(api, false);
        User booker = api.user("booker");
        User follower = api.user("follower");
        User both = api.user("both");
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/bookings", booker, null).status()).isEqualTo(201);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/bookings", both, null).body().path("bookings").asLong()).isEqualTo(2);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/bookings", both, null).body().path("bookings").asLong()).isEqualTo(2);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/bookings", live.creator, null).status()).isEqualTo(409);
        api.post("/api/creators/" + live.creator.id() + "/followers", follower, Map.of("source", "CREATOR_PAGE"));
        api.post("/api/creators/" + live.creator.id() + "/followers", both, Map.of("source", "SEARCH"));

        api.post("/api/live-sessions/" + live.sessionId + "/start", live.creator, null);
        for (User told : List.of(booker, follower, both)) {
            Eventually.until("the inbox of " + told.handle(), () -> api.get("/api/me/inbox", told).body().path("total").asLong() == 1);
            JsonNode message = api.get("/api/me/inbox", told).body().path("items").get(0);
            assertThat(message.path("kind").asString()).isEqualTo("SESSION_STARTED");
            assertThat(message.path("liveSessionId").asString()).isEqualTo(live.sessionId);
            assertThat(message.path("creatorName").asString()).startsWith("主播");
        }
        assertThat(api.get("/api/me/inbox/unread", both).body().path("unread").asLong()).isEqualTo(1);
        api.post("/api/me/inbox/read", both, null);
        assertThat(api.get("/api/me/inbox/unread", both).body().path("unread").asLong()).isZero();
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/bookings", booker, null).status()).as("no booking once live").isEqualTo(409);
    }

    @Test
    void followsAreCountedOnceAndAFollowFromARoomMustNameARoomOfThatCreator() {
        LiveFixture live = new LiveFixture(api, true);
        LiveFixture other = new LiveFixture(api, true);
        User fan = api.user("fan");
        String followers = "/api/creators/" + live.creator.id() + "/followers";
        assertThat(api.post(followers, fan, Map.of("source", "ROOM", "liveSessionId", live.sessionId)).status()).isEqualTo(201);
        assertThat(api.post(followers, fan, Map.of("source", "ROOM", "liveSessionId", live.sessionId)).body().path("followers").asLong()).isEqualTo(1);
        assertThat(api.get(followers + "/count", null).body().path("followers").asLong()).isEqualTo(1);
        assertThat(api.post(followers, api.user("x"), Map.of("source", "ROOM", "liveSessionId", other.sessionId)).status()).isEqualTo(400);
        assertThat(api.post(followers, api.user("x"), Map.of("source", "NOWHERE")).status()).isEqualTo(400);
        assertThat(api.post(followers, live.creator, Map.of("source", "SEARCH")).status()).as("oneself").isEqualTo(409);
        assertThat(api.get(followers, fan).status()).as("the list is the creator's").isEqualTo(403);
        assertThat(api.get(followers, live.creator).body().path("items").get(0).path("source").asString()).isEqualTo("ROOM");
        Eventually.until("the room counts the new follower", () ->
                api.get("/api/live-sessions/" + live.sessionId + "/report", live.creator).body().path("newFollowers").asInt() == 1);

        assertThat(api.delete(followers + "/me", fan).body().path("following").asBoolean()).isFalse();
        assertThat(api.delete(followers + "/me", fan).body().path("followers").asLong()).isZero();
    }

    @Test
    void joiningAFanClubFollowsTooAndMembersEarnIntimacyFromTheirComments() {
        LiveFixture live = new LiveFixture(api, true);
        User fan = api.user("member");
        var joined = api.post("/api/creators/" + live.creator.id() + "/fan-club/members", fan,
                Map.of("source", "ROOM", "liveSessionId", live.sessionId));
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.body().path("level").asInt()).isEqualTo(1);
        assertThat(api.get("/api/creators/" + live.creator.id() + "/followers/me", fan).body().path("following").asBoolean()).isTrue();
        assertThat(api.get("/api/creators/" + live.creator.id(), null).body().path("fanClubMembers").asLong()).isEqualTo(1);

        var comment = api.post("/api/live-sessions/" + live.sessionId + "/comments", fan, Map.of("text", "柿饼甜不甜？"));
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.body().path("badge").path("level").asInt()).isEqualTo(1);
        assertThat(api.get("/api/creators/" + live.creator.id() + "/fan-club/members/me", fan).body().path("intimacy").asLong()).isEqualTo(2);
        assertThat(api.get("/api/creators/" + live.creator.id() + "/fan-club/members/me", api.user("no")).status()).isEqualTo(404);
    }

    @Test
    void everyRefusedCommentSaysWhyAndStoresNothing() {
        LiveFixture live = new LiveFixture(api, true);
        String comments = "/api/live-sessions/" + live.sessionId + "/comments";
        User talker = api.user("talker");
        assertThat(api.post(comments, null, Map.of("text", "hi")).status()).isEqualTo(401);
        assertThat(api.post(comments, talker, Map.of("text", "长".repeat(201))).status()).isEqualTo(400);
        assertThat(api.post(comments, talker, Map.of("text", "   ")).status()).isEqualTo(400);
        String word = Api.unique("blockedword");
        api.post("/api/operator/blocked-words", api.operator(), Map.of("word", word.toUpperCase()));
        var blocked = api.post(comments, talker, Map.of("text", "buy at " + word + " instead"));
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.body().path("detail").asString()).contains("blocks");
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/mutes", api.user("nobody"), Map.of("accountId", talker.id())).status())
                .isEqualTo(403);
        assertThat(api.post("/api/live-sessions/" + live.sessionId + "/mutes", live.creator, Map.of("accountId", talker.id())).status()).isEqualTo(201);
        assertThat(api.post(comments, talker, Map.of("text", "hello")).status()).isEqualTo(403);
        assertThat(api.delete("/api/live-sessions/" + live.sessionId + "/mutes/" + talker.id(), live.creator).status()).isEqualTo(204);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(comments, talker, Map.of("text", "第" + i + "条")).status()).isEqualTo(201);
        }
        assertThat(api.post(comments, talker, Map.of("text", "flood")).status()).isEqualTo(429);
        assertThat(api.get(comments, null).body()).hasSize(5);
        api.delete("/api/operator/blocked-words/" + word, api.operator());
    }
}
