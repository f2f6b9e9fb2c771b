package io.laotie.demo;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.order.AfterSales;
import io.laotie.order.NewOrder;
import io.laotie.order.NewRefundRequest;
import io.laotie.order.OrderDeadlines;
import io.laotie.order.Orders;
import io.laotie.order.RefundKind;
import io.laotie.order.RefundReason;
import io.laotie.platform.PlatformClock;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * A month of trade for the demo world, written through the order and ledger façades on the platform clock set back
 * 30 days: orders in every state (waiting for payment, paid, shipped, delivered, completed, cancelled, refunded),
 * after-sales requests waiting for the merchant, refunded after a return, and one escalated to arbitration, merchants
 * with settled and withdrawn money. Deadlines fall due as the clock moves forward, exactly as they would have.
 */
@Component
class DemoOrderHistory {

    /** The demo goods the history trades in. */
    record Goods(long persimmons500g, long persimmons1kg, long seaCucumbers250g, long perfume30ml, long earthboundBook) {
    }

    private static final ClientInfo PHONE = new ClientInfo("127.0.0.1", "LaotieApp/1.0 (demo)", "demo-device");
    private static final List<String> PHOTO = List.of("/img/demo/persimmon.svg");

    private final PlatformClock clock;
    private final Accounts accounts;
    private final Orders orders;
    private final AfterSales afterSales;
    private final OrderDeadlines deadlines;
    private final Ledger ledger;

    DemoOrderHistory(PlatformClock clock, Accounts accounts, Orders orders, AfterSales afterSales, OrderDeadlines deadlines, Ledger ledger) {
        this.clock = clock;
        this.accounts = accounts;
        this.orders = orders;
        this.afterSales = afterSales;
        this.deadlines = deadlines;
        this.ledger = ledger;
    }

    void write(Goods goods) {
        Caller beijing = caller("buyer_beijing");
        Caller chengdu = caller("buyer_chengdu");
        Caller xiamen = caller("buyer_xiamen");
        Caller luoyang = caller("buyer_luoyang");
        Caller weinan = caller("buyer_weinan");
        Caller fuping = caller("buyer_fuping");
        Caller orchard = caller("fuping_orchard");
        Caller perfumery = caller("wanxiang_perfume");
        Caller bookshop = caller("sanwei_books");
        Caller seaFarm = caller("xiapu_sea");

        clock.startHistory(Duration.ofDays(30));
        try {
            // A month ago: orders that have run their whole course by now
            delivered(beijing, goods.persimmons500g(), 2, orchard);
            delivered(chengdu, goods.seaCucumbers250g(), 1, seaFarm);
            delivered(luoyang, goods.earthboundBook(), 1, bookshop);
            long returned = delivered(xiamen, goods.perfume30ml(), 1, perfumery);
            long disputed = delivered(weinan, goods.persimmons1kg(), 1, orchard);
            long changedMind = paid(fuping, goods.persimmons500g(), 1);
            afterSales.request(changedMind, fuping, new NewRefundRequest(RefundKind.REFUND_ONLY, 3_990L, RefundReason.NO_REASON,
                    "拍错了规格，还没发货请退款", null));
            step(Duration.ofDays(2));

            // A 7-day no-reason return, sent back and refunded
            long returnId = afterSales.request(returned, xiamen, new NewRefundRequest(RefundKind.RETURN_AND_REFUND, 19_900L,
                    RefundReason.NO_REASON, "味道不太适合我，包装未拆", null)).id();
            afterSales.approve(returnId, perfumery);
            afterSales.shipReturn(returnId, xiamen, "中通快递", "ZT7788123456");
            step(Duration.ofDays(2));
            afterSales.confirmReturn(returnId, perfumery);

            // Spoiled goods: the merchant rejects, the buyer escalates, an operator has yet to rule
            long disputeId = afterSales.request(disputed, weinan, new NewRefundRequest(RefundKind.REFUND_ONLY, 3_000L,
                    RefundReason.DAMAGED_OR_SPOILED, "收到时有几个柿饼发霉了", PHOTO)).id();
            step(Duration.ofDays(1));
            afterSales.reject(disputeId, orchard, "发货前逐个检查过，照片里的白霜是柿霜不是霉");
            afterSales.escalate(disputeId, weinan);
            step(Duration.ofDays(10)); // the undisputed orders complete and are settled

            // Two weeks ago to last week: more trade, some of it still under way
            long outOfStock = paid(chengdu, goods.persimmons1kg(), 2);
            orders.cancel(outOfStock, orchard, "这一批柿饼霜不够，宁可不卖");
            shipped(luoyang, goods.persimmons500g(), 1, orchard);
            step(Duration.ofDays(11)); // received automatically after ten days, then its window runs
            long lateRequest = delivered(weinan, goods.earthboundBook(), 1, bookshop);
            step(Duration.ofDays(3));
            ledger.withdraw(AccountRef.merchantAvailable(orchard.accountId()), 5_000L);

            // The last day: orders on their way, and a return the bookshop has yet to answer
            afterSales.request(lateRequest, weinan, new NewRefundRequest(RefundKind.RETURN_AND_REFUND, 4_500L, RefundReason.QUALITY,
                    "书脊有折痕", List.of("/img/demo/book.svg")));
            delivered(xiamen, goods.seaCucumbers250g(), 1, seaFarm);
            shipped(beijing, goods.earthboundBook(), 2, bookshop);
            paid(chengdu, goods.perfume30ml(), 1);
            long abandoned = orders.place(fuping, order(goods.persimmons500g(), 1), PHONE).id();
            orders.cancel(abandoned, fuping, "再想想");
            orders.place(fuping, order(goods.persimmons1kg(), 1), PHONE); // never paid: the payment deadline cancels it
            step(Duration.ofHours(1));
        } finally {
            clock.endHistory();
        }
        deadlines.runDue();
        ledger.releaseDue();
        // Waiting for payment right now: it will be cancelled if nobody pays within the payment timeout
        orders.place(luoyang, order(goods.persimmons500g(), 1), PHONE);
    }

    private void step(Duration by) {
        Duration left = by;
        while (!left.isZero()) { // a day at a time, so every deadline falls due in its own order
            Duration day = left.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : left;
            clock.advance(day);
            deadlines.runDue();
            ledger.releaseDue();
            left = left.minus(day);
        }
    }

    private long paid(Caller buyer, long sku, int quantity) {
        long id = orders.place(buyer, order(sku, quantity), PHONE).id();
        orders.pay(id, buyer);
        return id;
    }

    private long shipped(Caller buyer, long sku, int quantity, Caller merchant) {
        long id = paid(buyer, sku, quantity);
        orders.ship(id, merchant, "顺丰速运", "SF" + (1_000_000_000L + Math.abs(id % 9_000_000_000L)));
        return id;
    }

    private long delivered(Caller buyer, long sku, int quantity, Caller merchant) {
        long id = shipped(buyer, sku, quantity, merchant);
        orders.confirmReceipt(id, buyer);
        return id;
    }

    private static NewOrder order(long sku, int quantity) {
        return new NewOrder(List.of(new NewOrder.Line(sku, quantity)), null, null);
    }

    private Caller caller(String handle) {
        return accounts.findByHandle(handle).flatMap(a -> accounts.callerOf(a.id()))
                .orElseThrow(() -> new IllegalStateException("demo account " + handle + " is missing"));
    }
}
