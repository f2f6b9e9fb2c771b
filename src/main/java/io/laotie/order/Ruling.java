package io.laotie.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * An operator's arbitration of a rejected request: who wins, how much the buyer gets back (the requested amount for
 * BUYER, nothing for MERCHANT, the given part for SPLIT), whose fault it was, and whether the goods were counterfeit.
 */
public record Ruling(@NotNull Outcome outcome, @Min(0) @Max(100_000_000_000L) @Nullable Long amount,
                     @NotNull Fault fault, @NotNull Boolean counterfeit) {

    public enum Outcome { BUYER, MERCHANT, SPLIT }

    public enum Fault { MERCHANT, BUYER, LOGISTICS, NONE }
}
