package io.laotie.trust;

import java.time.Instant;

/**
 * One guarantee a shop offers now: its code, its name and a plain explanation in the reader's language, and since
 * when the shop has held the guarantees without interruption.
 */
public record Guarantee(GuaranteeCode code, String name, String explanation, Instant since) {
}
