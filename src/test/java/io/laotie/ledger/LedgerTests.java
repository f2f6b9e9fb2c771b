package io.laotie.ledger;

import io.laotie.platform.IllegalTransition;
import io.laotie.platform.Ids;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import io.laotie.support.Connections;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Money through the façade: payment, refunds, settlement, release, top-ups, withdrawals. Each test uses accounts of its own. */
@LaotieTest
class LedgerTests {

    @Autowired Ledger ledger;
    @Autowired Ids ids;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void payingMovesTheTotalFromTheWalletIntoEscrowAndTheEntriesSumToZero() {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);
        long escrowBefore = ledger.balance(AccountRef.escrow());

        Transaction payment = ledger.payOrder(order, buyer, 3_990);

        assertThat(payment.kind()).isEqualTo(TransactionKind.PAYMENT);
        assertThat(payment.reference()).isEqualTo("order:" + order);
        assertThat(payment.orderId()).isEqualTo(order);
        assertThat(payment.entries()).extracting(Transaction.Entry::account, Transaction.Entry::amount, Transaction.Entry::balanceAfter)
                .containsExactlyInAnyOrder(tuple(AccountRef.wallet(buyer), -3_990L, 6_010L), tuple(AccountRef.escrow(), 3_990L, null));
        assertThat(entrySum(payment.id())).isZero();
        assertThat(ledger.balance(AccountRef.wallet(buyer))).isEqualTo(6_010);
        assertThat(ledger.balance(AccountRef.escrow()) - escrowBefore).isEqualTo(3_990);
        assertThat(ledger.heldInEscrow(order)).isEqualTo(3_990);
    }

    @Test
    void payingTheSameOrderTwiceChargesOnce() {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);

        Transaction first = ledger.payOrder(order, buyer, 2_500);
        Transaction again = ledger.payOrder(order, buyer, 2_500);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(ledger.balance(AccountRef.wallet(buyer))).isEqualTo(7_500);
        assertThat(jdbc.sql("select count(*) from ledger_transactions where kind = 'PAYMENT' and order_id = ?").param(order)
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> ledger.payOrder(order, buyer, 2_600)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> ledger.payOrder(order, ids.next(), 2_500)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void payingMoreThanTheWalletHoldsIsRefusedAndChangesNothing() {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 1_000, "test-top-up:" + buyer);
        long transactions = count("ledger_transactions");

        assertThatThrownBy(() -> ledger.payOrder(order, buyer, 1_001))
                .isInstanceOf(InsufficientBalance.class)
                .hasMessageContaining("holds less than 1001 fen");

        assertThat(ledger.balance(AccountRef.wallet(buyer))).isEqualTo(1_000);
        assertThat(ledger.transaction(TransactionKind.PAYMENT, "order:" + order)).isEmpty();
        assertThat(ledger.heldInEscrow(order)).isZero();
        assertThat(count("ledger_transactions")).isEqualTo(transactions);
        assertThatThrownBy(() -> ledger.payOrder(ids.next(), ids.next(), 1)).as("a wallet never topped up holds nothing")
                .isInstanceOf(InsufficientBalance.class);
    }

    @Test
    void refundsGiveBackAtMostWhatTheOrderHoldsInEscrow() {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 5_000);

        long refund = ids.next();
        Transaction first = ledger.refundOrder(order, refund, buyer, 1_200);
        assertThat(ledger.refundOrder(order, refund, buyer, 1_200).id()).as("the same refund twice").isEqualTo(first.id());
        assertThat(ledger.balance(AccountRef.wallet(buyer))).isEqualTo(6_200);
        assertThat(ledger.heldInEscrow(order)).isEqualTo(3_800);

        assertThatThrownBy(() -> ledger.refundOrder(order, ids.next(), buyer, 3_801)).isInstanceOf(InsufficientBalance.class);
        assertThatThrownBy(() -> ledger.refundOrder(order, ids.next(), ids.next(), 100)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> ledger.refundOrder(ids.next(), ids.next(), buyer, 100)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> ledger.refundOrder(order, refund, buyer, 1_000)).as("a refund id reused for another amount")
                .isInstanceOf(IllegalTransition.class);
        assertThat(ledger.heldInEscrow(order)).isEqualTo(3_800);

        ledger.refundOrder(order, ids.next(), buyer, 3_800);
        assertThat(ledger.heldInEscrow(order)).isZero();
        assertThat(ledger.balance(AccountRef.wallet(buyer))).isEqualTo(10_000);
    }

    @Test
    void settlementPaysTheMerchantTheNetLessTheFeeAndTheReleaseMakesItAvailable() {
        long buyer = ids.next();
        long merchant = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 4_190);
        ledger.refundOrder(order, ids.next(), buyer, 200);
        long revenueBefore = ledger.balance(AccountRef.platformRevenue());

        Transaction settlement = ledger.settleOrder(order, merchant, 3_990);

        // 5% of 3,990 is 199.5, rounded half up to 200; the merchant gets the exact remainder
        assertThat(settlement.entries()).extracting(Transaction.Entry::account, Transaction.Entry::amount)
                .containsExactlyInAnyOrder(tuple(AccountRef.escrow(), -3_990L), tuple(AccountRef.merchantPending(merchant), 3_790L),
                        tuple(AccountRef.platformRevenue(), 200L));
        assertThat(ledger.balance(AccountRef.platformRevenue()) - revenueBefore).isEqualTo(200);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isEqualTo(3_790);
        assertThat(ledger.heldInEscrow(order)).isZero();
        assertThat(ledger.settleOrder(order, merchant, 3_990).id()).as("settling twice").isEqualTo(settlement.id());
        assertThatThrownBy(() -> ledger.settleOrder(order, ids.next(), 3_990)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> ledger.refundOrder(order, ids.next(), buyer, 1)).as("refund after settlement").isInstanceOf(IllegalTransition.class);

        ledger.releaseDue(); // the test context has no payout hold
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isZero();
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchant))).isEqualTo(3_790);
        assertThat(ledger.transaction(TransactionKind.RELEASE, "order:" + order)).hasValueSatisfying(release ->
                assertThat(release.amountOn(AccountRef.merchantAvailable(merchant))).isEqualTo(3_790));
    }

    @Test
    void settlementMustEmptyTheOrdersEscrowExactly() {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 3_000);

        assertThatThrownBy(() -> ledger.settleOrder(order, ids.next(), 3_001)).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("holds 3000 fen");
        assertThatThrownBy(() -> ledger.settleOrder(order, ids.next(), 2_999)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> ledger.settleOrder(ids.next(), ids.next(), 0)).as("never paid").isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> ledger.settleOrder(order, ids.next(), -1)).isInstanceOf(ValidationFailed.class);
        assertThat(ledger.heldInEscrow(order)).isEqualTo(3_000);
    }

    @Test
    void aFullyRefundedOrderSettlesWithoutEntries() {
        long buyer = ids.next();
        long merchant = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 10_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 3_000);
        ledger.refundOrder(order, ids.next(), buyer, 3_000);
        long transactions = count("ledger_transactions");

        Transaction settlement = ledger.settleOrder(order, merchant, 0);

        assertThat(settlement.isEmpty()).isTrue();
        assertThat(settlement.id()).isZero();
        assertThat(count("ledger_transactions")).isEqualTo(transactions);
        assertThat(ledger.balance(AccountRef.merchantPending(merchant))).isZero();
        assertThat(ledger.settleOrder(order, merchant, 0).isEmpty()).isTrue();
        assertThatThrownBy(() -> ledger.refundOrder(order, ids.next(), buyer, 1)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void merchantsWithdrawAvailableMoneyButNoMore() {
        long buyer = ids.next();
        long merchant = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 100_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 100_000);
        ledger.settleOrder(order, merchant, 100_000);
        ledger.releaseDue();
        AccountRef available = AccountRef.merchantAvailable(merchant);
        assertThat(ledger.balance(available)).isEqualTo(95_000);

        Withdrawal withdrawal = ledger.withdraw(available, 90_000);

        assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.PAID);
        assertThat(withdrawal.gateway()).isEqualTo("wallet");
        assertThat(ledger.withdrawal(withdrawal.id())).isEqualTo(withdrawal);
        assertThat(ledger.balance(available)).isEqualTo(5_000);
        assertThatThrownBy(() -> ledger.withdraw(available, 5_001)).isInstanceOf(InsufficientBalance.class);
        assertThat(ledger.balance(available)).isEqualTo(5_000);
        assertThat(jdbc.sql("select count(*) from ledger_payouts where owner_id = ?").param(merchant).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> ledger.withdraw(AccountRef.wallet(buyer), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topUpsArePositiveAndAtMostTheMaximumAndOncePerReference() {
        long account = ids.next();
        assertThatThrownBy(() -> ledger.topUp(account, 0, "test-top-up:" + account)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> ledger.topUp(account, ledger.maxTopUp() + 1, "test-top-up:" + account)).isInstanceOf(ValidationFailed.class);
        Transaction first = ledger.topUp(account, ledger.maxTopUp(), "test-top-up:" + account);
        assertThat(ledger.topUp(account, ledger.maxTopUp(), "test-top-up:" + account).id()).isEqualTo(first.id());
        assertThatThrownBy(() -> ledger.topUp(account, 5, "test-top-up:" + account)).isInstanceOf(IllegalTransition.class);
        assertThat(ledger.balance(AccountRef.wallet(account))).isEqualTo(ledger.maxTopUp());
    }

    @Test
    void statementsShowEveryEntryNewestFirstWithTheRunningBalance() {
        long buyer = ids.next();
        ledger.topUp(buyer, 5_000, "test-top-up:a" + buyer);
        ledger.payOrder(ids.next(), buyer, 1_500);
        ledger.topUp(buyer, 700, "test-top-up:b" + buyer);
        long order = ids.next();
        ledger.payOrder(order, buyer, 4_000);
        ledger.refundOrder(order, ids.next(), buyer, 1_000);

        var page = ledger.statement(AccountRef.wallet(buyer), null, null, new PageRequest(0, 3));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(StatementLine::kind, StatementLine::amount, StatementLine::balance)
                .containsExactly(tuple(TransactionKind.REFUND, 1_000L, 1_200L), tuple(TransactionKind.PAYMENT, -4_000L, 200L),
                        tuple(TransactionKind.TOP_UP, 700L, 4_200L));
        assertThat(ledger.statement(AccountRef.wallet(buyer), null, null, new PageRequest(1, 3)).items())
                .extracting(StatementLine::amount, StatementLine::balance)
                .containsExactly(tuple(-1_500L, 3_500L), tuple(5_000L, 5_000L));

        // a period that starts after the first two entries still carries their balance
        var all = ledger.statement(AccountRef.wallet(buyer), null, null, new PageRequest(0, 10)).items();
        var later = ledger.statement(AccountRef.wallet(buyer), all.get(2).at(), null, new PageRequest(0, 10));
        assertThat(later.items()).extracting(StatementLine::balance).containsExactly(1_200L, 200L, 4_200L);
        assertThat(ledger.statement(AccountRef.wallet(ids.next()), null, null, new PageRequest(0, 10)).total()).isZero();
    }

    @Test
    void platformAccountsHaveAStatementComputedFromTheirEntries() {
        long buyer = ids.next();
        ledger.topUp(buyer, 900, "test-top-up:" + buyer);
        var external = ledger.statement(AccountRef.external(), null, null, new PageRequest(0, 1)).items();
        assertThat(external).hasSize(1);
        assertThat(external.getFirst().amount()).isEqualTo(-900);
        assertThat(external.getFirst().balance()).isEqualTo(ledger.balance(AccountRef.external()));
    }

    @Test
    void theDemoBuyersHaveMoneyInTheirWallets() {
        long beijing = jdbc.sql("select id from accounts where handle = 'buyer_beijing'").query(Long.class).single();
        assertThat(ledger.transaction(TransactionKind.TOP_UP, "demo:buyer_beijing")).hasValueSatisfying(t ->
                assertThat(t.amountOn(AccountRef.wallet(beijing))).isEqualTo(200_000));
    }

    @Test
    void readingATransactionWithItsEntriesNeedsOneConnection() throws Exception {
        long buyer = ids.next();
        ledger.topUp(buyer, 500, "test-top-up:" + buyer);
        Connections.withOneConnectionLeft(dataSource, 2_000, () ->
                assertThat(ledger.transaction(TransactionKind.TOP_UP, "test-top-up:" + buyer)).hasValueSatisfying(t ->
                        assertThat(t.entries()).hasSize(2)));
    }

    private long entrySum(long transactionId) {
        return jdbc.sql("select sum(amount) from ledger_entries where transaction_id = ?").param(transactionId).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
