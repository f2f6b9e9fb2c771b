package io.laotie.trust.internal;

import io.laotie.platform.Ids;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repurchase inputs when listeners race: the first changes of a creator's inputs, each in a transaction of its
 * own as concurrent import chunks and payments are, all count, and none fails (on PostgreSQL a caught unique violation
 * would have aborted its transaction).
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
}
