package io.laotie.bench;

import io.laotie.ledger.Ledger;
import io.laotie.platform.Ids;
import io.laotie.support.LaotieTest;
import io.laotie.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

/**
 * How fast payments into escrow are: concurrent {@link Ledger#payOrder} calls, each in its own transaction (a
 * savepoint, the transaction row, one guarded UPDATE of the wallet, two entries, the order's escrow row), from one
 * wallet and spread over many. Every payment credits the one escrow account, which has no balance row, so payments
 * from different wallets do not queue on it. Prints figures; asserts none. Runs only on demand, on H2 or (with
 * {@code LAOTIE_TEST_POSTGRES_URL}) PostgreSQL: {@code ./mvnw test -Dtest=PaymentBenchmark -Dlaotie.bench=true}.
 */
@LaotieTest
@EnabledIfSystemProperty(named = "laotie.bench", matches = "true")
class PaymentBenchmark {

    private static final int CALLS_PER_RUN = 20_000;

    @Autowired Ledger ledger;
    @Autowired Ids ids;

    @Test
    void paymentsPerSecond() throws Exception {
        List<Long> wallets = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            long buyer = ids.next();
            ledger.topUp(buyer, ledger.maxTopUp(), "bench-top-up:" + buyer);
            wallets.add(buyer);
        }
        String database = TestDatabase.postgres() ? "PostgreSQL" : "H2 (in-memory)";
        run(8, wallets, CALLS_PER_RUN); // warm-up: JIT, connection pool, statement caches
        for (int threads : new int[]{1, 8, 64, 200}) {
            double hot = run(threads, wallets.subList(0, 1), CALLS_PER_RUN);
            double spread = run(threads, wallets, CALLS_PER_RUN);
            System.out.printf("BENCH payOrder %s threads=%d one-wallet=%.0f/s 256-wallets=%.0f/s%n", database, threads, hot, spread);
        }
    }

    /** Answers payments per second for {@code calls} payments of 1 fen made by {@code threads} threads. */
    private double run(int threads, List<Long> wallets, int calls) throws Exception {
        return Throughput.of(threads, calls, n -> ledger.payOrder(ids.next(), wallets.get((int) (n % wallets.size())), 1));
    }
}
