package io.laotie.inventory;

import io.laotie.platform.IllegalTransition;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@LaotieTest
class ReservationTests {

    @Autowired Inventory inventory;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    private long newSku(long stock) {
        var merchant = api.merchant("reserver");
        return Long.parseLong(api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product("预留", 1000, stock))
                .body().path("skus").get(0).path("id").asString());
    }

    @Test
    void twoHundredConcurrentBuyersGetExactlyTheStock() throws Exception {
        int threads = 200;
        long stock = 137;
        long sku = newSku(stock);
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int buyer = i;
            futures.add(pool.submit(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                    inventory.reserve(sku, 1, "order:buyer-" + buyer);
                    won.incrementAndGet();
                } catch (InsufficientStock e) {
                    refused.incrementAndGet();
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        assertThat(won.get()).isEqualTo(stock);
        assertThat(refused.get()).isEqualTo(threads - stock);
        // counted from the database, not from the threads
        assertThat(jdbc.sql("select reserved from stock_levels where sku_id = ?").param(sku).query(Long.class).single()).isEqualTo(stock);
        assertThat(jdbc.sql("select count(*) from stock_reservations where sku_id = ? and status = 'HELD'").param(sku).query(Long.class).single())
                .isEqualTo(stock);
        assertThat(jdbc.sql("select sum(quantity) from stock_reservations where sku_id = ?").param(sku).query(Long.class).single()).isEqualTo(stock);
        assertThat(inventory.level(sku).available()).isZero();
    }

    @Test
    void reservingMoreThanAvailableIsRefusedAndHoldsNothing() {
        long sku = newSku(3);
        assertThatThrownBy(() -> inventory.reserve(sku, 4, "order:greedy")).isInstanceOf(InsufficientStock.class);
        assertThat(inventory.level(sku).reserved()).isZero();
        assertThat(jdbc.sql("select count(*) from stock_reservations where sku_id = ?").param(sku).query(Long.class).single()).isZero();
    }

    @Test
    void releaseGivesUnitsBackAndConfirmTakesThemOutOfStock() {
        long sku = newSku(10);
        Reservation cancelled = inventory.reserve(sku, 4, "order:cancelled");
        Reservation paid = inventory.reserve(sku, 3, "order:paid");
        assertThat(inventory.level(sku)).isEqualTo(new StockLevel(sku, 10, 7));

        inventory.release(cancelled.id());
        inventory.release(cancelled.id()); // twice changes nothing
        assertThat(inventory.level(sku)).isEqualTo(new StockLevel(sku, 10, 3));

        inventory.confirm(paid.id());
        inventory.confirm(paid.id());
        assertThat(inventory.level(sku)).isEqualTo(new StockLevel(sku, 7, 0));
        assertThatThrownBy(() -> inventory.release(paid.id())).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> inventory.confirm(cancelled.id())).isInstanceOf(IllegalTransition.class);

        inventory.returnToStock(paid.id(), 2);
        assertThat(inventory.level(sku)).isEqualTo(new StockLevel(sku, 9, 0));
        assertThatThrownBy(() -> inventory.returnToStock(paid.id(), 2)).as("only 1 more can come back").isInstanceOf(IllegalTransition.class);
        inventory.returnToStock(paid.id(), 1);
        assertThat(inventory.level(sku).stock()).isEqualTo(10);
        assertThatThrownBy(() -> inventory.returnToStock(cancelled.id(), 1)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void concurrentReleasesOfOneReservationGiveUnitsBackOnce() throws Exception {
        long sku = newSku(5);
        Reservation held = inventory.reserve(sku, 5, "order:racy");
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return inventory.release(held.id());
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(inventory.level(sku)).isEqualTo(new StockLevel(sku, 5, 0));
    }
}
