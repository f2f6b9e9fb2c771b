package io.laotie.order;

import io.laotie.catalog.Products;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.Accounts;
import io.laotie.inventory.Inventory;
import io.laotie.ledger.Ledger;
import io.laotie.order.internal.OrderProperties;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order module's extension points, plugged the way the live and trust modules will plug them: a pricing step
 * that verifies a live session, applies its live price and attributes the sale, and an after-sales policy that
 * approves at once. Built as the module's own façades with the steps given, over the suite's database.
 */
@LaotieTest
class ExtensionPointTests {

    static final long LIVE_SESSION = 777_000_001L;
    static final long CREATOR = 777_000_002L;

    @Autowired OrderBook book;
    @Autowired Products products;
    @Autowired AddressBook addresses;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
    @Autowired OrderProperties properties;
    @Autowired ApplicationEventPublisher events;
    @Autowired Accounts accounts;
    @Autowired Orders suiteOrders;
    @Autowired Api api;
    @Autowired PlacementWriter writer;
    @Autowired GroupCommit groupCommit;
    @Autowired TransactionTemplate tx;

    /** What the live module will do: a session it knows sells at a live price and gets the credit. */
    static final PricingStep LIVE_PRICE = pricing -> {
        if (pricing.liveSessionHint() != null && pricing.liveSessionHint() == LIVE_SESSION) {
            pricing.lines().forEach(line -> line.setUnitPrice(line.listPrice() - 500));
            pricing.attribute(LIVE_SESSION, CREATOR);
        }
    };

    @Test
    void aPricingStepSetsTheLivePriceAndTheAttributionNeverTheClient() {
        OrderFixture shop = new OrderFixture(api, 3_990, 10, false);
        Caller buyer = callerOf(shop.buyer(100));
        Orders orders = new Orders(book, products, addresses, inventory, ledger, List.of(LIVE_PRICE), properties, events, writer,
                groupCommit, tx);
        long sku = Long.parseLong(shop.skuId);

        OrderView live = orders.place(buyer, new NewOrder(List.of(new NewOrder.Line(sku, 2)), null, LIVE_SESSION), ClientInfo.INTERNAL);
        assertThat(live.liveSessionId()).isEqualTo(LIVE_SESSION);
        assertThat(live.creatorId()).isEqualTo(CREATOR);
        assertThat(live.lines().getFirst().unitPrice()).isEqualTo(3_490);
        assertThat(live.lines().getFirst().listPrice()).isEqualTo(3_990);
        assertThat(live.total()).isEqualTo(2 * 3_490);

        OrderView plain = orders.place(buyer, new NewOrder(List.of(new NewOrder.Line(sku, 1)), null, null), ClientInfo.INTERNAL);
        assertThat(plain.creatorId()).isNull();
        assertThat(plain.lines().getFirst().unitPrice()).isEqualTo(3_990);
    }

    @Test
    void anAfterSalesPolicyApprovesAtOnceWithoutWaitingForTheMerchant() {
        OrderFixture shop = new OrderFixture(api, 5_000, 10, true);
        var user = shop.buyer(100);
        Caller buyer = callerOf(user);
        String orderId = shop.delivered(user, 1);
        AfterSalesPolicy fastRefund = request -> request.reason() == RefundReason.DAMAGED_OR_SPOILED
                ? AfterSalesPolicy.Verdict.APPROVE : AfterSalesPolicy.Verdict.ABSTAIN;
        AfterSales afterSales = new AfterSales(book, suiteOrders, products, inventory, ledger, List.of(fastRefund), properties, events);

        RefundView refund = afterSales.request(Long.parseLong(orderId), buyer, new NewRefundRequest(RefundKind.REFUND_ONLY, 1_000L,
                RefundReason.DAMAGED_OR_SPOILED, "烂了", List.of("https://img.example.com/rotten.jpg")));
        assertThat(refund.status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(shop.wallet(user)).isEqualTo(10_000 - 5_000 + 1_000);
    }

    private Caller callerOf(Api.User user) {
        return accounts.callerOf(Long.parseLong(user.id())).orElseThrow();
    }
}
