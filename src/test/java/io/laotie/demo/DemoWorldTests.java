package io.laotie.demo;

import io.laotie.identity.Accounts;
import io.laotie.live.LiveSessions;
import io.laotie.live.Shelf;
import io.laotie.live.ShelfItem;
import io.laotie.social.Creators;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class DemoWorldTests {

    @Autowired DemoWorld demo;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired Creators creators;
    @Autowired LiveSessions sessions;
    @Autowired Shelf shelf;

    static final List<String> DEMO_CREATORS = List.of("fuping_orchard", "xiapu_sea", "changbai_ginseng", "hetian_jade");
    static final String DEMO_CREATOR_IDS = "(select id from accounts where handle in ('fuping_orchard', 'xiapu_sea', 'changbai_ginseng', 'hetian_jade'))";

    @Test
    void theDemoWorldIsThereBeforeTheFirstRequest() {
        assertThat(api.get("/api/products?q=流心霜降柿饼", null).body().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/products?q=海参", null).body().path("items").get(0).path("sourceDirect").asBoolean()).isTrue();
        assertThat(api.get("/api/products?categoryId=2001", null).body().path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.login("buyer_fuping", "laotie-demo")).startsWith("lt_");
        var fuping = api.get("/api/me", new Api.User("", "buyer_fuping", api.login("buyer_fuping", "laotie-demo"))).body();
        assertThat(fuping.path("cityTier").asString()).isEqualTo("TIER_5");
        var tiers = jdbc.sql("select count(distinct c.tier) from accounts a join cities c on c.name = a.city where a.handle like 'buyer_%'")
                .query(Long.class).single();
        assertThat(tiers).as("buyers across city tiers").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theDemoWorldHasAMonthOfOrdersInEveryStateAndBalancedBooks() {
        String demoBuyers = "('buyer_beijing', 'buyer_chengdu', 'buyer_xiamen', 'buyer_luoyang', 'buyer_weinan', 'buyer_fuping')";
        // read from the timelines: other tests move the shared clock, and the scheduler moves demo orders on with it
        var statuses = jdbc.sql("""
                        select distinct t.status from order_timeline t join orders o on o.id = t.order_id
                          join accounts a on a.id = o.buyer_id where t.refund_id is null and a.handle in """ + demoBuyers)
                .query(String.class).list();
        assertThat(statuses).contains("PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "REFUNDED");
        var requests = jdbc.sql("""
                        select distinct t.status from order_timeline t join orders o on o.id = t.order_id
                          join accounts a on a.id = o.buyer_id where t.refund_id is not null and a.handle in """ + demoBuyers)
                .query(String.class).list();
        assertThat(requests).contains("REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "REJECTED", "ESCALATED", "REFUNDED");
        assertThat(jdbc.sql("select min(placed_at) from orders o join accounts a on a.id = o.buyer_id where a.handle = 'buyer_beijing'")
                .query(java.time.OffsetDateTime.class).single().toInstant())
                .as("history reaches back weeks").isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(20)));
        var orchard = new Api.User("", "fuping_orchard", api.login("fuping_orchard", "laotie-demo"));
        assertThat(api.get("/api/wallet", orchard).status()).isEqualTo(200);
        var operator = api.operator();
        assertThat(api.get("/api/operator/ledger/check", operator).body().path("balanced").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from refund_requests r join accounts a on a.id = r.buyer_id where r.status = 'ESCALATED' and a.handle = 'buyer_weinan'")
                .query(Long.class).single()).as("a dispute waits for an operator").isEqualTo(1);
    }

    @Test
    void fourSellersAreCreatorsWithFollowersAndFanClubs() {
        for (String handle : DEMO_CREATORS) {
            long id = accounts.findByHandle(handle).orElseThrow().id();
            var creator = creators.find(id);
            assertThat(creator).as(handle + " is a creator").isPresent();
            assertThat(creator.get().bio()).isNotBlank();
            assertThat(creator.get().followers()).as(handle + " has followers").isGreaterThanOrEqualTo(2);
            assertThat(creator.get().fanClubMembers()).as(handle + " has a fan club").isGreaterThanOrEqualTo(1);
        }
        assertThat(creators.find(accounts.findByHandle("fuping_orchard").orElseThrow().id()).orElseThrow().displayName()).isEqualTo("富平柿农老王");
        assertThat(jdbc.sql("""
                        select count(*) from follows f join accounts a on a.id = f.viewer_id
                        where a.handle like 'buyer!_%' escape '!' and f.source = 'ROOM' and f.live_session_id is not null""")
                .query(Long.class).single()).as("demo buyers followed from a room").isGreaterThanOrEqualTo(5);
    }

    @Test
    void atLeastTwoSimulatedRoomsAreLiveWithAShelfAtLivePricesAndAnExplainingItem() {
        List<Long> live = jdbc.sql("select id from live_sessions where status = 'LIVE' and simulated and creator_id in " + DEMO_CREATOR_IDS)
                .query(Long.class).list();
        assertThat(live).hasSizeGreaterThanOrEqualTo(2);
        for (long id : live) {
            var session = sessions.get(id);
            List<ShelfItem> items = shelf.items(id);
            assertThat(items).as("shelf of " + session.title()).hasSizeBetween(3, 6);
            assertThat(items).allSatisfy(item -> {
                assertThat(item.skus()).allSatisfy(sku -> assertThat(sku.livePrice()).isNotNull().isLessThan(sku.price()));
                assertThat(item.livePrice()).isLessThan(item.price());
            });
            assertThat(items).filteredOn(ShelfItem::explaining).singleElement()
                    .satisfies(item -> assertThat(item.id()).isEqualTo(session.explainingItemId()));
            assertThat(jdbc.sql("""
                            select count(*) from shelf_items i join products p on p.id = i.product_id join shops s on s.id = p.shop_id
                            where i.live_session_id = ? and s.owner_id <> ?""")
                    .params(id, session.creatorId()).query(Long.class).single()).as("only the creator's own goods").isZero();
            assertThat(session.simulated()).isTrue();
            assertThat(api.get("/api/live-sessions/" + id + "/comments", null).body().size()).as("the room has talk").isGreaterThan(0);
        }
        assertThat(api.get("/api/live-sessions?status=LIVE", null).body().path("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void sessionsOfTheComingDaysAreBookedByDemoBuyers() {
        OffsetDateTime seeded = jdbc.sql("select seeded_at from demo_seeds where name = ?").param(DemoLiveWorld.SEED)
                .query(OffsetDateTime.class).single();
        // compared with the seeding time: other tests move the shared clock forward
        List<Long> scheduled = jdbc.sql("select id from live_sessions where status = 'SCHEDULED' and scheduled_at > ? and creator_id in "
                        + DEMO_CREATOR_IDS).param(seeded).query(Long.class).list();
        assertThat(scheduled).hasSizeGreaterThanOrEqualTo(3);
        for (long id : scheduled) {
            List<Long> bookers = sessions.bookedBy(id);
            assertThat(bookers).as("bookings of " + sessions.get(id).title()).isNotEmpty();
            assertThat(bookers).allSatisfy(viewer -> assertThat(accounts.get(viewer).handle()).startsWith("buyer_"));
            assertThat(sessions.row(id).bookings()).isEqualTo(bookers.size());
        }
    }

    @Test
    void endedSessionsHaveCommentsAndPaidOrdersAttributedToTheRoom() {
        List<LiveSessions.Row> ended = jdbc.sql("select id from live_sessions where status = 'ENDED' and creator_id in " + DEMO_CREATOR_IDS)
                .query(Long.class).list().stream().map(sessions::row).toList();
        assertThat(ended).hasSizeGreaterThanOrEqualTo(4);
        assertThat(ended.stream().map(LiveSessions.Row::creatorId).distinct()).as("every creator broadcast before").hasSize(DEMO_CREATORS.size());
        for (LiveSessions.Row session : ended) {
            assertThat(session.startedAt()).isBefore(session.endedAt());
            assertThat(jdbc.sql("select count(*) from room_comments where live_session_id = ?").param(session.id()).query(Long.class).single())
                    .as("comments in " + session.title()).isGreaterThanOrEqualTo(2);
            assertThat(session.likes()).as("likes stored when " + session.title() + " ended").isPositive();
            record Line(long creatorId, Instant paidAt, @Nullable Long shelfItemId, long unitPrice, long listPrice) {
            }
            List<Line> paid = jdbc.sql("""
                            select o.creator_id, o.paid_at, l.shelf_item_id, l.unit_price, l.list_price
                            from orders o join order_lines l on l.order_id = o.id
                            where o.live_session_id = ? and o.paid_at is not null""")
                    .param(session.id())
                    .query((rs, n) -> new Line(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, Long.class), rs.getLong(4), rs.getLong(5)))
                    .list();
            assertThat(paid).as("orders bought in " + session.title()).isNotEmpty().allSatisfy(line -> {
                assertThat(line.creatorId()).isEqualTo(session.creatorId());
                assertThat(line.shelfItemId()).isNotNull();
                assertThat(line.unitPrice()).as("the live price").isLessThan(line.listPrice());
                assertThat(line.paidAt()).isBetween(session.startedAt(), session.endedAt());
            });
        }
        // read from the timelines: other tests move the shared clock, and the scheduler moves orders on with it
        var states = jdbc.sql("""
                        select distinct t.status from order_timeline t join orders o on o.id = t.order_id
                          join live_sessions s on s.id = o.live_session_id where t.refund_id is null and s.status = 'ENDED'""")
                .query(String.class).list();
        assertThat(states).as("room orders shipped, received and completed").contains("PAID", "SHIPPED", "DELIVERED", "COMPLETED");
    }

    @Test
    void seedingAgainDuplicatesNothing() {
        List<String> tables = List.of("accounts", "products", "creators", "follows", "fan_club_members", "live_sessions", "shelf_items",
                "live_bookings", "orders");
        List<Long> before = tables.stream().map(this::count).toList();
        assertThat(demo.seed()).isFalse();
        assertThat(tables.stream().map(this::count).toList()).isEqualTo(before);
        assertThat(count("demo_seeds")).isEqualTo(2);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
