package io.laotie.trust.internal;

import io.laotie.platform.Ids;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repurchase inputs. When listeners race, the first changes of a creator's inputs (each in a transaction of its
 * own, as concurrent import chunks and payments are) all count and none fails: on PostgreSQL a caught unique violation
 * would have aborted its transaction. And a buyer's past value is what they paid less what came back.
 */
@LaotieTest
class PurchaseHistoriesTests {

    @Autowired PurchaseHistories histories;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Ids ids;

    @Test
    void concurrentFirstInputsOfACreatorAllCount() throws Exception {
        int threads = 8;
        long creator = ids.next();
        long order = ids.next();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long buyer = ids.next();
                boolean refund = i % 2 == 0;
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        if (refund) { // the same order refunded and paid at once, heard in either order
                            histories.refundedInFull(order, creator, buyer, Instant.now());
                        } else {
                            histories.paid(ids.next(), creator, buyer, Instant.now(), 1_000);
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(histories.revision(creator)).as("every change raised the revision once").isEqualTo(threads);
    }

    @Test
    void aBuyersPastValueIsWhatTheyKeptPaying() {
        long creator = ids.next();
        long buyer = ids.next();
        Instant day = Instant.parse("2026-03-02T04:00:00Z");
        long kept = ids.next();
        long refundedFirst = ids.next();
        long returned = ids.next();
        long refund = ids.next();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            histories.paid(kept, creator, buyer, day, 1_000);
            histories.refundedInPart(refund, kept, creator, 300);
            histories.refundedInPart(refund, kept, creator, 300); // heard twice, taken once
            histories.refundedInPart(ids.next(), refundedFirst, creator, 500); // heard before its payment
            histories.paid(refundedFirst, creator, buyer, day.plus(Duration.ofDays(3)), 2_000);
            histories.paid(returned, creator, buyer, day.plus(Duration.ofDays(5)), 4_000);
            histories.refundedInFull(returned, creator, buyer, day.plus(Duration.ofDays(6)));
        });
        List<PurchaseHistories.BuyerDays> found = histories.firstBuyingBetween(creator, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(found).singleElement().satisfies(b -> {
            assertThat(b.value()).isEqualTo(1_000 - 300 + 2_000 - 500);
            assertThat(b.days()).as("partly refunded orders still count as purchase days").isEqualTo(2);
        });
    }
}
