package io.laotie.bench;

import io.laotie.inventory.Inventory;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import io.laotie.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

/**
 * How fast the reservation path is: concurrent {@link Inventory#reserve} calls (one guarded UPDATE and one INSERT
 * per call, each in its own transaction) on one hot SKU, and spread over many SKUs. Prints figures; asserts none.
 * Runs only on demand, on H2 or (with {@code LAOTIE_TEST_POSTGRES_URL}) PostgreSQL:
 * {@code ./mvnw test -Dtest=ReservationBenchmark -Dlaotie.bench=true}.
 */
@LaotieTest
@EnabledIfSystemProperty(named = "laotie.bench", matches = "true")
class ReservationBenchmark {

    private static final int CALLS_PER_RUN = 40_000;

    @Autowired Inventory inventory;
    @Autowired Api api;

    @Test
    void reservationsPerSecond() throws Exception {
        var merchant = api.merchant("bench");
        List<Long> skus = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            var product = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(),
                    Api.product("bench " + i, 1000, 10_000_000));
            skus.add(Long.parseLong(product.body().path("skus").get(0).path("id").asString()));
        }
        String database = TestDatabase.postgres() ? "PostgreSQL" : "H2 (in-memory)";
        run(8, skus, 40_000); // warm-up: JIT, connection pool, statement caches
        for (int threads : new int[]{1, 8, 64, 200}) {
            double hot = run(threads, skus.subList(0, 1), CALLS_PER_RUN);
            double spread = run(threads, skus, CALLS_PER_RUN);
            System.out.printf("BENCH reserve %s threads=%d one-hot-sku=%.0f/s 64-skus=%.0f/s%n", database, threads, hot, spread);
        }
    }

    /** Answers reservations per second for {@code calls} reservations of one unit made by {@code threads} threads. */
    private double run(int threads, List<Long> skus, int calls) throws Exception {
        return Throughput.of(threads, calls, n -> inventory.reserve(skus.get((int) (n % skus.size())), 1, "bench:" + n));
    }
}
