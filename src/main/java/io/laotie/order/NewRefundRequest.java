package io.laotie.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** A buyer's after-sales request: what kind, how much (fen, at most what is still refundable), why, and photos. */
public record NewRefundRequest(
        @NotNull RefundKind kind,
        @NotNull @Min(1) @Max(100_000_000_000L) Long amount,
        @NotNull RefundReason reason,
        @NotNull @Size(max = 1000) String text,
        @Size(max = 9) @Nullable List<@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> photoUrls) {
}
