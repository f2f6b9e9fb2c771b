package io.laotie.trust.internal;

import io.laotie.catalog.Shops;
import io.laotie.identity.Accounts;
import io.laotie.order.Attribution;
import io.laotie.order.OrderDelivered;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderPlaced;
import io.laotie.order.OrderShipped;
import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import io.laotie.trust.ReviewPosted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily re-score: a shop that earned the trust guarantees and then sold nothing for longer than the scores' window
 * is NEW again once it is re-scored, without any event of its own, and loses the guarantees.
 */
@LaotieTest
class ScoreRefreshTests {

    /** Twenty buyers, twenty different things to say: near-identical reviews would be flagged as brushing. */
    private static final List<String> SAID = List.of("核桃很饱满，和直播间看到的一样", "包装结实，一个都没碎",
            "第二天就到了，比预想的快", "老人说比超市买的香", "个头均匀，没有空壳", "客服回复很及时，态度好",
            "价格实在，下次还来", "孩子当零食吃，很喜欢", "有点小贵但是值", "送朋友的，朋友说好吃",
            "剥起来不费劲，仁很完整", "比上次在别家买的新鲜多了", "物流信息更新得很勤", "主播讲的产地信息都对得上",
            "味道偏淡，但是健康", "收到时还有点温热，应该是新炒的", "袋子可以封口，很方便", "分量足，称了一下还多一点",
            "颜色自然，没有漂白", "回购第三次了，一直稳定");

    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired Shops shops;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired Ids ids;
    @Autowired ScoreRules rules;
    @Autowired ScoreBook book;
    @Autowired SignalWeights weights;
    @Autowired Brushing brushing;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void aQuietShopIsReScoredAsItsFactsLeaveTheWindowAndLosesTheGuarantees() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Api.Merchant merchant = api.merchant("refresh_m");
        long shop = Long.parseLong(merchant.shopId());
        long product = ids.next();
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long buyer = accounts.createImported(Api.unique("refresh_b"), "老买家").id();
            long order = ids.next();
            Attribution a = new Attribution(buyer, shop, Long.parseLong(merchant.user().id()), null, null);
            Instant paid = now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(37L * i));
            history.add(new OrderPaid(order, a, List.of(new OrderPlaced.Line(ids.next(), ids.next(), product, "核桃", 1, 5990, null)), 5990, paid));
            history.add(new OrderShipped(order, a, "顺丰", "SF" + order, paid.plus(Duration.ofHours(3))));
            history.add(new OrderDelivered(order, a, false, paid.plus(Duration.ofHours(30))));
            history.add(new ReviewPosted(ids.next(), order, ids.next(), product, shop, Long.parseLong(merchant.user().id()), null, buyer,
                    5, List.of("AS_DESCRIBED"), SAID.get(i), paid.plus(Duration.ofHours(31))));
        }
        transactions.executeWithoutResult(status -> intake(now).absorb(history)); // a transaction, as the drain's: its news is heard after commit
        Eventually.until("the shop earns the guarantees", () -> guaranteed(shop));

        ScoreIntake later = intake(now.plus(rules.window()).plus(Duration.ofDays(2)));
        assertThat(later.scoredBefore(now.plus(rules.window()).plus(Duration.ofDays(1)), 1_000_000))
                .as("the quiet shop is due for a re-score").contains(Subject.shop(shop), Subject.product(product));
        transactions.executeWithoutResult(status -> later.refresh(List.of(Subject.shop(shop), Subject.product(product))));

        assertThat(jdbc.sql("select label from score_subjects where subject_kind = 'SHOP' and subject_id = ?").param(shop)
                .query(String.class).single()).isEqualTo("NEW");
        Eventually.until("the shop loses the guarantees", () -> !guaranteed(shop));
        assertThat(jdbc.sql("select kind from guarantee_history where shop_id = ? order by at").param(shop).query(String.class).list())
                .containsExactly("GRANTED", "REVOKED");
    }

    private ScoreIntake intake(Instant at) {
        return new ScoreIntake(jdbc, template, ids, Clock.fixed(at, ZoneOffset.UTC), rules, book, weights, brushing, shops, events);
    }

    private boolean guaranteed(long shop) {
        return api.get("/api/shops/" + shop + "/guarantees", null).body().path("guaranteed").asBoolean();
    }
}
