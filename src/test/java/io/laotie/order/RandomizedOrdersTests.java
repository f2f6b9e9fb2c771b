package io.laotie.order;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shops;
import io.laotie.identity.Accounts;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.identity.NewAddress;
import io.laotie.inventory.Inventory;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import io.laotie.platform.PlatformClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random orders, payments, cancellations, shipments, partial refunds, returns, rejections,
 * arbitrations, completions and withdrawals through the façades, with time moving in random steps; refusals are
 * expected (a random step is often not allowed), anything else fails the test. At the end every account's money is
 * what its orders say it should be, every statement ends at its account's balance, stock adds up, and the ledger
 * check is balanced. Reproducible from the seed.
 */
@LaotieTest
class RandomizedOrdersTests {

    static final long SEED = 20261125L;
    static final int STEPS = 3_000;
    static final long STOCK = 400;
    static final long TOP_UP = 5_000_000;

    @Autowired Accounts accounts;
    @Autowired AddressBook addresses;
    @Autowired Shops shops;
    @Autowired Products products;
    @Autowired Orders orders;
    @Autowired AfterSales afterSales;
    @Autowired OrderDeadlines deadlines;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformClock clock;

    private Caller account(String prefix) {
        var account = accounts.signUp(new NewAccount(Api.unique(prefix), "random-pass-1", null, "成都"), ClientInfo.INTERNAL);
        return accounts.callerOf(account.id()).orElseThrow();
    }

    @Test
    void aRandomDayOfTradeLeavesEveryBookConsistent() {
        Random random = new Random(SEED);
        Caller operator = accounts.callerOf(accounts.findByHandle("operator").orElseThrow().id()).orElseThrow();
        List<Caller> merchants = new ArrayList<>();
        List<Long> skus = new ArrayList<>();
        Map<Long, Caller> merchantOfSku = new HashMap<>();
        for (int m = 0; m < 3; m++) {
            Caller merchant = account("rnd_merchant");
            long shop = shops.open(merchant.accountId(), "随机小店 " + m, "").id();
            merchant = accounts.callerOf(merchant.accountId()).orElseThrow();
            merchants.add(merchant);
            for (int p = 0; p < 2; p++) {
                ProductView product = products.create(shop, merchant, new NewProduct("随机商品 " + m + "-" + p, "", 1002L, null,
                        new Origin("富平", null), 1_000L, 9_000L, p == 0 ? 0L : 800L, p == 0, null,
                        List.of(new NewProduct.NewSku("规格", 1_990L + 1_000L * p, STOCK))));
                long sku = product.skus().getFirst().id();
                skus.add(sku);
                merchantOfSku.put(sku, merchant);
            }
        }
        List<Caller> buyers = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            Caller buyer = account("rnd_buyer");
            addresses.add(buyer.accountId(), new NewAddress("买家" + b, "13800138000", "四川省成都市", "一环路 " + b + " 号", true));
            ledger.topUp(buyer.accountId(), TOP_UP, "random-topup:" + buyer.accountId());
            buyers.add(buyer);
        }
        Map<Long, Caller> buyerOfOrder = new HashMap<>();
        List<Long> orderIds = new ArrayList<>();
        Map<Long, Long> withdrawn = new HashMap<>();
        int refused = 0;

        for (int step = 0; step < STEPS; step++) {
            try {
                int action = random.nextInt(100);
                if (action < 22 || orderIds.isEmpty()) {
                    Caller buyer = buyers.get(random.nextInt(buyers.size()));
                    long sku = skus.get(random.nextInt(skus.size()));
                    var order = orders.place(buyer, new NewOrder(List.of(new NewOrder.Line(sku, 1 + random.nextInt(3))), null, null),
                            new ClientInfo("127.0.0.1", "random", null));
                    buyerOfOrder.put(order.id(), buyer);
                    orderIds.add(order.id());
                    continue;
                }
                long orderId = orderIds.get(random.nextInt(orderIds.size()));
                Caller buyer = buyerOfOrder.get(orderId);
                OrderView order = orders.view(orderId, operator);
                Caller merchant = merchants.stream().filter(c -> c.accountId() == order.merchantId()).findFirst().orElseThrow();
                RefundView open = order.afterSales().stream().filter(r -> r.status().open() || r.status() == RefundStatus.REJECTED)
                        .reduce((a, b) -> b).orElse(null);
                if (action < 45) {
                    orders.pay(orderId, buyer);
                } else if (action < 48) {
                    orders.cancel(orderId, random.nextBoolean() ? buyer : merchant, "random");
                } else if (action < 58) {
                    orders.ship(orderId, merchant, "顺丰", "SF" + step);
                } else if (action < 64) {
                    orders.confirmReceipt(orderId, buyer);
                } else if (action < 74) {
                    long left = Math.max(1, order.total() - order.refunded());
                    long amount = random.nextInt(3) == 0 ? left : 1 + random.nextLong(left); // a third ask for all of it
                    RefundKind kind = random.nextBoolean() ? RefundKind.REFUND_ONLY : RefundKind.RETURN_AND_REFUND;
                    RefundReason reason = RefundReason.values()[random.nextInt(RefundReason.values().length)];
                    afterSales.request(orderId, buyer, new NewRefundRequest(kind, amount, reason, "random",
                            List.of("https://img.example.com/" + step + ".jpg")));
                } else if (action < 84 && open != null) {
                    switch (open.status()) {
                        case REQUESTED -> {
                            if (random.nextBoolean()) {
                                afterSales.approve(open.id(), merchant);
                            } else {
                                afterSales.reject(open.id(), merchant, "random");
                            }
                        }
                        case AWAITING_RETURN -> afterSales.shipReturn(open.id(), buyer, "中通", "ZT" + step);
                        case RETURN_SHIPPED -> afterSales.confirmReturn(open.id(), merchant);
                        case REJECTED -> afterSales.escalate(open.id(), buyer);
                        case ESCALATED -> {
                            Ruling.Outcome outcome = Ruling.Outcome.values()[random.nextInt(3)];
                            Long amount = outcome == Ruling.Outcome.SPLIT ? Math.max(1, open.amount() / 2) : null;
                            afterSales.arbitrate(open.id(), operator, new Ruling(outcome, amount, Ruling.Fault.NONE, false));
                        }
                        default -> { }
                    }
                } else if (action < 94) {
                    clock.advance(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 3)));
                    deadlines.runDue();
                    ledger.releaseDue();
                } else {
                    Caller m = merchants.get(random.nextInt(merchants.size()));
                    long available = ledger.balance(AccountRef.merchantAvailable(m.accountId()));
                    if (available > 0) {
                        long amount = 1 + random.nextLong(available);
                        ledger.withdraw(AccountRef.merchantAvailable(m.accountId()), amount);
                        withdrawn.merge(m.accountId(), amount, Long::sum);
                    }
                }
            } catch (Problem expected) {
                refused++;
            }
        }
        for (int i = 0; i < 6; i++) { // let every deadline pass
            clock.advance(Duration.ofDays(12));
            deadlines.runDue();
            ledger.releaseDue();
        }

        System.out.printf("RandomizedOrdersTests: %d orders, %d refused steps of %d%n", orderIds.size(), refused, STEPS);
        assertThat(orderIds.size()).isGreaterThan(300);
        assertThat(count("COMPLETED", orderIds)).as("some orders completed").isPositive();
        assertThat(count("REFUNDED", orderIds)).as("some orders were refunded in full").isPositive();
        assertThat(count("CANCELLED", orderIds)).as("some orders were cancelled").isPositive();

        for (Caller buyer : buyers) {
            long[] paidAndRefunded = jdbc.sql("select coalesce(sum(total), 0), coalesce(sum(refunded), 0) from orders where buyer_id = ? and paid_at is not null")
                    .param(buyer.accountId()).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
            long wallet = ledger.balance(AccountRef.wallet(buyer.accountId()));
            assertThat(wallet).as("wallet of %s", buyer.handle()).isEqualTo(TOP_UP - paidAndRefunded[0] + paidAndRefunded[1]);
            assertStatementEndsAtBalance(AccountRef.wallet(buyer.accountId()));
        }
        for (Caller merchant : merchants) {
            List<long[]> completed = jdbc.sql("select total, refunded from orders where merchant_id = ? and status = 'COMPLETED'")
                    .param(merchant.accountId()).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
            long share = completed.stream().mapToLong(o -> {
                long net = o[0] - o[1];
                return net - BigDecimal.valueOf(net).multiply(new BigDecimal("0.05")).setScale(0, RoundingMode.HALF_UP).longValueExact();
            }).sum();
            long pending = ledger.balance(AccountRef.merchantPending(merchant.accountId()));
            long available = ledger.balance(AccountRef.merchantAvailable(merchant.accountId()));
            assertThat(pending + available + withdrawn.getOrDefault(merchant.accountId(), 0L))
                    .as("what %s earned", merchant.handle()).isEqualTo(share);
            assertStatementEndsAtBalance(AccountRef.merchantAvailable(merchant.accountId()));
        }
        for (long orderId : orderIds) {
            OrderView order = orders.view(orderId, operator);
            long held = switch (order.status()) {
                case PAID, SHIPPED, DELIVERED -> order.total() - order.refunded();
                default -> 0;
            };
            assertThat(ledger.heldInEscrow(orderId)).as("escrow of order %s (%s)", orderId, order.status()).isEqualTo(held);
        }
        for (long sku : skus) {
            long sold = jdbc.sql("select coalesce(sum(quantity - returned), 0) from stock_reservations where sku_id = ? and status = 'CONFIRMED'")
                    .param(sku).query(Long.class).single();
            long pendingUnits = jdbc.sql("""
                            select coalesce(sum(l.quantity), 0) from order_lines l join orders o on o.id = l.order_id
                             where l.sku_id = ? and o.status = 'PENDING_PAYMENT'""").param(sku).query(Long.class).single();
            assertThat(inventory.level(sku).stock() + sold).as("stock of SKU %s", sku).isEqualTo(STOCK);
            assertThat(inventory.level(sku).reserved()).isEqualTo(pendingUnits);
        }
        var check = ledger.check();
        assertThat(check.balanced()).as("%s", check).isTrue();
    }

    private long count(String status, List<Long> orderIds) {
        return orderIds.stream().filter(id -> jdbc.sql("select status from orders where id = ?").param(id).query(String.class).single().equals(status)).count();
    }

    private void assertStatementEndsAtBalance(AccountRef account) {
        var latest = ledger.statement(account, null, null, new PageRequest(0, 1)).items();
        long balance = ledger.balance(account);
        if (latest.isEmpty()) {
            assertThat(balance).isZero();
        } else {
            assertThat(latest.getFirst().balance()).as("statement of %s", account).isEqualTo(balance);
        }
    }
}
