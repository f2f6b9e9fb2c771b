package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A brushing (刷单) flag on a shop or a creator: the buyers whose signals toward it do not count while it is open, and
 * every reason it was raised. An operator clears a false one; its buyers' signals then count.
 */
public record BrushingFlag(@JsonId long id, String targetKind, @JsonId long targetId, String status, Instant openedAt,
                           @Nullable Instant clearedAt, List<String> buyers, List<Reason> reasons) {

    /** One pattern seen: its code (ORDER_BURST, INSTANT_RECEIPTS, SIMILAR_REVIEWS, SHARED_NETWORK), words and count. */
    public record Reason(String code, String detail, int count) {
    }
}
