package io.laotie.bench;

import io.laotie.live.FlashSales;
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

/**
 * Load generator for a live flash sale (秒杀) over HTTP against a running server: a creator goes live with one hot
 * SKU on the shelf and starts a sale of {@code quantity} units; after the countdown {@code concurrency} buyers at
 * once place room orders for one unit until the sale answers sold-out. Each 201 is a durable order (the server
 * answers after its group commit). Prints accepted orders per second, p50/p99 latency of placing, and the oversold
 * count read back from the server (orders held against the quantity, and on hand + reserved against the stock),
 * and the server's CPU time per accepted order. Then, for comparison, the same buyers place the same orders of a
 * plain hot SKU (no sale: each order reserves on the SKU's row and commits alone) until it is sold out.
 * Run it with {@code bench/flash-sale.sh DB STOCK CONCURRENCY BUYERS live}.
 *
 * <p>Arguments: base URL, operator password, quantity (default 50000), concurrency (default 64), buyers (default 200).
 */
public final class LiveFlashSaleLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String operatorPassword = args[1];
        int quantity = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int buyerCount = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        long price = 1_990;
        long salePrice = 990;

        HttpShop shop = new HttpShop(base);
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < buyerCount; i++) {
            buyers.add(shop.buyer("live_b" + i + "_" + run, 100));
        }
        // warm the server's code paths on a sale of its own so the measured run starts hot
        HttpShop.FlashSale warm = shop.flashSale("live_w_" + run, price, 5_000, salePrice, 5_000, FlashSales.MAX_PER_BUYER, 20);
        HttpShop.FlashSale sale = shop.flashSale("live_m_" + run, price, quantity, salePrice, quantity, FlashSales.MAX_PER_BUYER, 20);
        warm.awaitStart();
        drive(buyers, Math.min(concurrency, 16), new ConcurrentLinkedQueue<>(), buyer -> shop.placeInRoom(buyer, warm, 1));
        sale.awaitStart();

        String operator = shop.login("operator", operatorPassword);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        double cpuBefore = cpuSeconds(shop, operator);
        long started = System.nanoTime();
        int[] outcome = drive(buyers, concurrency, latencies, buyer -> shop.placeInRoom(buyer, sale, 1));
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = cpuSeconds(shop, operator) - cpuBefore;

        String creator = shop.login("live_m_" + run, "load-test-pass");
        long held = HttpShop.expect(shop.get("/api/orders?as=MERCHANT&status=PENDING_PAYMENT&size=1", creator), 200).body().path("total").asLong();
        var stock = HttpShop.expect(shop.get("/api/skus/" + sale.skuId() + "/stock", creator), 200).body();
        long remaining = HttpShop.expect(shop.get("/api/flash-sales/" + sale.saleId(), null), 200).body().path("remaining").asLong();
        long oversold = Math.max(0, held - quantity) + Math.max(0, outcome[0] - quantity)
                + Math.max(0, stock.path("reserved").asLong() - stock.path("stock").asLong());
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("LIVE-FLASH-SALE concurrency=%d quantity=%d accepted=%d sold-out=%d errors=%d seconds=%.2f accepted-per-second=%.0f "
                        + "p50-ms=%.1f p99-ms=%.1f server-cpu-ms-per-order=%.2f orders-held=%d remaining=%d oversold=%d%n",
                concurrency, quantity, outcome[0], outcome[1], outcome[2], seconds, outcome[0] / seconds,
                FlashSaleLoad.percentile(sorted, 0.50), FlashSaleLoad.percentile(sorted, 0.99), cpu * 1000 / outcome[0],
                held, remaining, oversold);

        String[] plain = shop.hotSku("live_p_" + run, price, quantity);
        ConcurrentLinkedQueue<Long> plainLatencies = new ConcurrentLinkedQueue<>();
        cpuBefore = cpuSeconds(shop, operator);
        started = System.nanoTime();
        int[] plainOutcome = drive(buyers, concurrency, plainLatencies, buyer -> shop.place(buyer, plain[1], 1));
        seconds = (System.nanoTime() - started) / 1e9;
        cpu = cpuSeconds(shop, operator) - cpuBefore;
        long[] plainSorted = plainLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("PLAIN-HOT-SKU concurrency=%d stock=%d accepted=%d sold-out=%d errors=%d seconds=%.2f accepted-per-second=%.0f "
                        + "p50-ms=%.1f p99-ms=%.1f server-cpu-ms-per-order=%.2f%n",
                concurrency, quantity, plainOutcome[0], plainOutcome[1], plainOutcome[2], seconds, plainOutcome[0] / seconds,
                FlashSaleLoad.percentile(plainSorted, 0.50), FlashSaleLoad.percentile(plainSorted, 0.99), cpu * 1000 / plainOutcome[0]);
        if (oversold != 0) {
            System.exit(1);
        }
    }

    /** The server process's CPU time so far, from its metrics (Micrometer's {@code process.cpu.time}). */
    private static double cpuSeconds(HttpShop shop, String operator) throws Exception {
        var metric = HttpShop.expect(shop.get("/actuator/metrics/process.cpu.time", operator), 200).body();
        double value = metric.path("measurements").get(0).path("value").asDouble();
        String unit = metric.path("baseUnit").asString();
        return unit.equals("ns") || unit.equals("nanoseconds") ? value / 1e9 : value;
    }

    /** Places one order a time for a buyer. */
    private interface Placer {
        Answer place(String buyer) throws Exception;
    }

    /** Places orders of one unit until the goods are sold out a few times in a row; answers {accepted, sold-out, errors}. */
    private static int[] drive(List<String> buyers, int concurrency, ConcurrentLinkedQueue<Long> latencies, Placer placer)
            throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger soldOut = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger tickets = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            pool.submit(() -> {
                start.await();
                int soldOutInARow = 0;
                while (soldOutInARow < 3) {
                    String buyer = buyers.get(Math.floorMod(tickets.getAndIncrement() * 31, buyers.size()));
                    long began = System.nanoTime();
                    try {
                        Answer placed = placer.place(buyer);
                        if (placed.status() == 201) {
                            latencies.add(System.nanoTime() - began);
                            accepted.incrementAndGet();
                            soldOutInARow = 0;
                        } else if (placed.status() == 409) {
                            soldOut.incrementAndGet();
                            soldOutInARow++;
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return new int[]{accepted.get(), soldOut.get(), errors.get()};
    }

    private LiveFlashSaleLoad() {
    }
}
