package io.laotie.trust;

import java.time.Instant;

/** A shop now offers the trust guarantees (信任购) because its experience score reached the threshold. */
public record TrustGuaranteeGranted(long shopId, Instant at) {
}
