package io.laotie.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for orders that touch no shared stock row (every line carved from an allotment, as in a flash
 * sale): buyers' requests queue here, one writer thread stores whatever has queued as one transaction, and each
 * request is answered only after that transaction committed. One commit (one fsync) then carries hundreds of orders,
 * and no two buyers wait on each other's row locks. When a batch fails (an allotment ran out between pricing and
 * storing), its orders are stored one by one, so only the ones that cannot be stored are refused.
 */
@Component
class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** At most this many orders per transaction: large enough to amortise the commit, small enough to answer fast. */
    static final int MAX_BATCH = 256;

    private record Pending(Placement placement, CompletableFuture<OrderView> answer) {
    }

    private final PlacementWriter writer;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommit(PlacementWriter writer, TransactionTemplate tx) {
        this.writer = writer;
        this.tx = tx;
        this.thread = Thread.ofPlatform().name("order-group-commit").daemon().start(this::run);
    }

    /** Stores the order with others queued at the same time; answers once it is durable. */
    OrderView place(Placement placement) {
        Pending pending = new Pending(placement, new CompletableFuture<>());
        boolean queued;
        synchronized (this) { // against destroy(): once it stopped the writer, nothing more is queued
            queued = running;
            if (queued) {
                queue.add(pending);
            }
        }
        if (!queued) {
            return storeAlone(placement);
        }
        try {
            return pending.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                synchronized (this) {
                    running = false;
                }
                break; // what is queued is stored below, without waiting
            } catch (RuntimeException | Error e) {
                log.error("Group commit failed for {} orders", batch.size(), e);
                batch.forEach(p -> p.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        for (Pending late; (late = queue.poll()) != null; ) { // queued while stopping
            try {
                late.answer().complete(storeAlone(late.placement()));
            } catch (RuntimeException e) {
                late.answer().completeExceptionally(e);
            }
        }
    }

    private void store(List<Pending> batch) {
        List<OrderView> views;
        try {
            views = tx.execute(status -> writer.write(batch.stream().map(Pending::placement).toList()));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().answer().completeExceptionally(e);
                return;
            }
            for (Pending pending : batch) {
                try {
                    pending.answer().complete(storeAlone(pending.placement()));
                } catch (RuntimeException alone) {
                    pending.answer().completeExceptionally(alone);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(views.get(i));
        }
    }

    private OrderView storeAlone(Placement placement) {
        return tx.execute(status -> writer.write(List.of(placement)).getFirst());
    }

    /** Stops taking orders and stores what has queued before the application closes. */
    @Override
    public void destroy() throws InterruptedException {
        synchronized (this) {
            running = false;
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
