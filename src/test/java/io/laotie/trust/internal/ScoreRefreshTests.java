package io.laotie.trust.internal;

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
import io.laotie.trust.HonestReviews;
import io.laotie.trust.ReviewPosted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
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

    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired Intakes intakes;
    @Autowired ScoreRules rules;
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
                    5, List.of("AS_DESCRIBED"), HonestReviews.TEXTS.get(i), paid.plus(Duration.ofHours(31))));
        }
        transactions.executeWithoutResult(status -> intakes.at(now).absorb(history)); // a transaction, as the drain's: its news is heard after commit
        Eventually.until("the shop earns the guarantees", () -> guaranteed(shop));

        ScoreIntake later = intakes.at(now.plus(rules.window()).plus(Duration.ofDays(2)));
        assertThat(later.scoredBefore(now.plus(rules.window()).plus(Duration.ofDays(1)), 1_000_000))
                .as("the quiet shop is due for a re-score").contains(Subject.shop(shop), Subject.product(product));
        transactions.executeWithoutResult(status -> later.refresh(List.of(Subject.shop(shop), Subject.product(product))));

        assertThat(jdbc.sql("select label from score_subjects where subject_kind = 'SHOP' and subject_id = ?").param(shop)
                .query(String.class).single()).isEqualTo("NEW");
        Eventually.until("the shop loses the guarantees", () -> !guaranteed(shop));
        assertThat(jdbc.sql("select kind from guarantee_history where shop_id = ? order by at").param(shop).query(String.class).list())
                .containsExactly("GRANTED", "REVOKED");
    }

    private boolean guaranteed(long shop) {
        return api.get("/api/shops/" + shop + "/guarantees", null).body().path("guaranteed").asBoolean();
    }
}
