package io.laotie.ledger;

import io.laotie.platform.Ids;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads behind a start barrier; what happened is counted from the database, and the ledger must stay balanced. */
@LaotieTest
class LedgerConcurrencyTests {

    @Autowired Ledger ledger;
    @Autowired Ids ids;
    @Autowired JdbcClient jdbc;

    /** What one thread got: its answer, or the exception it ended with. */
    record Outcome<T>(T value, Throwable failure) {
    }

    @Test
    void twoHundredPaymentsFromOneWalletNeverOverdrawIt() throws Exception {
        long buyer = ids.next();
        ledger.topUp(buyer, 100 * 1_000 + 500, "test-top-up:" + buyer);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            orders.add(ids.next());
        }

        List<Outcome<Transaction>> outcomes = race(200, i -> () -> ledger.payOrder(orders.get(i), buyer, 1_000));

        assertThat(outcomes).filteredOn(o -> o.failure() != null).allSatisfy(o -> assertThat(o.failure()).isInstanceOf(InsufficientBalance.class));
        assertThat(outcomes).filteredOn(o -> o.failure() == null).hasSize(100);
        long wallet = walletId(buyer);
        assertThat(jdbc.sql("select balance from ledger_accounts where id = ?").param(wallet).query(Long.class).single()).isEqualTo(500);
        assertThat(jdbc.sql("select count(*) from ledger_entries where account_id = ? and amount < 0").param(wallet).query(Long.class).single())
                .isEqualTo(100);
        assertThat(jdbc.sql("select sum(amount) from ledger_entries where account_id = ?").param(wallet).query(Long.class).single()).isEqualTo(500);
        assertThat(jdbc.sql("select min(balance_after) from ledger_entries where account_id = ?").param(wallet).query(Long.class).single())
                .isEqualTo(500);
        assertThat(jdbc.sql("select count(*) from ledger_escrow where buyer_id = ?").param(buyer).query(Long.class).single()).isEqualTo(100);
        assertBalanced();
    }

    @Test
    void twoHundredConcurrentTopUpsAndPaymentsLeaveTheLedgerBalanced() throws Exception {
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long buyer = ids.next();
            ledger.topUp(buyer, 3_000, "test-top-up:" + buyer);
            buyers.add(buyer);
        }
        Random random = new Random(42);
        List<Long> whose = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            whose.add(buyers.get(random.nextInt(buyers.size())));
        }

        List<Outcome<Transaction>> outcomes = race(200, i -> () -> i % 2 == 0
                ? ledger.topUp(whose.get(i), 300, "test-top-up:" + whose.get(i) + ":" + i)
                : ledger.payOrder(ids.next(), whose.get(i), 700));

        assertThat(outcomes).filteredOn(o -> o.failure() != null).allSatisfy(o -> assertThat(o.failure()).isInstanceOf(InsufficientBalance.class));
        long toppedUp = outcomes.stream().filter(o -> o.failure() == null && o.value().kind() == TransactionKind.TOP_UP).count();
        long paid = outcomes.stream().filter(o -> o.failure() == null && o.value().kind() == TransactionKind.PAYMENT).count();
        assertThat(toppedUp).isEqualTo(100);
        assertThat(paid).isPositive();
        long total = 0;
        for (long buyer : buyers) {
            total += ledger.balance(AccountRef.wallet(buyer));
        }
        assertThat(total).isEqualTo(8 * 3_000 + toppedUp * 300 - paid * 700);
        assertBalanced();
    }

    @Test
    void concurrentFirstUsesOfAWalletMakeOneAccount() throws Exception {
        long buyer = ids.next();

        List<Outcome<Transaction>> outcomes = race(50, i -> () -> ledger.topUp(buyer, 10, "test-top-up:" + buyer + ":" + i));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(jdbc.sql("select count(*) from ledger_accounts where kind = 'BUYER_WALLET' and owner_id = ?").param(buyer)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(ledger.balance(AccountRef.wallet(buyer))).isEqualTo(500);
        assertBalanced();
    }

    @Test
    void concurrentPaymentsSettlementsAndReleasesOfOneOrderHappenOnce() throws Exception {
        long buyer = ids.next();
        long merchant = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);

        List<Outcome<Transaction>> payments = race(20, i -> () -> ledger.payOrder(order, buyer, 2_000));
        assertThat(payments).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(payments).extracting(o -> o.value().id()).containsOnly(payments.getFirst().value().id());
        assertThat(ledger.balance(AccountRef.wallet(buyer))).isEqualTo(8_000);

        List<Outcome<Transaction>> settlements = race(20, i -> () -> ledger.settleOrder(order, merchant, 2_000));
        assertThat(settlements).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(settlements).extracting(o -> o.value().id()).containsOnly(settlements.getFirst().value().id());

        List<Outcome<Integer>> releases = race(20, i -> ledger::releaseDue);
        assertThat(releases).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(jdbc.sql("select count(*) from ledger_transactions where kind = 'RELEASE' and order_id = ?").param(order)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isZero();
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchant))).isEqualTo(1_900);
        assertBalanced();
    }

    private void assertBalanced() {
        LedgerCheck check = ledger.check();
        assertThat(check.problems()).isEmpty();
        assertThat(check.balanced()).isTrue();
    }

    private long walletId(long buyer) {
        return jdbc.sql("select id from ledger_accounts where kind = 'BUYER_WALLET' and owner_id = ?").param(buyer).query(Long.class).single();
    }

    private static <T> List<Outcome<T>> race(int threads, IntFunction<Callable<T>> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> task = work.apply(i);
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return new Outcome<>(task.call(), null);
                    } catch (Exception e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
