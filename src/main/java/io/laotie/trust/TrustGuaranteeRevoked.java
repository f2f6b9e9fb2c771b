package io.laotie.trust;

import java.time.Instant;

/** A shop lost the trust guarantees (信任购): its experience score fell below the threshold. */
public record TrustGuaranteeRevoked(long shopId, Instant at) {
}
