package io.laotie.demo;

import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class DemoWorldTests {

    @Autowired DemoWorld demo;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

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
    void seedingAgainDuplicatesNothing() {
        long accounts = count("accounts");
        long products = count("products");
        assertThat(demo.seed()).isFalse();
        assertThat(count("accounts")).isEqualTo(accounts);
        assertThat(count("products")).isEqualTo(products);
        assertThat(count("demo_seeds")).isEqualTo(1);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
