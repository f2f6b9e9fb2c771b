package io.laotie.order;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An order-history import as operators follow it. {@code orders} and {@code buyers} are what the file holds
 * ({@code newBuyers} of the buyers got a placeholder account with this import, the others had one from an earlier
 * file of the shop); {@code processedOrders} and {@code processedChunks} say how far the modules building from it
 * (journeys, the repurchase model's inputs) have come. DONE once all of them have absorbed every chunk.
 */
public record HistoryImport(@JsonId long id, Status status, @JsonId long shopId, @JsonId long creatorId, int orders,
                            int buyers, int newBuyers, int chunks, int processedChunks, long processedOrders,
                            Instant createdAt, @Nullable Instant doneAt) {

    public enum Status { PROCESSING, DONE }
}
