package io.laotie.trust;

import io.laotie.catalog.Products;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.live.LiveFixture;
import io.laotie.order.Orders;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.Ids;
import io.laotie.platform.PageRequest;
import io.laotie.platform.PlatformClock;
import io.laotie.social.Creators;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import io.laotie.support.MutableClock;
import io.laotie.trust.internal.ReviewSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.laotie.live.LiveFixture.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reviews through the API: posting all lines or none, who may follow up, reply and report, rulings, the windows. */
@LaotieTest
@RecordApplicationEvents
class ReviewTests {

    @Autowired Api api;
    @Autowired ApplicationEvents events;
    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired PlatformClock platformClock;
    @Autowired Orders orders;
    @Autowired Products products;
    @Autowired Creators creators;
    @Autowired Accounts accounts;
    @Autowired ReviewSettings settings;
    @Autowired ApplicationEventPublisher publisher;

    LiveFixture room;
    User buyer;

    @BeforeEach
    void world() {
        room = new LiveFixture(api, true);
        buyer = room.buyer("洛阳");
    }

    @Test
    void aBuyerReviewsEveryLineOfARoomOrderAndEveryoneSeesThemOnTheProductAndTheCreator() {
        String orderId = delivered(buyer, twoLines());
        JsonNode lines = order(orderId).path("lines");
        var posted = api.post("/api/orders/" + orderId + "/reviews", buyer, Map.of("lines", List.of(
                line(lines.get(0), 5, "甜而不腻，和直播里说的一样", List.of("AS_DESCRIBED", "FRESH"), List.of("https://img.example.com/a.jpg")),
                line(lines.get(1), 4, "", List.of("FAST_DELIVERY"), List.of()))));

        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);
        JsonNode first = posted.body().path("reviews").get(0);
        assertThat(posted.body().path("reviews").size()).isEqualTo(2);
        assertThat(first.path("creatorId").asString()).as("attributed to the creator who sold it").isEqualTo(room.creator.id());
        assertThat(first.path("reviewer").asString()).isEqualTo("T**");
        assertThat(first.path("orderId").asString()).as("the author sees the order").isEqualTo(orderId);
        List<ReviewPosted> announced = events.stream(ReviewPosted.class).filter(e -> e.orderId() == Long.parseLong(orderId)).toList();
        assertThat(announced).hasSize(2).allSatisfy(e -> {
            assertThat(e.creatorId()).isEqualTo(Long.parseLong(room.creator.id()));
            assertThat(e.buyerId()).isEqualTo(Long.parseLong(buyer.id()));
            assertThat(e.shopId()).isEqualTo(Long.parseLong(room.shopId));
        });
        assertThat(announced).extracting(ReviewPosted::rating).containsExactlyInAnyOrder(5, 4);

        JsonNode page = api.get("/api/products/" + room.productId + "/reviews", null).body();
        assertThat(page.path("total").asLong()).isEqualTo(2);
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("rating").asInt()).as("newest first").isEqualTo(4);
        assertThat(newest.has("orderId")).as("readers never see whose order it was").isFalse();
        assertThat(newest.has("buyerId")).isFalse();
        assertThat(newest.path("reviewer").asString()).isEqualTo("T**");
        JsonNode summary = page.path("summary");
        assertThat(summary.path("count").asLong()).isEqualTo(2);
        assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(summary.path("ratings").get(0).path("rating").asInt()).isEqualTo(5);
        assertThat(summary.path("ratings").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(summary.path("ratings").get(4).path("count").asLong()).as("no one-star reviews").isZero();
        assertThat(summary.path("tags").size()).isEqualTo(3);
        assertThat(summary.path("withImages").asLong()).isEqualTo(1);

        assertThat(total("/api/products/" + room.productId + "/reviews?rating=5")).isEqualTo(1);
        assertThat(total("/api/products/" + room.productId + "/reviews?rating=1")).isZero();
        assertThat(total("/api/products/" + room.productId + "/reviews?tag=FRESH")).isEqualTo(1);
        assertThat(total("/api/products/" + room.productId + "/reviews?withImages=true")).isEqualTo(1);
        assertThat(total("/api/products/" + room.productId + "/reviews?tag=FRESH&rating=4")).isZero();
        assertThat(total("/api/creators/" + room.creator.id() + "/reviews")).isEqualTo(2);
        assertThat(api.get("/api/products/" + room.productId + "/reviews?rating=6", null).status()).isEqualTo(400);
        assertThat(api.get("/api/products/" + room.productId + "/reviews?tag=DELICIOUS", null).status()).isEqualTo(400);
        assertThat(api.get("/api/products/" + ids.next() + "/reviews", null).status()).isEqualTo(404);
        assertThat(api.get("/api/creators/" + buyer.id() + "/reviews", null).status()).as("not a creator").isEqualTo(404);
    }

    @Test
    void aRefusedReviewChangesNothing() {
        String orderId = delivered(buyer, twoLines());
        JsonNode lines = order(orderId).path("lines");
        String path = "/api/orders/" + orderId + "/reviews";
        Map<String, Object> good = line(lines.get(0), 5, "好", List.of(), List.of());

        assertThat(api.post(path, api.user("stranger"), Map.of("lines", List.of(good))).status()).as("another buyer's order").isEqualTo(404);
        assertThat(api.post(path, room.creator, Map.of("lines", List.of(good))).status()).as("the merchant sees it but does not review").isEqualTo(403);
        assertThat(api.post(path, null, Map.of("lines", List.of(good))).status()).isEqualTo(401);
        assertThat(api.postRaw(path, buyer, "{\"lines\": [").status()).isEqualTo(400);
        assertRefused(path, Map.of("lines", List.of()), "lines");
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 0, "", List.of(), List.of()))), "lines[0].rating");
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 6, "", List.of(), List.of()))), "lines[0].rating");
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 5, "x".repeat(settings.maxText() + 1), List.of(), List.of()))), "lines[0].text");
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 5, "", List.of("FRESH", "DELICIOUS"), List.of()))), "lines[0].tags[1]");
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 5, "", List.of("FRESH", "FRESH"), List.of()))), "lines[0].tags[1]");
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 5, "", List.of(), List.of("ftp://img.example.com/a.jpg")))), "lines[0].imageUrls[0]");
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 5, "", List.of(), List.of("javascript:alert(1)")))), "lines[0].imageUrls[0]");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= settings.maxImages(); i++) {
            tooMany.add("https://img.example.com/" + i + ".jpg");
        }
        assertRefused(path, Map.of("lines", List.of(line(lines.get(0), 5, "", List.of(), tooMany))), "lines[0].imageUrls");
        assertRefused(path, Map.of("lines", List.of(good, good)), "lines[1].orderLineId");
        Map<String, Object> foreign = new HashMap<>(good);
        foreign.put("orderLineId", ids.next());
        assertRefused(path, Map.of("lines", List.of(foreign)), "lines[0].orderLineId");
        assertRefused(path, Map.of("lines", List.of(good, line(lines.get(1), 9, "", List.of(), List.of()))), "lines[1].rating");
        assertThat(total("/api/products/" + room.productId + "/reviews")).as("a refused line stores none of the others").isZero();
        assertThat(events.stream(ReviewPosted.class)).isEmpty();

        String paid = paid(buyer, twoLines());
        var early = api.post("/api/orders/" + paid + "/reviews", buyer, Map.of("lines", List.of(line(order(paid).path("lines").get(0), 5, "", List.of(), List.of()))));
        assertThat(early.status()).as("not delivered yet").isEqualTo(409);

        assertThat(api.post(path, buyer, Map.of("lines", List.of(good))).status()).isEqualTo(201);
        var again = api.post(path, buyer, Map.of("lines", List.of(line(lines.get(1), 5, "", List.of(), List.of()), good)));
        assertThat(again.status()).as("a line is reviewed once").isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:laotie:problem:already-reviewed");
        assertThat(total("/api/products/" + room.productId + "/reviews")).isEqualTo(1);
        assertThat(api.post(path, buyer, Map.of("lines", List.of(line(lines.get(1), 3, "", List.of(), List.of())))).status())
                .as("the other line may still be reviewed").isEqualTo(201);
    }

    @Test
    void theReviewWindowAndTheFollowUpWindowCloseAfterDelivery() {
        MutableClock clock = new MutableClock();
        Duration platformAhead = Duration.between(Instant.now(), platformClock.instant());
        if (!platformAhead.isNegative()) {
            clock.advance(platformAhead); // other tests may have moved the platform clock the orders were delivered by
        }
        Reviews later = new Reviews(jdbc, ids, clock, orders, products, creators, accounts, settings, publisher);
        Caller caller = accounts.callerOf(Long.parseLong(buyer.id())).orElseThrow();
        String late = delivered(buyer, twoLines());
        String inTime = delivered(buyer, twoLines());
        String third = delivered(buyer, twoLines());

        clock.advance(settings.window().minusHours(1));
        long reviewId = later.post(Long.parseLong(inTime), caller, review(order(inTime).path("lines").get(0))).getFirst().id();
        long thirdReview = later.post(Long.parseLong(third), caller, review(order(third).path("lines").get(0))).getFirst().id();
        assertThat(later.ofOrder(Long.parseLong(late), caller).reviewable()).isTrue();

        clock.advance(Duration.ofHours(2));
        assertThat(later.ofOrder(Long.parseLong(late), caller).reviewable()).isFalse();
        assertThatThrownBy(() -> later.post(Long.parseLong(late), caller, review(order(late).path("lines").get(0))))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("window");
        assertThat(later.ofOrder(Long.parseLong(late), caller).reviews()).as("nothing stored").isEmpty();

        clock.advance(settings.followUpWindow().minus(settings.window()).minusHours(2));
        ReviewView followed = later.followUp(reviewId, caller, "吃完了，回购", List.of());
        assertThat(followed.followUp()).isNotNull();
        assertThat(followed.followUp().text()).isEqualTo("吃完了，回购");

        clock.advance(Duration.ofHours(2));
        assertThat(later.ofOrder(Long.parseLong(third), caller).followUpOpen()).isFalse();
        assertThatThrownBy(() -> later.followUp(thirdReview, caller, "晚了", List.of()))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("days of delivery");
        assertThat(later.view(thirdReview, Optional.of(caller)).followUp()).as("nothing stored").isNull();
    }

    @Test
    void theAuthorFollowsUpOnceAndTheShopsMerchantRepliesOnce() {
        String reviewId = reviewed(buyer, 2);
        String followUp = "/api/reviews/" + reviewId + "/follow-up";
        String reply = "/api/reviews/" + reviewId + "/reply";

        assertThat(api.post(followUp, api.user("stranger"), Map.of("text", "我也买了")).status()).isEqualTo(403);
        assertThat(api.post(followUp, room.creator, Map.of("text", "谢谢")).status()).isEqualTo(403);
        var blank = api.post(followUp, buyer, Map.of("text", "  "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body().path("errors").get(0).path("field").asString()).isEqualTo("text");
        assertThat(api.post(followUp, buyer, Map.of("text", "后来", "imageUrls", List.of("file:///etc/passwd"))).status()).isEqualTo(422);
        var added = api.post(followUp, buyer, Map.of("text", "放了一周还是软糯", "imageUrls", List.of("https://img.example.com/week.jpg")));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().path("followUp").path("text").asString()).isEqualTo("放了一周还是软糯");
        assertThat(api.post(followUp, buyer, Map.of("text", "再说一句")).status()).as("one follow-up").isEqualTo(409);

        assertThat(api.post(reply, buyer, Map.of("text", "我回复自己")).status()).isEqualTo(403);
        assertThat(api.post(reply, api.merchant("other").user(), Map.of("text", "别家")).status()).isEqualTo(403);
        assertThat(api.post(reply, api.operator(), Map.of("text", "运营")).status()).isEqualTo(403);
        assertThat(api.post(reply, room.creator, Map.of()).status()).isEqualTo(422);
        var replied = api.post(reply, room.creator, Map.of("text", "谢谢老铁，下次给您多装两个"));
        assertThat(replied.status()).isEqualTo(200);
        assertThat(replied.body().path("reply").path("text").asString()).isEqualTo("谢谢老铁，下次给您多装两个");
        assertThat(api.post(reply, room.creator, Map.of("text", "再回复")).status()).as("one reply").isEqualTo(409);

        JsonNode shown = api.get("/api/products/" + room.productId + "/reviews", null).body().path("items").get(0);
        assertThat(shown.path("followUp").path("imageUrls").get(0).asString()).isEqualTo("https://img.example.com/week.jpg");
        assertThat(shown.path("reply").path("text").asString()).isEqualTo("谢谢老铁，下次给您多装两个");
        assertThat(api.post("/api/reviews/" + ids.next() + "/reply", room.creator, Map.of("text", "?")).status()).isEqualTo(404);
    }

    @Test
    void readersReportAbuseOnceAndAnUpheldReportHidesTheReviewEverywhere() {
        String reviewId = reviewed(buyer, 1);
        String reports = "/api/reviews/" + reviewId + "/reports";
        User reader = api.user("reader");
        User another = api.user("reader");
        User operator = api.operator();

        assertThat(api.post(reports, null, Map.of("reason", "辱骂")).status()).isEqualTo(401);
        assertThat(api.post(reports, buyer, Map.of("reason", "我自己")).status()).as("not one's own").isEqualTo(403);
        assertThat(api.post(reports, reader, Map.of("reason", " ")).status()).isEqualTo(422);
        var first = api.post(reports, reader, Map.of("reason", "人身攻击"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("OPEN");
        assertThat(api.post(reports, reader, Map.of("reason", "再举报")).status()).as("once per reader").isEqualTo(409);
        String second = api.post(reports, another, Map.of("reason", "广告")).id();

        assertThat(api.get("/api/operator/review-reports?size=100", reader).status()).isEqualTo(403);
        assertThat(openReports(operator)).contains(first.id(), second);
        assertThat(api.post("/api/operator/review-reports/" + first.id() + "/ruling", reader, Map.of("upheld", true)).status()).isEqualTo(403);
        assertThat(api.post("/api/operator/review-reports/" + first.id() + "/ruling", operator, Map.of()).status()).isEqualTo(400);
        var dismissed = api.post("/api/operator/review-reports/" + first.id() + "/ruling", operator, Map.of("upheld", false));
        assertThat(dismissed.text("status")).isEqualTo("DISMISSED");
        assertThat(api.post("/api/operator/review-reports/" + first.id() + "/ruling", operator, Map.of("upheld", true)).status())
                .as("ruled once").isEqualTo(409);
        assertThat(total("/api/products/" + room.productId + "/reviews")).as("a dismissed report hides nothing").isEqualTo(1);
        assertThat(events.stream(ReviewRemoved.class)).isEmpty();

        User third = api.user("reader");
        String upheldId = api.post(reports, third, Map.of("reason", "泄露隐私")).id();
        var upheld = api.post("/api/operator/review-reports/" + upheldId + "/ruling", operator, Map.of("upheld", true));
        assertThat(upheld.text("status")).isEqualTo("UPHELD");
        assertThat(upheld.body().path("review").path("removed").asBoolean()).isTrue();
        assertThat(events.stream(ReviewRemoved.class).map(ReviewRemoved::reviewId)).containsExactly(Long.parseLong(reviewId));
        assertThat(openReports(operator)).as("every open report of a hidden review closes").doesNotContain(second, upheldId);
        assertThat(api.get("/api/operator/review-reports?status=UPHELD&size=100", operator).body().path("items").findValuesAsString("id"))
                .contains(second, upheldId);

        JsonNode page = api.get("/api/products/" + room.productId + "/reviews", null).body();
        assertThat(page.path("total").asLong()).isZero();
        assertThat(page.path("summary").path("count").asLong()).isZero();
        assertThat(page.path("summary").has("average")).isFalse();
        assertThat(api.post("/api/reviews/" + reviewId + "/follow-up", buyer, Map.of("text", "?")).status()).isEqualTo(404);
        assertThat(api.post("/api/reviews/" + reviewId + "/reply", room.creator, Map.of("text", "?")).status()).isEqualTo(404);
        assertThat(api.post(reports, api.user("late"), Map.of("reason", "?")).status()).isEqualTo(404);
        JsonNode mine = api.get("/api/orders/" + reviewOrder + "/reviews", buyer).body();
        assertThat(mine.path("reviews").get(0).path("removed").asBoolean()).as("the author still sees it, marked").isTrue();
    }

    // --- the world each test stands on ---

    private String reviewOrder;

    /** A delivered room order of the buyer with one line, reviewed with {@code stars}; answers the review id. */
    private String reviewed(User buyer, int stars) {
        reviewOrder = delivered(buyer, room.roomOrder(room.skuId, 1));
        var posted = require(api.post("/api/orders/" + reviewOrder + "/reviews", buyer, Map.of("lines", List.of(
                line(order(reviewOrder).path("lines").get(0), stars, "不太满意", List.of("SLOW_DELIVERY"), List.of())))), 201);
        return posted.body().path("reviews").get(0).path("id").asString();
    }

    private Map<String, Object> twoLines() {
        return Map.of("liveSessionId", room.sessionId, "lines", List.of(
                Map.of("skuId", room.skuId, "quantity", 1, "shelfItemId", room.shelfItemId),
                Map.of("skuId", room.secondSkuId, "quantity", 1, "shelfItemId", room.shelfItemId)));
    }

    private String paid(User buyer, Map<String, Object> order) {
        String id = require(api.post("/api/orders", buyer, order), 201).id();
        require(api.post("/api/orders/" + id + "/payment", buyer, null), 200);
        return id;
    }

    private String delivered(User buyer, Map<String, Object> order) {
        String id = paid(buyer, order);
        require(api.post("/api/orders/" + id + "/shipment", room.creator, Map.of("carrier", "顺丰", "trackingNumber", "SF1")), 200);
        require(api.post("/api/orders/" + id + "/receipt", buyer, null), 200);
        return id;
    }

    private JsonNode order(String id) {
        return api.get("/api/orders/" + id, buyer).body();
    }

    private static Map<String, Object> line(JsonNode orderLine, int rating, String text, List<String> tags, List<String> images) {
        return Map.of("orderLineId", orderLine.path("id").asString(), "rating", rating, "text", text, "tags", tags, "imageUrls", images);
    }

    private static NewReview review(JsonNode orderLine) {
        return new NewReview(List.of(new NewReview.Line(orderLine.path("id").asLong(), 4, "还行", List.of("FRESH"), List.of())));
    }

    private void assertRefused(String path, Map<String, Object> body, String field) {
        var answer = api.post(path, buyer, body);
        assertThat(answer.status()).as(body.toString()).isEqualTo(422);
        assertThat(answer.body().path("errors").findValuesAsString("field")).as(answer.body().toString()).contains(field);
    }

    private long total(String path) {
        return api.get(path, null).body().path("total").asLong();
    }

    private List<String> openReports(User operator) {
        return api.get("/api/operator/review-reports?size=100", operator).body().path("items").findValuesAsString("id");
    }
}
