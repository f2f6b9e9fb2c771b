package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What a shop promises its buyers, for anyone to read: whether it holds the trust guarantees (信任购) and since when,
 * the badge's words and what it means (in the reader's language), each guarantee, and every grant and revocation.
 *
 * @param threshold the experience score (商家体验分) a shop needs to hold the guarantees
 */
public record ShopGuarantees(@JsonId long shopId, boolean guaranteed, @Nullable Instant since, String badge,
                             String explanation, String threshold, List<Guarantee> guarantees, List<Change> history) {

    /** A grant or a revocation, with the experience score that caused it. */
    public record Change(Kind kind, String score, Instant at) {
    }

    public enum Kind { GRANTED, REVOKED }
}
