package io.laotie.live;

import io.laotie.live.room.RoomHub;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import io.laotie.support.RoomClient;
import io.laotie.social.RoomSignals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The room channel over a real WebSocket connection to the running server. */
@LaotieTest
class RoomChannelTests {

    @Autowired Api api;
    @Autowired RoomHub hub;
    @Autowired RoomSignals signals;
    @Autowired Shelf shelf;
    @LocalServerPort int port;

    private RoomClient open(LiveFixture live, User user) {
        return RoomClient.open(port, live.sessionId, user == null ? null : user.token(), api.json());
    }

    @Test
    void viewersSeeEachOthersCommentsTheLikesAndTheAudience() {
        LiveFixture live = new LiveFixture(api, true);
        User a = api.user("alice");
        User b = api.user("bob");
        try (RoomClient alice = open(live, a); RoomClient bob = open(live, b); RoomClient anonymous = open(live, null)) {
            JsonNode hello = alice.await("hello");
            assertThat(hello.path("status").asString()).isEqualTo("LIVE");
            assertThat(hello.path("signedIn").asBoolean()).isTrue();
            assertThat(anonymous.await("hello").path("signedIn").asBoolean()).isFalse();
            alice.comment("富平的柿饼怎么发货？");
            bob.comment("顺丰吗？");
            for (RoomClient client : List.of(alice, bob, anonymous)) {
                client.await(f -> "富平的柿饼怎么发货？".equals(f.path("text").asString()));
                JsonNode fromBob = client.await(f -> "顺丰吗？".equals(f.path("text").asString()));
                assertThat(fromBob.path("authorId").asString()).isEqualTo(b.id());
                assertThat(fromBob.path("creator").asBoolean()).isFalse();
            }
            alice.send("{\"type\":\"like\",\"count\":30}");
            bob.send("{\"type\":\"like\"}");
            anonymous.await(f -> "likes".equals(f.path("type").asString()) && f.path("total").asLong() == 31);
            anonymous.await(f -> "viewers".equals(f.path("type").asString()) && f.path("count").asLong() == 3);
            signals.flush();
            assertThat(signals.storedSignals(Long.parseLong(live.sessionId), Long.parseLong(a.id()))[0]).isEqualTo(30);
            assertThat(api.get("/api/live-sessions/" + live.sessionId + "/comments", null).body()).hasSize(2);
        }
    }

    @Test
    void everyBadFrameGetsANoticeAndTheConnectionStaysOpen() {
        LiveFixture live = new LiveFixture(api, true);
        User viewer = api.user("noisy");
        try (RoomClient client = open(live, viewer); RoomClient anonymous = open(live, null); RoomClient bystander = open(live, api.user("calm"))) {
            client.await("hello");
            client.send("not json at all");
            client.send("{\"type\":\"dance\"}");
            client.send("[1,2,3]");
            client.send("{\"type\":\"comment\",\"text\":42}");
            client.send("{\"type\":\"comment\",\"text\":\"" + "长".repeat(201) + "\"}");
            client.send("{\"type\":\"like\",\"count\":100000}");
            client.send("{\"type\":\"like\",\"count\":-1}");
            anonymous.send("{\"type\":\"comment\",\"text\":\"hello\"}");
            anonymous.send("{\"type\":\"like\",\"count\":1}");
            List<String> codes = List.of("malformed", "unknown-type", "unknown-type", "malformed", "too-long", "bad-count", "bad-count");
            client.await(f -> f.path("type").asString().equals("notice") && client.frames("notice").size() >= codes.size());
            assertThat(client.frames("notice").stream().map(f -> f.path("code").asString()).toList()).containsExactlyElementsOf(codes);
            assertThat(client.frames("notice")).allMatch(f -> !f.path("message").asString().isBlank());
            anonymous.await(f -> anonymous.frames("notice").size() == 2);
            assertThat(anonymous.frames("notice")).allMatch(f -> f.path("code").asString().equals("unauthenticated"));

            client.send("{\"type\":\"ping\"}");
            client.await("pong");
            client.comment("还在吗");
            bystander.await(f -> "还在吗".equals(f.path("text").asString()));
            assertThat(client.isClosed()).isFalse();
            assertThat(anonymous.isClosed()).isFalse();
        }
    }

    @Test
    void anOversizedFrameClosesOnlyThatConnectionWith1009() {
        LiveFixture live = new LiveFixture(api, true);
        try (RoomClient big = open(live, api.user("big")); RoomClient other = open(live, api.user("other"))) {
            big.await("hello");
            other.await("hello");
            big.send("{\"type\":\"comment\",\"text\":\"" + "x".repeat(10_000) + "\"}");
            assertThat(big.closeCode()).isEqualTo(1009);
            other.comment("我还在");
            other.await(f -> "我还在".equals(f.path("text").asString()));
            assertThat(other.isClosed()).isFalse();
        }
    }

    @Test
    void mutedAndFloodingViewersAreToldWhyWhileTheRoomGoesOn() {
        LiveFixture live = new LiveFixture(api, true);
        User muted = api.user("muted");
        User flooder = api.user("flooder");
        try (RoomClient mutedClient = open(live, muted); RoomClient flood = open(live, flooder); RoomClient watcher = open(live, null)) {
            mutedClient.await("hello");
            api.post("/api/live-sessions/" + live.sessionId + "/mutes", live.creator, Map.of("accountId", muted.id()));
            mutedClient.comment("我被禁言了吗");
            assertThat(mutedClient.await("notice").path("code").asString()).isEqualTo("muted");
            for (int i = 0; i < 8; i++) {
                flood.comment("刷屏" + i);
            }
            flood.await(f -> flood.frames("notice").size() >= 3);
            watcher.await(f -> "刷屏4".equals(f.path("text").asString()));
            assertThat(watcher.comments()).doesNotContain("我被禁言了吗", "刷屏5", "刷屏6", "刷屏7");
            assertThat(flood.frames("notice")).hasSize(3).allMatch(f -> "rate-limited".equals(f.path("code").asString()));
        }
    }

    @Test
    void shelfChangesTheExplainingItemAndTheEndOfTheSessionReachTheRoom() {
        LiveFixture live = new LiveFixture(api, true);
        try (RoomClient viewer = open(live, null)) {
            viewer.await("hello");
            api.post("/api/live-sessions/" + live.sessionId + "/shelf-items/" + live.shelfItemId + "/explaining", live.creator, null);
            JsonNode explaining = viewer.await("explaining");
            assertThat(explaining.path("shelfItemId").asString()).isEqualTo(live.shelfItemId);
            String walnut = api.post("/api/shops/" + live.shopId + "/products", live.creator, Api.product(Api.unique("核桃"), 2_000, 5)).id();
            api.post("/api/live-sessions/" + live.sessionId + "/shelf-items", live.creator, Map.of("productId", walnut));
            JsonNode changed = viewer.await(f -> "shelf".equals(f.path("type").asString()) && f.path("items").size() == 2);
            assertThat(changed.path("items").get(1).path("productId").asString()).isEqualTo(walnut);
            api.post("/api/live-sessions/" + live.sessionId + "/end", live.creator, null);
            viewer.await("session-ended");
            assertThat(viewer.closeCode()).isEqualTo(1000);
        }
        assertThat(shelf.report(Long.parseLong(live.sessionId), callerOf(live.creator)).items().getFirst().views()).isEqualTo(1);
    }

    @Test
    void aPaidRoomOrderIsAnnouncedWithTheBuyersCityOnly() {
        LiveFixture live = new LiveFixture(api, true);
        User buyer = live.buyer("成都");
        try (RoomClient viewer = open(live, null)) {
            viewer.await("hello");
            String order = api.post("/api/orders", buyer, live.roomOrder(live.skuId, 1)).id();
            api.post("/api/orders/" + order + "/payment", buyer, null);
            JsonNode purchase = viewer.await("purchase");
            assertThat(purchase.path("city").asString()).isEqualTo("成都");
            assertThat(purchase.path("shelfItemId").asString()).isEqualTo(live.shelfItemId);
            assertThat(purchase.toString()).doesNotContain(buyer.handle(), buyer.id(), "13800000000", "人民路");
        }
    }

    @Test
    void aWrongTokenOrAnUnknownRoomIsRefusedAtTheHandshake() {
        LiveFixture live = new LiveFixture(api, true);
        assertThat(handshakeFails("/ws/rooms/" + live.sessionId + "?access_token=forged")).isTrue();
        assertThat(handshakeFails("/ws/rooms/123456")).isTrue();
        assertThat(handshakeFails("/ws/rooms/abc")).isTrue();
    }

    /**
     * A viewer who stops reading: a raw connection with a tiny receive window that never reads after the handshake.
     * The creator keeps changing a large shelf and talking, frames every viewer must receive, while the slow
     * viewer's batches pile up. The readers get every one of them in order, the slow viewer's backlog never passes
     * its bound ({@code max-backlog}, 200 in tests), and once past it the slow connection is closed.
     */
    @Test
    void aViewerWhoStopsReadingLosesNothingForTheOthersAndHoldsABoundedBacklog() throws Exception {
        LiveFixture live = new LiveFixture(api, true);
        long sessionId = Long.parseLong(live.sessionId);
        io.laotie.identity.Caller creator = callerOf(live.creator);
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var product = Api.product(Api.unique("大礼包"), 9_900, 5);
            product.put("origin", Map.of("place", "陕西富平", "story", "柿子".repeat(2_000)));
            String productId = api.post("/api/shops/" + live.shopId + "/products", live.creator, product).id();
            items.add(Long.parseLong(api.post("/api/live-sessions/" + live.sessionId + "/shelf-items", live.creator,
                    Map.of("productId", productId)).id()));
        }
        items.addFirst(Long.parseLong(live.shelfItemId));
        long closedBefore = hub.closedForSlowness();
        try (java.net.Socket slow = stalledViewer(live.sessionId);
             RoomClient first = open(live, api.user("reader")); RoomClient second = open(live, null);
             RoomClient host = open(live, live.creator)) {
            first.await("hello");
            second.await("hello");
            host.await("hello");
            int rounds = 0;
            int maxBacklog = 0;
            while (rounds < 2_000 && hub.closedForSlowness() == closedBefore) {
                java.util.Collections.rotate(items, 1);
                shelf.reorder(sessionId, creator, items);
                host.comment("第" + rounds + "句");
                rounds++;
                maxBacklog = Math.max(maxBacklog, hub.longestBacklog());
                if (rounds % 20 == 0) {
                    String last = "第" + (rounds - 1) + "句";
                    first.await(f -> last.equals(f.path("text").asString()));
                }
            }
            assertThat(hub.closedForSlowness()).as("the slow viewer was dropped once its backlog was full").isGreaterThan(closedBefore);
            int total = rounds;
            for (RoomClient reader : List.of(first, second)) {
                String last = "第" + (total - 1) + "句";
                reader.await(f -> last.equals(f.path("text").asString()));
                assertThat(reader.comments().stream().filter(t -> t.startsWith("第")).toList())
                        .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> "第" + i + "句").toList());
                // every reorder reached it; a shelf frame of the set-up may also arrive if the reader joined before it was sent
                assertThat(reader.frames("shelf").size()).isBetween(total, total + items.size());
            }
            assertThat(maxBacklog).isLessThanOrEqualTo(200 + 2);
        }
    }

    /** Opens the room with a bare socket that completes the handshake, then never reads again. */
    private java.net.Socket stalledViewer(String sessionId) throws java.io.IOException {
        java.net.Socket socket = new java.net.Socket();
        socket.setReceiveBufferSize(4_096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        String key = java.util.Base64.getEncoder().encodeToString("laotie-slow-view".getBytes());
        socket.getOutputStream().write(("GET /ws/rooms/" + sessionId + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("handshake cut short: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }

    private boolean handshakeFails(String path) {
        try {
            java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(java.net.URI.create("ws://127.0.0.1:" + port + path), new java.net.http.WebSocket.Listener() {
                    }).join();
            return false;
        } catch (java.util.concurrent.CompletionException e) {
            return true;
        }
    }

    private static io.laotie.identity.Caller callerOf(User user) {
        return new io.laotie.identity.Caller(Long.parseLong(user.id()), user.handle(), java.util.Set.of(io.laotie.identity.Role.CREATOR));
    }
}
