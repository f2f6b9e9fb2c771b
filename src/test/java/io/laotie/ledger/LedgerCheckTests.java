package io.laotie.ledger;

import io.laotie.ledger.LedgerCheck.Finding;
import io.laotie.ledger.LedgerCheck.Kind;
import io.laotie.platform.Ids;
import io.laotie.support.LaotieTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit finds each kind of corruption. Every test breaks rows of accounts and orders it made itself, checks,
 * and repairs the rows in a finally block, so the ledger the other tests share is whole again afterwards.
 */
@LaotieTest
class LedgerCheckTests {

    @Autowired Ledger ledger;
    @Autowired Ids ids;
    @Autowired JdbcClient jdbc;

    @Test
    void aTransactionWhoseEntriesDoNotSumToZeroIsReported() {
        long buyer = ids.next();
        Transaction topUp = ledger.topUp(buyer, 5_000, "test-top-up:" + buyer);
        long external = entryOn(topUp, AccountRef.external());

        corrupt("update ledger_entries set amount = amount + 1 where id = ?", external,
                "update ledger_entries set amount = amount - 1 where id = ?", external,
                check -> assertThat(check.problems()).contains(new Finding(Kind.UNBALANCED_TRANSACTION, null, topUp.id(),
                        "its entries sum to 1 fen, not 0")));
    }

    @Test
    void aTransactionWithoutEntriesIsReported() {
        long transaction = ids.next();
        try {
            jdbc.sql("insert into ledger_transactions (id, kind, reference, order_id, memo, created_at) values (?, 'CREDIT', ?, null, 'forged', ?)")
                    .params(transaction, "forged:" + transaction, OffsetDateTime.now(ZoneOffset.UTC)).update();
            LedgerCheck check = ledger.check();
            assertThat(check.balanced()).isFalse();
            assertThat(check.problems()).contains(new Finding(Kind.EMPTY_TRANSACTION, null, transaction, "it has no entries"));
        } finally {
            jdbc.sql("delete from ledger_transactions where id = ?").param(transaction).update();
        }
        assertThat(mentioning(ledger.check(), null, transaction)).isEmpty();
    }

    @Test
    void aBalanceThatDiffersFromItsEntriesIsReported() {
        long buyer = ids.next();
        ledger.topUp(buyer, 5_000, "test-top-up:" + buyer);
        long wallet = accountId(AccountRef.wallet(buyer));

        corrupt("update ledger_accounts set balance = balance + 1 where id = ?", wallet,
                "update ledger_accounts set balance = balance - 1 where id = ?", wallet,
                check -> assertThat(mentioning(check, wallet, null)).extracting(Finding::kind).containsExactly(Kind.BALANCE_MISMATCH));
    }

    @Test
    void aNegativeBalanceAfterAnEntryIsReported() {
        long buyer = ids.next();
        Transaction topUp = ledger.topUp(buyer, 5_000, "test-top-up:" + buyer);
        long wallet = accountId(AccountRef.wallet(buyer));
        long entry = entryOn(topUp, AccountRef.wallet(buyer));

        corrupt("update ledger_entries set balance_after = -5000 where id = ?", entry,
                "update ledger_entries set balance_after = 5000 where id = ?", entry,
                check -> assertThat(mentioning(check, wallet, null)).extracting(Finding::kind)
                        .containsExactlyInAnyOrder(Kind.NEGATIVE_BALANCE, Kind.BROKEN_CHAIN));
    }

    @Test
    void aPersonsAccountWhoseEntriesSumBelowZeroIsReported() {
        long buyer = ids.next();
        Transaction topUp = ledger.topUp(buyer, 5_000, "test-top-up:" + buyer);
        long wallet = accountId(AccountRef.wallet(buyer));
        long entry = entryOn(topUp, AccountRef.wallet(buyer));
        long external = entryOn(topUp, AccountRef.external());

        // a balanced forgery: the wallet's top-up turned into a withdrawal of the same amount
        try {
            jdbc.sql("update ledger_entries set amount = -amount where id in (?, ?)").params(entry, external).update();
            LedgerCheck check = ledger.check();
            assertThat(check.balanced()).isFalse();
            assertThat(mentioning(check, wallet, null)).extracting(Finding::kind)
                    .contains(Kind.NEGATIVE_BALANCE, Kind.BALANCE_MISMATCH, Kind.BROKEN_CHAIN);
            assertThat(mentioning(check, null, topUp.id())).extracting(Finding::kind).doesNotContain(Kind.UNBALANCED_TRANSACTION);
        } finally {
            jdbc.sql("update ledger_entries set amount = -amount where id in (?, ?)").params(entry, external).update();
        }
        assertThat(mentioning(ledger.check(), wallet, topUp.id())).isEmpty();
    }

    @Test
    void escrowBelowZeroIsReported() {
        long transaction = ids.next();
        long escrow = ledger.balance(AccountRef.escrow());
        try {
            // escrow pays out one fen more than it holds, in a transaction that is balanced in itself
            jdbc.sql("insert into ledger_transactions (id, kind, reference, order_id, memo, created_at) values (?, 'WITHDRAWAL', ?, null, 'forged', ?)")
                    .params(transaction, "forged:" + transaction, OffsetDateTime.now(ZoneOffset.UTC)).update();
            jdbc.sql("insert into ledger_entries (id, transaction_id, account_id, amount, created_at) values (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)")
                    .params(ids.next(), transaction, Journal.ESCROW_ID, -(escrow + 1), OffsetDateTime.now(ZoneOffset.UTC),
                            ids.next(), transaction, Journal.EXTERNAL_ID, escrow + 1, OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
            LedgerCheck check = ledger.check();
            assertThat(check.balanced()).isFalse();
            assertThat(mentioning(check, Journal.ESCROW_ID, null)).extracting(Finding::kind).contains(Kind.NEGATIVE_BALANCE);
        } finally {
            jdbc.sql("delete from ledger_entries where transaction_id = ?").param(transaction).update();
            jdbc.sql("delete from ledger_transactions where id = ?").param(transaction).update();
        }
        assertThat(mentioning(ledger.check(), Journal.ESCROW_ID, transaction)).isEmpty();
    }

    @Test
    void aBrokenChainOfBalancesIsReportedAtTheLinksItBreaks() {
        long buyer = ids.next();
        ledger.topUp(buyer, 5_000, "test-top-up:a" + buyer);
        Transaction middle = ledger.topUp(buyer, 1_000, "test-top-up:b" + buyer);
        Transaction last = ledger.topUp(buyer, 500, "test-top-up:c" + buyer);
        long wallet = accountId(AccountRef.wallet(buyer));
        long entry = entryOn(middle, AccountRef.wallet(buyer));

        corrupt("update ledger_entries set balance_after = balance_after + 7 where id = ?", entry,
                "update ledger_entries set balance_after = balance_after - 7 where id = ?", entry,
                check -> {
                    List<Finding> found = mentioning(check, wallet, null);
                    assertThat(found).extracting(Finding::kind).containsOnly(Kind.BROKEN_CHAIN);
                    assertThat(found).extracting(Finding::transactionId).containsExactlyInAnyOrder(middle.id(), last.id());
                });
    }

    @Test
    void escrowThatDiffersFromAnOrdersEntriesIsReported() {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 5_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 3_000);

        corrupt("update ledger_escrow set held = held - 1 where order_id = ?", order,
                "update ledger_escrow set held = held + 1 where order_id = ?", order,
                check -> assertThat(check.problems()).contains(new Finding(Kind.ESCROW_MISMATCH, Journal.ESCROW_ID, null,
                        "order " + order + " holds 2999 fen in escrow, but its escrow entries sum to 3000 fen")));
    }

    @Test
    void pendingMoneyThatNoReleaseWaitsForIsReported() {
        long merchant = ids.next();
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, 5_000, "test-top-up:" + buyer);
        ledger.payOrder(order, buyer, 5_000);
        ledger.settleOrder(order, merchant, 5_000);
        ledger.releaseDue();
        long pending = accountId(AccountRef.merchantPending(merchant));
        long forged = ids.next();

        // a release row for money that never reached the merchant's pending account, due long after this test
        corrupt("insert into ledger_releases (order_id, merchant_id, amount, due_at, released_at) values (?, " + merchant + ", 5, '2999-01-01 00:00:00+00', null)", forged,
                "delete from ledger_releases where order_id = ?", forged,
                check -> assertThat(mentioning(check, pending, null)).containsExactly(new Finding(Kind.PENDING_MISMATCH, pending, null,
                        "merchant " + merchant + " has 0 fen pending, but 5 fen waits for release")));
    }

    @Test
    void theLedgerTheSuiteSharesIsBalanced() {
        LedgerCheck check = ledger.check();
        assertThat(check.problems()).isEmpty();
        assertThat(check.balanced()).isTrue();
        assertThat(check.accounts()).isGreaterThanOrEqualTo(4);
    }

    /** Breaks the ledger, checks it, and repairs it whatever happens; then nothing about those rows may be reported. */
    private void corrupt(String breakSql, long breakParam, String repairSql, long repairParam, java.util.function.Consumer<LedgerCheck> expectations) {
        LedgerCheck check;
        try {
            assertThat(jdbc.sql(breakSql).param(breakParam).update()).isEqualTo(1);
            check = ledger.check();
            assertThat(check.balanced()).isFalse();
            expectations.accept(check);
        } finally {
            jdbc.sql(repairSql).param(repairParam).update();
        }
        assertThat(ledger.check().problems()).doesNotContainAnyElementsOf(check.problems());
    }

    private List<Finding> mentioning(LedgerCheck check, @Nullable Long accountId, @Nullable Long transactionId) {
        return check.problems().stream()
                .filter(f -> accountId != null && accountId.equals(f.accountId()) || transactionId != null && transactionId.equals(f.transactionId()))
                .toList();
    }

    private long accountId(AccountRef account) {
        return jdbc.sql("select id from ledger_accounts where kind = ? and owner_id = ?").params(account.kind().name(), account.ownerId())
                .query(Long.class).single();
    }

    private static long entryOn(Transaction transaction, AccountRef account) {
        return transaction.entries().stream().filter(e -> e.account().equals(account)).findFirst().orElseThrow().id();
    }
}
