package io.laotie.trust.internal;

import io.laotie.order.ImportFollower;
import io.laotie.order.ImportedOrder;
import io.laotie.order.OrderHistoryImported;
import io.laotie.order.OrderHistoryImports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Absorbs imported order history chunk by chunk: reads the chunk's orders from the order module, lets every
 * {@link ImportedChunkStep} build from them, and records the chunk in {@code imported_history_chunks}, all in the
 * listener's transaction. A chunk delivered again (the event registry republishes after a crash) is skipped. Tells the
 * order module, as an {@link ImportFollower}, how far an import has come.
 */
@Component
class ImportedHistory implements ImportFollower {

    private final OrderHistoryImports imports;
    private final List<ImportedChunkStep> steps;
    private final JdbcClient jdbc;
    private final Clock clock;

    ImportedHistory(OrderHistoryImports imports, List<ImportedChunkStep> steps, JdbcClient jdbc, Clock clock) {
        this.imports = imports;
        this.steps = steps;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TrustListener
    void on(OrderHistoryImported chunk) {
        // Chunks of one creator's history are absorbed one at a time: two chunks building the same buyers' journeys at
        // once would wait on each other's new rows. The creator's input revision row is the lock.
        jdbc.sql("insert into repurchase_inputs (creator_id, revision) values (?, 0) on conflict do nothing")
                .param(chunk.creatorId()).update();
        jdbc.sql("select revision from repurchase_inputs where creator_id = ? for update").param(chunk.creatorId())
                .query(Long.class).single();
        boolean absorbed = jdbc.sql("select count(*) from imported_history_chunks where import_id = ? and chunk = ?")
                .params(chunk.importId(), chunk.chunk()).query(Long.class).single() > 0;
        if (absorbed) {
            return;
        }
        List<ImportedOrder> orders = imports.chunk(chunk.importId(), chunk.chunk());
        steps.forEach(step -> step.absorb(chunk, orders));
        jdbc.sql("insert into imported_history_chunks (import_id, chunk, orders, absorbed_at) values (?, ?, ?, ?)")
                .params(chunk.importId(), chunk.chunk(), orders.size(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Absorbed absorbed(long importId) {
        return jdbc.sql("select count(*), coalesce(sum(orders), 0) from imported_history_chunks where import_id = ?")
                .param(importId).query((rs, n) -> new Absorbed(rs.getInt(1), rs.getLong(2))).single();
    }
}
