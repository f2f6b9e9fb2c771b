package io.laotie.ledger;

import io.laotie.platform.Forbidden;
import io.laotie.platform.Ids;
import io.laotie.support.LaotieTest;
import io.laotie.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings the suite's shared context does not use: a payout hold (the suite runs without one, on the real clock)
 * and demo top-ups switched off. Each test makes a ledger of its own over the same database, with a clock it can move.
 */
@LaotieTest
class LedgerSettingsTests {

    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired PaymentGateway gateway;
    @Autowired Ledger shared;
    @Autowired io.laotie.platform.PlatformClock platformClock;

    @Test
    void settledMoneyBecomesAvailableOnlyOnceThePayoutHoldHasPassed() {
        // Starts where the suite's clock is now: other tests move that one days ahead, and the shared ledger below must
        // still find this money not yet due.
        MutableClock clock = new MutableClock();
        clock.advance(Duration.between(Instant.now(), platformClock.instant()));
        Duration hold = Duration.ofDays(7);
        Ledger ledger = new Ledger(jdbc, ids, clock, transactions, events, gateway,
                new LedgerProperties(true, new BigDecimal("0.05"), hold, Duration.ofSeconds(5), 100_000_000L), "jdbc:h2:mem:laotie-test");
        long buyer = ids.next();
        long merchant = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 10_000);
        ledger.settleOrder(order, merchant, 10_000);
        AccountRef pending = AccountRef.merchantPending(merchant);
        AccountRef available = AccountRef.merchantAvailable(merchant);

        ledger.releaseDue();
        shared.releaseDue(); // the suite's own ledger, on the suite's clock, must not release it either
        assertThat(ledger.balance(pending)).isEqualTo(9_500);
        assertThat(ledger.balance(available)).isZero();

        clock.advance(hold.minusSeconds(60));
        ledger.releaseDue();
        assertThat(ledger.balance(pending)).as("a minute before the hold ends").isEqualTo(9_500);

        clock.advance(Duration.ofSeconds(61));
        assertThat(ledger.releaseDue()).isPositive();
        assertThat(ledger.balance(pending)).isZero();
        assertThat(ledger.balance(available)).isEqualTo(9_500);
        assertThat(ledger.releaseDue()).as("released once").isZero();
        assertThat(shared.check().problems()).isEmpty();
    }

    @Test
    void demoTopUpsSwitchedOffAreForbiddenWhileOperatorCreditsStillWork() {
        long account = ids.next();
        // as on PostgreSQL with laotie.ledger.demo-top-ups unset
        Ledger offOnPostgres = new Ledger(jdbc, ids, new MutableClock(), transactions, events, gateway,
                new LedgerProperties(null, new BigDecimal("0.05"), Duration.ZERO, Duration.ofSeconds(5), 100_000_000L),
                "jdbc:postgresql://127.0.0.1:5432/laotie");

        assertThat(offOnPostgres.demoTopUpsEnabled()).isFalse();
        assertThatThrownBy(() -> offOnPostgres.demoTopUp(account, 1_000)).isInstanceOf(Forbidden.class)
                .hasMessageContaining("laotie.ledger.demo-top-ups");
        assertThat(offOnPostgres.balance(AccountRef.wallet(account))).isZero();

        offOnPostgres.credit(account, 1_000, "test-credit:" + account, ids.next());
        assertThat(offOnPostgres.balance(AccountRef.wallet(account))).isEqualTo(1_000);
    }

}
