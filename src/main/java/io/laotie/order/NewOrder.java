package io.laotie.order;

import io.laotie.platform.JsonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An order to place: lines of one shop, optionally an address other than the default, and optionally the live
 * session the buyer is watching. The session is only a hint: attribution is derived by the server (a pricing step
 * of the live module checks it), never taken from the client as given.
 */
public record NewOrder(
        @NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull Line> lines,
        @JsonId @Nullable Long addressId,
        @JsonId @Nullable Long liveSessionId) {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 999;

    /** One line; {@code shelfItemId} names the shelf item (小黄车) it was bought from, when bought in a live room. */
    public record Line(@NotNull @JsonId Long skuId, @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
                       @JsonId @Nullable Long shelfItemId) {

        public Line(Long skuId, Integer quantity) {
            this(skuId, quantity, null);
        }
    }
}
