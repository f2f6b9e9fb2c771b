package io.laotie.demo;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shops;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.ledger.Ledger;
import io.laotie.live.FlashSale;
import io.laotie.live.FlashSaleStatus;
import io.laotie.live.FlashSales;
import io.laotie.live.LivePrice;
import io.laotie.live.LiveRooms;
import io.laotie.live.LiveSession;
import io.laotie.live.LiveSessions;
import io.laotie.live.NewLiveSession;
import io.laotie.live.NewShelfItem;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.live.ShelfItem;
import io.laotie.order.Orders;
import io.laotie.platform.Ids;
import io.laotie.platform.PlatformClock;
import io.laotie.social.Comment;
import io.laotie.social.Creators;
import io.laotie.social.FanClubs;
import io.laotie.social.FollowSource;
import io.laotie.social.Follows;
import io.laotie.social.NewCreator;
import io.laotie.social.RoomSignals;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The simulated audience's beats, run here one by one (the suite keeps its scheduler off). */
@LaotieTest
class SimulatedAudienceTests {

    @Autowired DemoProperties properties;
    @Autowired LiveSessions sessions;
    @Autowired Shelf shelf;
    @Autowired LiveRooms rooms;
    @Autowired Follows follows;
    @Autowired FanClubs fanClubs;
    @Autowired Orders orders;
    @Autowired Ledger ledger;
    @Autowired Accounts accounts;
    @Autowired Products products;
    @Autowired Shops shops;
    @Autowired Creators creators;
    @Autowired RoomSignals signals;
    @Autowired Ids ids;
    @Autowired Clock clock;
    @Autowired PlatformClock platformClock;
    @Autowired FlashSales flashSales;
    @Autowired JdbcClient jdbc;

    /** Every chance taken, always the first choice: a beat that comments, likes, follows, joins and buys. */
    static final RandomGenerator EVERYTHING = () -> 0L;

    @Test
    void theSuiteLeavesTheSchedulerOff() {
        assertThat(properties.simulatedAudience()).isFalse();
    }

    @Test
    void simulatedViewersCommentOnTheGoodsAndLike() {
        Room room = liveRoom();
        SimulatedAudience audience = audience(new SplittableRandom(42));

        int said = 0;
        for (int i = 0; i < 4; i++) {
            said += audience.step(sessions.get(room.id())).comments();
        }

        List<Comment> comments = signals.recentComments(room.id(), room.creator().accountId(), 50);
        assertThat(said).isPositive();
        assertThat(comments).hasSize(said);
        assertThat(comments).allSatisfy(c -> {
            assertThat(c.authorName()).startsWith(SimulatedViewers.NAME_PREFIX);
            assertThat(accounts.get(c.authorId()).handle()).startsWith(SimulatedViewers.HANDLE_PREFIX);
        });
        assertThat(comments).extracting(Comment::authorId).as("spread over viewers").hasSizeGreaterThan(1);
        signals.flush();
        long likes = jdbc.sql("select coalesce(sum(likes), 0) from room_signals where live_session_id = ?").param(room.id())
                .query(Long.class).single();
        assertThat(likes).isPositive();
    }

    @Test
    void aBeatThatTakesEveryChanceFollowsJoinsAndBuysAtTheLivePrice() {
        Room room = liveRoom();
        SimulatedAudience audience = audience(EVERYTHING);

        SimulatedAudience.Beat beat = audience.step(sessions.get(room.id()));

        assertThat(beat).isEqualTo(new SimulatedAudience.Beat(1, 1, 1, 1, 1, 1, 1));
        long viewer = accounts.findByHandle(SimulatedViewers.ALL.getFirst().handle()).orElseThrow().id();
        assertThat(follows.follows(viewer, room.creator().accountId())).isTrue();
        assertThat(fanClubs.membership(room.creator().accountId(), viewer)).isPresent();
        assertThat(jdbc.sql("select source from follows where viewer_id = ? and creator_id = ?").params(viewer, room.creator().accountId())
                .query(String.class).single()).isEqualTo(FollowSource.ROOM.name());
        record Bought(String status, long creatorId, long unitPrice, long shelfItemId) {
        }
        List<Bought> bought = jdbc.sql("""
                        select o.status, o.creator_id, l.unit_price, l.shelf_item_id from orders o join order_lines l on l.order_id = o.id
                        where o.live_session_id = ? and o.buyer_id = ?""")
                .params(room.id(), viewer)
                .query((rs, n) -> new Bought(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
        ShelfItem item = shelf.items(room.id()).getFirst();
        assertThat(bought).containsExactly(new Bought("PAID", room.creator().accountId(), item.skus().getFirst().livePrice(), item.id()));
    }

    @Test
    void theCreatorOfASimulatedRoomStartsAFlashSaleAndTheAudienceGrabsItOnceItOpens() {
        Room room = liveRoom();
        SimulatedAudience audience = audience(EVERYTHING);
        assertThat(audience.step(sessions.get(room.id())).flashSales()).isEqualTo(1);
        FlashSale sale = flashSales.of(room.id()).getFirst();
        assertThat(sale.status()).isEqualTo(FlashSaleStatus.SCHEDULED);
        assertThat(sale.perBuyerLimit()).isEqualTo(1);
        assertThat(sale.price()).isLessThan(sale.usualPrice());

        platformClock.advance(Duration.ofSeconds(30));
        audience.step(sessions.get(room.id()));
        assertThat(jdbc.sql("""
                        select count(*) from orders o join order_lines l on l.order_id = o.id
                        where o.live_session_id = ? and o.status = 'PAID' and l.sku_id = ? and l.unit_price = ?""")
                .params(room.id(), sale.skuId(), sale.price()).query(Long.class).single()).isEqualTo(1);
        assertThat(flashSales.get(sale.id()).remaining()).isEqualTo(sale.quantity() - 1);
    }

    @Test
    void neverThrowsWhenTheSessionEndedMeanwhile() {
        Room room = liveRoom();
        SimulatedAudience audience = audience(EVERYTHING);
        LiveSession listedWhileLive = sessions.get(room.id());
        sessions.end(room.id(), room.creator());
        long comments = signals.commentCount(room.id());

        assertThatCode(() -> assertThat(audience.step(listedWhileLive)).isEqualTo(new SimulatedAudience.Beat(1, 0, 0, 0, 0, 0, 0)))
                .doesNotThrowAnyException();
        assertThat(signals.commentCount(room.id())).isEqualTo(comments);
        assertThat(jdbc.sql("select count(*) from orders where live_session_id = ?").param(room.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aBeatReachesEverySimulatedLiveRoomOfTheDemoAndNoOther() {
        Room simulated = liveRoom();
        Room real = liveRoom(false);
        long realComments = signals.commentCount(real.id());

        SimulatedAudience.Beat beat = audience(new SplittableRandom(7)).step();

        long simulatedLive = jdbc.sql("select count(*) from live_sessions where status = 'LIVE' and simulated").query(Long.class).single();
        assertThat((long) beat.rooms()).isEqualTo(simulatedLive).isGreaterThanOrEqualTo(3); // the demo's rooms and this test's
        assertThat(beat.comments()).isGreaterThanOrEqualTo(beat.rooms());
        assertThat(signals.commentCount(simulated.id())).isPositive();
        assertThat(signals.commentCount(real.id())).as("a real room is left to real viewers").isEqualTo(realComments);
    }

    private SimulatedAudience audience(RandomGenerator random) {
        return new SimulatedAudience(properties, sessions, shelf, flashSales, rooms, follows, fanClubs, orders, ledger, accounts, products, ids,
                clock, random);
    }

    record Room(long id, Caller creator) {
    }

    private Room liveRoom() {
        return liveRoom(true);
    }

    /** A new creator live now with two of their own products on the shelf at live prices. */
    private Room liveRoom(boolean simulated) {
        String handle = "aud" + ids.next();
        var account = accounts.signUp(new NewAccount(handle, "audience-test", "测试主播", "富平"), ClientInfo.INTERNAL);
        long shopId = shops.open(account.id(), "测试柿园 " + handle, "").id();
        Caller owner = accounts.callerOf(account.id()).orElseThrow();
        List<ProductView> goods = List.of(
                products.create(shopId, owner, new NewProduct("测试柿饼 " + handle, "霜降后晾晒", 1002L, null,
                        new Origin("陕西渭南富平", "自家柿园"), 2000L, 6000L, 0L, false, List.of(), List.of(new NewProduct.NewSku("500克", 5000L, 100L)))),
                products.create(shopId, owner, new NewProduct("测试柿子醋 " + handle, "自然发酵", 1005L, null,
                        new Origin("陕西渭南富平", "自家柿园"), 1000L, 3000L, 0L, false, List.of(), List.of(new NewProduct.NewSku("500毫升", 2000L, 100L)))));
        creators.become(owner, new NewCreator("测试主播", "测试用的主播", null));
        Caller creator = accounts.callerOf(account.id()).orElseThrow();
        long id = sessions.create(creator, new NewLiveSession("测试直播 " + handle, null, null), simulated).id();
        for (ProductView product : goods) {
            ProductView.SkuView sku = product.skus().getFirst();
            shelf.add(id, creator, new NewShelfItem(product.id(), List.of(new LivePrice(sku.id(), sku.price() - 500))));
        }
        sessions.start(id, creator);
        shelf.explain(id, shelf.items(id).getFirst().id(), creator);
        assertThat(sessions.get(id).status()).isEqualTo(SessionStatus.LIVE);
        return new Room(id, creator);
    }
}
