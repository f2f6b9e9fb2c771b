package io.laotie.ledger;

import io.laotie.platform.Ids;
import io.laotie.platform.PlatformClock;
import io.laotie.support.Eventually;
import io.laotie.support.Funds;
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

    @Test
    void recoversFromAvailableMoneyThenFromPendingLatestFirstAndNeverBelowZero() {
        MutableClock clock = new MutableClock();
        clock.advance(Duration.between(Instant.now(), platformClock.instant()));
        Duration hold = Duration.ofDays(7);
        Ledger ledger = new Ledger(jdbc, ids, clock, transactions, events, gateway,
                new LedgerProperties(true, new BigDecimal("0.05"), hold, Duration.ofSeconds(5), 100_000_000L), "jdbc:h2:mem:laotie-test");
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

        clock.advance(hold);
        ledger.releaseDue();
        assertThat(ledger.balance(available)).as("the emptied releases release nothing").isZero();
        assertBalanced(ledger);
    }

    @Test
    void aPartlyTakenReleaseReleasesTheRest() {
        MutableClock clock = new MutableClock();
        clock.advance(Duration.between(Instant.now(), platformClock.instant()));
        Duration hold = Duration.ofDays(7);
        Ledger ledger = new Ledger(jdbc, ids, clock, transactions, events, gateway,
                new LedgerProperties(true, new BigDecimal("0.05"), hold, Duration.ofSeconds(5), 100_000_000L), "jdbc:h2:mem:laotie-test");
        long merchant = ids.next();
        settle(ledger, merchant, 10_000);
        ledger.recover(merchant, 3_000, "compensation:test-part-" + merchant, null);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isEqualTo(6_500);
        assertBalanced(ledger);
        clock.advance(hold);
        ledger.releaseDue();
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchant))).isEqualTo(6_500);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isZero();
        assertBalanced(ledger);
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
