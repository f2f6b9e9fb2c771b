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
