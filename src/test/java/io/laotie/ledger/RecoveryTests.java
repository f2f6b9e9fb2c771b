package io.laotie.ledger;

import io.laotie.platform.Ids;
import io.laotie.platform.PlatformClock;
import io.laotie.support.Eventually;
import io.laotie.support.Funds;
import io.laotie.support.LaotieTest;
import io.laotie.support.MutableClock;
import io.laotie.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform takes back from a merchant what it paid a buyer on the merchant's behalf (counterfeit compensation):
 * available money first, then pending money, latest settlement first, each waiting release shrinking so pending stays
 * what waits for release. A ledger of its own with a payout hold, over the suite's database, as
 * {@link LedgerSettingsTests}.
 */
@LaotieTest
class RecoveryTests {

    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired PaymentGateway gateway;
    @Autowired PlatformClock platformClock;
    @Autowired Funds funds;

    private static final Duration HOLD = Duration.ofDays(7);
    private MutableClock clock;
    private Ledger ledger;

    /** A ledger on a clock of its own, starting at the platform's now, holding settled money for {@link #HOLD}. */
    @BeforeEach
    void ledgerOfItsOwn() {
        clock = new MutableClock();
        clock.advance(Duration.between(Instant.now(), platformClock.instant()));
        ledger = new Ledger(jdbc, ids, clock, transactions, events, gateway,
                new LedgerProperties(true, new BigDecimal("0.05"), HOLD, Duration.ofSeconds(5), 100_000_000L), "jdbc:h2:mem:laotie-test");
    }

    @Test
    void recoversFromAvailableMoneyThenFromPendingLatestFirstAndNeverBelowZero() {
        long merchant = ids.next();
        assertThat(funds.available(merchant, 10_000)).isEqualTo(9_500);
        settle(ledger, merchant, 10_000);
        clock.advance(Duration.ofMinutes(1));
        settle(ledger, merchant, 20_000);
        AccountRef available = AccountRef.merchantAvailable(merchant);
        AccountRef pending = AccountRef.merchantPending(merchant);
        assertThat(ledger.balance(pending)).isEqualTo(9_500 + 19_000);
        long subsidy = ledger.balance(AccountRef.platformSubsidy());

        Transaction first = ledger.recover(merchant, 20_000, "compensation:test-" + merchant, null);
        assertThat(first.amountOn(available)).isEqualTo(-9_500);
        assertThat(first.amountOn(pending)).isEqualTo(-10_500);
        assertThat(first.amountOn(AccountRef.platformSubsidy())).isEqualTo(20_000);
        assertThat(ledger.recover(merchant, 20_000, "compensation:test-" + merchant, null).id())
                .as("one reference is recovered once").isEqualTo(first.id());
        assertThat(ledger.balance(available)).isZero();
        assertThat(ledger.balance(pending)).isEqualTo(28_500 - 10_500);
        assertBalanced(ledger);

        Transaction second = ledger.recover(merchant, 50_000, "compensation:test-more-" + merchant, null);
        assertThat(second.amountOn(pending)).as("all that is left, and no more").isEqualTo(-18_000);
        assertThat(ledger.balance(pending)).isZero();
        assertThat(ledger.balance(AccountRef.platformSubsidy()) - subsidy).isEqualTo(38_000);
        assertThat(ledger.recover(merchant, 1_000, "compensation:test-none-" + merchant, null).isEmpty())
                .as("nothing left to take").isTrue();
        assertBalanced(ledger);

        clock.advance(HOLD);
        ledger.releaseDue();
        assertThat(ledger.balance(available)).as("the emptied releases release nothing").isZero();
        assertBalanced(ledger);
    }

    @Test
    void aPartlyTakenReleaseReleasesTheRest() {
        long merchant = ids.next();
        settle(ledger, merchant, 10_000);
        ledger.recover(merchant, 3_000, "compensation:test-part-" + merchant, null);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isEqualTo(6_500);
        assertBalanced(ledger);
        clock.advance(HOLD);
        ledger.releaseDue();
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchant))).isEqualTo(6_500);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isZero();
        assertBalanced(ledger);
    }

    @Test
    void aReleaseThatWaitedForARecoveryReleasesWhatTheRecoveryLeft() throws Exception {
        long merchant = ids.next();
        settle(ledger, merchant, 10_000);
        clock.advance(HOLD.plusMinutes(1));

        int released = whileHeld(() -> ledger.recover(merchant, 3_000, "compensation:test-race-" + merchant, null),
                ledger::releaseDue, "update ledger_releases");

        assertThat(released).isPositive();
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchant))).as("the 9,500 settled less the 3,000 recovered").isEqualTo(6_500);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isZero();
        assertBalanced(ledger);
    }

    @Test
    void aRecoveryThatWaitedForAWithdrawalTakesTheRestFromPendingMoney() throws Exception {
        long merchant = ids.next();
        AccountRef available = AccountRef.merchantAvailable(merchant);
        assertThat(funds.available(merchant, 10_000)).isEqualTo(9_500);
        settle(ledger, merchant, 20_000);

        Transaction recovery = whileHeld(() -> ledger.withdraw(available, 9_500),
                () -> ledger.recover(merchant, 10_000, "compensation:test-withdrawn-" + merchant, null), "ledger_accounts");

        assertThat(recovery.amountOn(AccountRef.platformSubsidy())).as("all of it, from pending once available was withdrawn").isEqualTo(10_000);
        assertThat(recovery.amountOn(AccountRef.merchantPending(merchant))).isEqualTo(-10_000);
        assertThat(ledger.balance(available)).isZero();
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isEqualTo(19_000 - 10_000);
        assertBalanced(ledger);
    }

    /**
     * Runs {@code holder} in a transaction that stays open until {@code waiter}, on another thread, waits for a lock
     * in a statement containing {@code statement}; then commits and answers what the waiter answered.
     */
    private <T> T whileHeld(Runnable holder, Callable<T> waiter, String statement) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            List<Future<T>> waiting = new ArrayList<>();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                holder.run();
                waiting.add(other.submit(waiter));
                Eventually.until("the other transaction waits for a lock this one holds",
                        () -> waiting.getFirst().isDone() || waitingOnLocks(statement));
            });
            return waiting.getFirst().get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    private boolean waitingOnLocks(String statement) {
        if (TestDatabase.postgres()) { // inside a transaction PostgreSQL answers pg_stat_activity from one snapshot
            jdbc.sql("select pg_stat_clear_snapshot()").query((rs, n) -> 1).list();
        }
        String sql = TestDatabase.postgres()
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and query like ?"
                : "select count(*) from information_schema.sessions where blocker_id is not null and executing_statement like ?";
        return jdbc.sql(sql).param("%" + statement + "%").query(Long.class).single() > 0;
    }

    private void settle(Ledger ledger, long merchant, long amount) {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, amount, "test-recovery:" + order);
        ledger.payOrder(order, buyer, amount);
        ledger.settleOrder(order, merchant, amount);
    }

    /** As in GuaranteeTests: the shared scheduler may be releasing other tests' money while the audit reads. */
    private static void assertBalanced(Ledger ledger) {
        Eventually.until("the ledger balances", () -> ledger.check().balanced());
    }
}
