package io.laotie.order;

import io.laotie.inventory.Inventory;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Hundreds of threads behind a start barrier, counted from the database afterwards. */
@LaotieTest
class OrderConcurrencyTests {

    static final int THREADS = 200;

    @Autowired Api api;
    @Autowired Inventory inventory;
    @Autowired JdbcClient jdbc;

    /** Runs {@code THREADS} copies of a task released together; answers each one's HTTP status. */
    private List<Integer> together(java.util.function.IntFunction<Callable<Integer>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Callable<Integer> work = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (Future<Integer> future : futures) {
            statuses.add(future.get(300, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void twoHundredBuyersOnOneSkuBuyExactlyItsStock() throws Exception {
        int stock = 57;
        OrderFixture shop = new OrderFixture(api, 1990, stock, false);
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            buyers.add(shop.buyer(100));
        }
        List<Integer> statuses = together(i -> () -> {
            User buyer = buyers.get(i);
            var placed = shop.place(buyer, 1);
            if (placed.status() != 201) {
                return placed.status();
            }
            return api.post("/api/orders/" + placed.id() + "/payment", buyer, null).status();
        });
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(stock);
        assertThat(statuses.stream().filter(s -> s != 200)).allMatch(s -> s == 409);

        long sku = Long.parseLong(shop.skuId);
        assertThat(inventory.level(sku).stock()).isZero();
        assertThat(inventory.level(sku).reserved()).isZero();
        long paid = jdbc.sql("select count(*) from orders o join order_lines l on l.order_id = o.id where l.sku_id = ? and o.status = 'PAID'")
                .param(sku).query(Long.class).single();
        assertThat(paid).isEqualTo(stock);
        long sold = jdbc.sql("select coalesce(sum(quantity), 0) from stock_reservations where sku_id = ? and status = 'CONFIRMED'")
                .param(sku).query(Long.class).single();
        assertThat(sold).isEqualTo(stock);
        long spent = 0;
        for (User buyer : buyers) {
            spent += 10_000 - shop.wallet(buyer);
        }
        assertThat(spent).as("money left the wallets for exactly the paid orders").isEqualTo(stock * 1990L);
        assertThat(api.get("/api/operator/ledger/check", api.operator()).body().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void payingTheSameOrderFromTwoHundredThreadsChargesOnce() throws Exception {
        OrderFixture shop = new OrderFixture(api, 4990, 5, false);
        User buyer = shop.buyer(100);
        String id = shop.placed(buyer, 1);
        List<Integer> statuses = together(i -> () -> api.post("/api/orders/" + id + "/payment", buyer, null).status());
        assertThat(statuses).allMatch(s -> s == 200);
        assertThat(shop.wallet(buyer)).isEqualTo(10_000 - 4990);
        assertThat(inventory.level(Long.parseLong(shop.skuId)).stock()).isEqualTo(4);
        assertThat(shop.order(id, buyer).path("timeline").size()).isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyFromTwoHundredThreadsPlacesOneOrder() throws Exception {
        OrderFixture shop = new OrderFixture(api, 990, 500, false);
        User buyer = shop.buyer(0);
        String key = Api.unique("checkout");
        Map<String, Object> body = Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 2)));
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = together(i -> () -> {
            var answer = api.postWithKey("/api/orders", buyer, body, key);
            if (answer.status() == 201) {
                ids.add(answer.id());
            }
            return answer.status();
        });
        assertThat(statuses).allMatch(s -> s == 201);
        assertThat(ids.stream().distinct().count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(Long.parseLong(buyer.id())).query(Long.class).single())
                .isEqualTo(1);
        assertThat(inventory.level(Long.parseLong(shop.skuId)).reserved()).isEqualTo(2);

        var conflict = api.postWithKey("/api/orders", buyer, Map.of("lines", List.of(Map.of("skuId", shop.skuId, "quantity", 3))), key);
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.text("type")).isEqualTo("urn:laotie:problem:idempotency-conflict");
    }
}
