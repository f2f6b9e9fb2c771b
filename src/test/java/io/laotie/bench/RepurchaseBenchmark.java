package io.laotie.bench;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Imports;
import io.laotie.support.LaotieTest;
import io.laotie.support.SimulatedBuyers;
import io.laotie.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How long an order-history import of 100,000 rows takes through the HTTP API (stored, then absorbed by the trust
 * chain), and how long the repurchase model takes to fit a creator with 100,000 buyers (first request: the fit; second:
 * the cache). Histories come from {@link SimulatedBuyers} with a fixed seed. Prints figures; asserts none. Runs only on
 * demand, on H2 or (with {@code LAOTIE_TEST_POSTGRES_URL}) PostgreSQL:
 * {@code ./mvnw test -Dtest=RepurchaseBenchmark -Dlaotie.bench=true}.
 */
@LaotieTest
@EnabledIfSystemProperty(named = "laotie.bench", matches = "true")
class RepurchaseBenchmark {

    static final double[] TRUTH = {0.5, 20, 0.7, 2.5};

    @Autowired Api api;
    @Autowired Imports imports;

    @Test
    void importAndFit() {
        String database = TestDatabase.postgres() ? "PostgreSQL" : "H2 (in-memory)";
        User operator = api.operator();

        // 100,000 rows: the first 100,000 lines of a simulated history
        String many = SimulatedBuyers.csv(TRUTH, 60_000, LocalDate.of(2024, 1, 1), 182, LocalDate.of(2024, 12, 31), "bench-rows",
                new SplittableRandom(7));
        String rows = firstLines(many, 100_000);
        timeImport(database, operator, rows, 100_000);

        // a creator with 100,000 buyers
        String buyers = SimulatedBuyers.csv(TRUTH, 100_000, LocalDate.of(2024, 1, 1), 182, LocalDate.of(2024, 12, 31), "bench-buyers",
                new SplittableRandom(11));
        Imports.Target target = timeImport(database, operator, buyers, buyers.lines().count());
        for (String unit : new String[]{"WEEK", "DAY"}) {
            String path = "/api/creators/" + target.creator().id() + "/repurchase-model?calibrationStart=2024-01-01"
                    + "&calibrationEnd=2024-12-31&unit=" + unit + "&horizon=4&size=100";
            long start = System.nanoTime();
            var fitted = api.get(path, operator);
            double first = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            api.get(path, operator);
            double again = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH repurchase fit %s unit=%s buyers=%d first=%.2fs cached=%.2fs r=%.3f alpha=%.2f a=%.3f b=%.3f%n",
                    database, unit, fitted.body().path("buyers").asInt(), first, again, fitted.body().path("r").asDouble(),
                    fitted.body().path("alpha").asDouble(), fitted.body().path("a").asDouble(), fitted.body().path("b").asDouble());
        }
    }

    private Imports.Target timeImport(String database, User operator, String csv, long lines) {
        Imports.Target target = imports.target();
        long start = System.nanoTime();
        var started = imports.post(target, operator, csv);
        double stored = (System.nanoTime() - start) / 1e9;
        if (started.status() != 201) {
            throw new IllegalStateException(started.body().toString());
        }
        String path = "/api/operator/order-history-imports/" + started.id();
        io.laotie.support.Eventually.until("import done", Duration.ofMinutes(10), () -> api.get(path, operator).text("status").equals("DONE"));
        double done = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH history import %s rows=%d buyers=%d stored (201)=%.2fs done=%.2fs%n", database, lines,
                started.body().path("buyers").asInt(), stored, done);
        return target;
    }

    private static String firstLines(String csv, int n) {
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = csv.indexOf('\n', at) + 1;
        }
        return csv.substring(0, at);
    }
}
