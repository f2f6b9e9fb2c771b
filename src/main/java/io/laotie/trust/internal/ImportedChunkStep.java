package io.laotie.trust.internal;

import io.laotie.order.ImportedOrder;
import io.laotie.order.OrderHistoryImported;

import java.util.List;

/**
 * One thing the trust module builds from a chunk of imported order history (the repurchase model's inputs; fan
 * journeys). {@link ImportedHistory} hands every chunk to every step in one transaction and records the chunk as
 * absorbed in it, so a step never sees a chunk twice and the import is DONE only when all steps are through.
 */
public interface ImportedChunkStep {

    void absorb(OrderHistoryImported chunk, List<ImportedOrder> orders);
}
