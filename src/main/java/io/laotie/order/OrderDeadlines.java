package io.laotie.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static io.laotie.order.OrderBook.utc;

/**
 * Makes time-driven transitions happen: unpaid orders expire, shipped orders are received automatically, delivered
 * orders complete, unanswered requests are approved and unconfirmed returns accepted. Runs every
 * {@code laotie.order.scan-interval} (2s by default, so a transition happens within seconds of falling due), each
 * item in its own transaction; the guarded transitions make a tick racing a user's request, or another node's tick,
 * harmless. Time comes from the injected clock, so tests move it and call {@link #runDue()}.
 */
@Component
public class OrderDeadlines {

    private static final Logger log = LoggerFactory.getLogger(OrderDeadlines.class);
    private static final int BATCH = 200;

    private final OrderBook book;
    private final Orders orders;
    private final AfterSales afterSales;
    private final TransactionTemplate tx;

    OrderDeadlines(OrderBook book, Orders orders, AfterSales afterSales, TransactionTemplate tx) {
        this.book = book;
        this.orders = orders;
        this.afterSales = afterSales;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${laotie.order.scan-interval:2s}", initialDelayString = "${laotie.order.scan-interval:2s}")
    void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.error("Order deadlines failed this round; the next round tries again", e);
        }
    }

    /** Runs every transition that is due now; answers how many happened. */
    public synchronized int runDue() {
        int done = 0;
        int rounds = 0;
        List<Long> due;
        do {
            due = dueOrders();
            for (long orderId : due) {
                Boolean moved = tx.execute(status -> {
                    var row = book.lock(orderId);
                    if (row.dueAt() == null || row.dueAt().isAfter(book.now())) {
                        return false;
                    }
                    return switch (row.status()) {
                        case PENDING_PAYMENT -> orders.expire(row);
                        case SHIPPED -> orders.deliver(row, Actor.SYSTEM, null);
                        case DELIVERED -> orders.complete(row);
                        default -> {
                            book.jdbc().sql("update orders set due_at = null where id = ?").param(orderId).update();
                            yield false;
                        }
                    };
                });
                done += Boolean.TRUE.equals(moved) ? 1 : 0;
            }
        } while (due.size() == BATCH && ++rounds < 50); // the rest waits for the next tick
        for (long refundId : dueRefunds()) {
            Boolean moved = tx.execute(status -> afterSales.onDue(refundId));
            done += Boolean.TRUE.equals(moved) ? 1 : 0;
        }
        return done;
    }

    private List<Long> dueOrders() {
        return jdbc().sql("select id from orders where due_at <= ? order by due_at limit " + BATCH)
                .param(utc(book.now())).query(Long.class).list();
    }

    private List<Long> dueRefunds() {
        return jdbc().sql("select id from refund_requests where due_at <= ? and status in ('REQUESTED', 'RETURN_SHIPPED') order by due_at")
                .param(utc(book.now())).query(Long.class).list();
    }

    private JdbcClient jdbc() {
        return book.jdbc();
    }
}
