package io.laotie.live.web;

import io.laotie.platform.web.Yuan;
import io.laotie.live.LivePrice;
import io.laotie.platform.FieldError;
import io.laotie.platform.ValidationFailed;
import io.laotie.platform.web.Notices;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live prices (直播价) as a creator types them on the studio page: one field per SKU, named {@code price-<skuId>},
 * in yuan ("29.9", "¥29.90"); a blank field means no live price for that SKU. Amounts become fen exactly, never
 * through a double. What the page can tell at once (not an amount, above the SKU's price) it says in the reader's
 * language beside the field; what the shelf refuses later is put back on the same fields.
 */
final class LivePriceInput {

    /** What was typed, by field name, and the field errors found; {@code prices} only when there are none. */
    record Read(List<LivePrice> prices, List<Long> skuIds, Map<String, String> typed, Map<String, String> errors) {

        boolean ok() {
            return errors.isEmpty();
        }

        /** Puts a refusal of the shelf (fields {@code livePrices[i].…}) back on the field of the i-th price sent. */
        Map<String, String> errorsOf(ValidationFailed refused) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldError error : refused.errors()) {
                int index = indexOf(error.field());
                String field = index >= 0 && index < skuIds.size() ? field(skuIds.get(index)) : "";
                fields.merge(field, error.message(), (a, b) -> a + "; " + b);
            }
            return fields;
        }
    }

    private LivePriceInput() {
    }

    static String field(long skuId) {
        return "price-" + skuId;
    }

    /** Reads the price fields of the given SKUs (id → the SKU's own price in fen, in the page's order). */
    static Read read(Map<Long, Long> skuPrices, Map<String, String> params, Notices notices) {
        List<LivePrice> prices = new ArrayList<>();
        List<Long> skuIds = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        skuPrices.forEach((skuId, price) -> {
            String name = field(skuId);
            String value = params.getOrDefault(name, "").strip();
            typed.put(name, value);
            if (value.isEmpty()) {
                return;
            }
            Long fen = Yuan.fen(value);
            if (fen == null) {
                errors.put(name, notices.text("studio.price.rule"));
            } else if (fen > price) {
                errors.put(name, notices.text("studio.price.above", Yuan.text(price)));
            } else {
                prices.add(new LivePrice(skuId, fen));
                skuIds.add(skuId);
            }
        });
        return new Read(List.copyOf(prices), List.copyOf(skuIds), typed, errors);
    }

    private static int indexOf(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        if (!field.startsWith("livePrices[") || close < open) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(open + 1, close));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
