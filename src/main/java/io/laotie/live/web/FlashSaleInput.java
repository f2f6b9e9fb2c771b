package io.laotie.live.web;

import io.laotie.live.FlashSales;
import io.laotie.live.NewFlashSale;
import io.laotie.live.ShelfItem;
import io.laotie.platform.FieldError;
import io.laotie.platform.Problem;
import io.laotie.platform.ValidationFailed;
import io.laotie.platform.web.Notices;
import io.laotie.platform.web.Yuan;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flash sale (秒杀) as a creator types it on the studio page: the SKU of a shelf item ({@code sku} =
 * {@code <shelfItemId>:<skuId>}), the price in yuan (made fen exactly by {@link Yuan}, never through a double), the
 * quantity, the per-buyer limit, the countdown in seconds and the duration in minutes. What the page can tell at once
 * it says beside the field in the reader's language; what {@link FlashSales} refuses later (a field, too little stock,
 * a sale of that SKU still open) goes back on the field it concerns, in the reader's language too.
 */
final class FlashSaleInput {

    static final String FORM = "flash-sale";
    static final String SKU = "sku";
    static final String PRICE = "price";
    static final String QUANTITY = "quantity";
    static final String PER_BUYER_LIMIT = "perBuyerLimit";
    static final String COUNTDOWN = "countdownSeconds";
    static final String DURATION = "durationMinutes";
    /** What the form holds before anything was typed. */
    static final Map<String, String> DEFAULTS = Map.of(PER_BUYER_LIMIT, "1", COUNTDOWN, "30", DURATION, "5");

    private static final int MIN_COUNTDOWN = 10;
    private static final int MAX_COUNTDOWN = 300;
    private static final int MAX_DURATION_MINUTES = 20;

    /** What was typed by field name and the field errors found; {@code sale} only when there are none. */
    record Read(@Nullable NewFlashSale sale, ShelfItem.@Nullable Sku sku, Map<String, String> typed, Map<String, String> errors) {

        boolean ok() {
            return errors.isEmpty();
        }
    }

    private FlashSaleInput() {
    }

    /** The value of the SKU choice for one SKU of a shelf item (the page writes the same). */
    private static String choice(long shelfItemId, long skuId) {
        return shelfItemId + ":" + skuId;
    }

    static Read read(Map<String, String> params, List<ShelfItem> shelf, Notices notices) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of(SKU, PRICE, QUANTITY, PER_BUYER_LIMIT, COUNTDOWN, DURATION)) {
            typed.put(field, params.getOrDefault(field, "").strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Chosen> chosen = chosen(shelf, typed.get(SKU));
        Optional<ShelfItem.Sku> sku = chosen.map(Chosen::sku);
        if (sku.isEmpty()) {
            errors.put(SKU, notices.text("studio.flash.sku.rule"));
        }
        Long price = Yuan.fen(typed.get(PRICE));
        if (price == null) {
            errors.put(PRICE, notices.text("studio.price.rule"));
        } else if (sku.isPresent() && price > sku.get().price()) {
            errors.put(PRICE, notices.text("studio.flash.price.above", Yuan.text(sku.get().price())));
        }
        Integer quantity = whole(typed, QUANTITY, 1, FlashSales.MAX_QUANTITY, errors, notices);
        Integer limit = whole(typed, PER_BUYER_LIMIT, 1, FlashSales.MAX_PER_BUYER, errors, notices);
        if (quantity != null && limit != null && limit > quantity) {
            errors.put(PER_BUYER_LIMIT, notices.text("studio.flash.limit.above"));
        }
        Integer countdown = whole(typed, COUNTDOWN, MIN_COUNTDOWN, MAX_COUNTDOWN, errors, notices);
        Integer minutes = whole(typed, DURATION, 1, MAX_DURATION_MINUTES, errors, notices);
        if (!errors.isEmpty()) {
            return new Read(null, sku.orElse(null), typed, errors);
        }
        NewFlashSale sale = new NewFlashSale(chosen.get().itemId(), sku.get().skuId(), price, quantity, limit, countdown, minutes * 60);
        return new Read(sale, sku.get(), typed, errors);
    }

    private record Chosen(long itemId, ShelfItem.Sku sku) {
    }

    /** The shelf item's SKU the choice names, if it is on this shelf. */
    private static Optional<Chosen> chosen(List<ShelfItem> shelf, String typed) {
        return shelf.stream().flatMap(item -> item.skus().stream().map(sku -> new Chosen(item.id(), sku)))
                .filter(c -> choice(c.itemId(), c.sku().skuId()).equals(typed)).findFirst();
    }

    /**
     * Puts what {@link FlashSales#create} refused on the fields it concerns, in the reader's language; empty for a
     * problem no field explains (the session is not live, say), which the page shows as an alert instead.
     */
    static Map<String, String> errorsOf(Problem refused, ShelfItem.Sku sku, Notices notices) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused instanceof ValidationFailed invalid) {
            for (FieldError error : invalid.errors()) {
                String field = formField(error.field());
                if (field != null) {
                    errors.putIfAbsent(field, rule(field, sku, notices));
                }
            }
        } else if ("insufficient-stock".equals(refused.slug())) {
            errors.put(QUANTITY, notices.text("studio.flash.stock", sku.available()));
        } else if ("flash-sale-open".equals(refused.slug())) {
            errors.put(SKU, notices.text("studio.flash.open"));
        }
        return errors;
    }

    private static @Nullable String formField(String field) {
        return switch (field) {
            case "shelfItemId", "skuId" -> SKU;
            case "durationSeconds" -> DURATION;
            case PRICE, QUANTITY, PER_BUYER_LIMIT, COUNTDOWN -> field;
            default -> null;
        };
    }

    private static String rule(String field, ShelfItem.Sku sku, Notices notices) {
        return switch (field) {
            case SKU -> notices.text("studio.flash.sku.rule");
            case PRICE -> notices.text("studio.flash.price.above", Yuan.text(sku.price()));
            case QUANTITY -> notices.text("studio.flash.range", 1, FlashSales.MAX_QUANTITY);
            case PER_BUYER_LIMIT -> notices.text("studio.flash.limit.above");
            case COUNTDOWN -> notices.text("studio.flash.range", MIN_COUNTDOWN, MAX_COUNTDOWN);
            default -> notices.text("studio.flash.range", 1, MAX_DURATION_MINUTES);
        };
    }

    /** A whole number from {@code min} to {@code max}, or null with the rule put on the field. */
    private static @Nullable Integer whole(Map<String, String> typed, String field, int min, int max, Map<String, String> errors,
                                           Notices notices) {
        try {
            int value = Integer.parseInt(typed.get(field));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // said below
        }
        errors.put(field, notices.text("studio.flash.range", min, max));
        return null;
    }
}
