package io.laotie.live.web;

import io.laotie.live.FlashSale;
import io.laotie.live.FlashSaleStatus;
import io.laotie.live.FlashSales;
import io.laotie.live.ShelfItem;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flash sales (秒杀) of a live room as its page draws them on load: the sales counting down or running, each on
 * its shelf item, with the clock the countdown starts from. {@code room.js} takes over from there with the room's
 * {@code flash-sale} frames; it reads the platform time the page was drawn at, so a browser whose clock is off still
 * counts down to the server's start.
 */
@Component
class FlashSaleCards {

    /**
     * One open sale on a shelf item: the sale, the name of its SKU, its phase as room.js names it ({@code scheduled},
     * {@code running}, {@code sold-out}) and the time to the next moment (start or end) as m:ss.
     */
    record Card(FlashSale sale, String skuName, String phase, String clock) {
    }

    private final FlashSales flashSales;
    private final Clock clock;

    FlashSaleCards(FlashSales flashSales, Clock clock) {
        this.flashSales = flashSales;
        this.clock = clock;
    }

    /** Puts {@code flashSaleCards} (shelf item id → its open sales) and {@code serverNow} (epoch millis) in the model. */
    void show(long liveSessionId, List<ShelfItem> shelf, Model model) {
        Instant now = clock.instant();
        Map<Long, List<Card>> cards = new LinkedHashMap<>();
        for (FlashSale sale : flashSales.of(liveSessionId)) {
            if (sale.status() != FlashSaleStatus.ENDED) {
                cards.computeIfAbsent(sale.shelfItemId(), item -> new ArrayList<>()).add(card(sale, shelf, now));
            }
        }
        model.addAttribute("flashSaleCards", cards);
        model.addAttribute("serverNow", now.toEpochMilli());
    }

    private static Card card(FlashSale sale, List<ShelfItem> shelf, Instant now) {
        boolean scheduled = sale.status() == FlashSaleStatus.SCHEDULED;
        String phase = scheduled ? "scheduled" : sale.remaining() == 0 ? "sold-out" : "running";
        Duration left = Duration.between(now, scheduled ? sale.startsAt() : sale.endsAt());
        return new Card(sale, skuName(sale, shelf), phase, minutes(Math.ceilDiv(left.toMillis(), 1000)));
    }

    private static String skuName(FlashSale sale, List<ShelfItem> shelf) {
        return shelf.stream().flatMap(item -> item.skus().stream()).filter(sku -> sku.skuId() == sale.skuId())
                .map(ShelfItem.Sku::name).findFirst().orElse("");
    }

    /** Whole seconds (rounded up, as room.js does) as m:ss; never below 0:00. */
    private static String minutes(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
