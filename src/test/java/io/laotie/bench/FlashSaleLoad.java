package io.laotie.bench;

import io.laotie.support.HttpShop;
import io.laotie.support.HttpShop.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for a hot-SKU flash sale over HTTP against a running server: {@code concurrency} buyers at once
 * place an order for one unit of one SKU and pay it, until the stock is gone. Prints orders placed-and-paid per
 * second, p50/p99 latency of place+pay, and the oversold count read back from the server (on hand + sold vs the
 * initial stock). Run it with {@code bench/flash-sale.sh}, which starts the packaged server with the crash test's
 * durability settings.
 *
 * <p>Arguments: base URL, operator password, stock (default 20000), concurrency (default 64), buyers (default 200).
 */
public final class FlashSaleLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String operatorPassword = args[1];
        long stock = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int buyerCount = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        long price = 100;

        HttpShop shop = new HttpShop(base);
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String[] hot = shop.hotSku("flash_m_" + run, price, stock);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < buyerCount; i++) {
            buyers.add(shop.buyer("flash_b" + i + "_" + run, price * (stock / buyerCount * 3 + 100))); // buyers are picked unevenly
        }
        // warm the server's code paths on a SKU of its own so the measured run starts hot
        String[] warm = shop.hotSku("flash_w_" + run, price, 2_000);
        drive(shop, warm[1], buyers, Math.min(concurrency, 16), 2_000);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        int[] outcome = drive(shop, hot[1], buyers, concurrency, stock, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;

        String merchant = shop.login("flash_m_" + run, "load-test-pass");
        Answer level = HttpShop.expect(shop.get("/api/skus/" + hot[1] + "/stock", merchant), 200);
        long sold = HttpShop.expect(shop.get("/api/orders?as=MERCHANT&status=PAID&size=1", merchant), 200).body().path("total").asLong();
        long onHand = level.body().path("stock").asLong();
        long oversold = Math.max(0, sold - stock) + Math.max(0, -onHand);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        String operator = shop.login("operator", operatorPassword);
        boolean balanced = shop.get("/api/operator/ledger/check", operator).body().path("balanced").asBoolean();

        System.out.printf("FLASH-SALE concurrency=%d stock=%d paid=%d refused=%d errors=%d seconds=%.2f paid-per-second=%.0f "
                        + "p50-ms=%.1f p99-ms=%.1f on-hand=%d sold=%d oversold=%d ledger-balanced=%s%n",
                concurrency, stock, outcome[0], outcome[1], outcome[2], seconds, outcome[0] / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), onHand, sold, oversold, balanced);
        if (oversold != 0 || !balanced) {
            System.exit(1);
        }
    }

    private static int[] drive(HttpShop shop, String skuId, List<String> buyers, int concurrency, long attempts) throws Exception {
        return drive(shop, skuId, buyers, concurrency, attempts, new ConcurrentLinkedQueue<>());
    }

    /** Places and pays until the SKU is sold out; answers {paid, refused, errors}. */
    private static int[] drive(HttpShop shop, String skuId, List<String> buyers, int concurrency, long attempts,
                               ConcurrentLinkedQueue<Long> latencies) throws Exception {
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong tickets = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            pool.submit(() -> {
                start.await();
                int soldOutInARow = 0;
                long ticket;
                while ((ticket = tickets.getAndIncrement()) < attempts * 2 && soldOutInARow < 3) {
                    String buyer = buyers.get((int) ((ticket * 31 + worker) % buyers.size()));
                    long began = System.nanoTime();
                    try {
                        Answer placed = shop.place(buyer, skuId, 1);
                        if (placed.status() == 409) {
                            refused.incrementAndGet();
                            soldOutInARow++;
                            continue;
                        }
                        soldOutInARow = 0;
                        if (placed.status() != 201 || shop.pay(buyer, placed.id()).status() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        latencies.add(System.nanoTime() - began);
                        paid.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return new int[]{paid.get(), refused.get(), errors.get()};
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private FlashSaleLoad() {
    }
}
