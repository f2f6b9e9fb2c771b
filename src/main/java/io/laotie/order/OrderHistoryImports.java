package io.laotie.order;

import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ImportedAccounts;
import io.laotie.identity.Role;
import io.laotie.platform.Conflict;
import io.laotie.platform.Forbidden;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.laotie.order.OrderBook.instant;
import static io.laotie.order.OrderBook.nullableInstant;
import static io.laotie.order.OrderBook.utc;

/**
 * Order-history imports (历史订单导入): an operator brings a shop's past orders, credited to one creator, so the trust
 * chain and the repurchase model know the buyers a merchant moving to Laotie already has. The one place where a client
 * names the creator to credit. The file is read whole first (every bad line refused with its number, nothing kept);
 * the same content twice for a shop is refused; then, in one transaction, each buyer reference gets a placeholder
 * account (one per shop and reference, reused by later files of the shop), each line an order COMPLETED on its date
 * that moved no money, and every {@link #CHUNK} orders an {@link OrderHistoryImported} event. Imported orders have no
 * deadline, no escrow and no lines, so no scheduler, refund, settlement or payout ever touches them.
 */
@Service
public class OrderHistoryImports {

    /** Orders per {@link OrderHistoryImported} event. */
    public static final int CHUNK = 5_000;
    private static final int BATCH = 1_000;

    private record Row(long id, long shopId, long creatorId, int orders, int buyers, int newBuyers, int chunks,
                       Instant createdAt, @Nullable Instant doneAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Ids ids;
    private final Clock clock;
    private final ZoneId zone;
    private final Shops shops;
    private final Accounts accounts;
    private final ImportedAccounts placeholders;
    private final ObjectProvider<ImportFollower> followers; // they read chunks from here: asked lazily, no cycle
    private final ApplicationEventPublisher events;

    OrderHistoryImports(JdbcClient jdbc, JdbcTemplate batches, Ids ids, Clock clock, ZoneId platformZone, Shops shops,
                        Accounts accounts, ImportedAccounts placeholders, ObjectProvider<ImportFollower> followers,
                        ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.ids = ids;
        this.clock = clock;
        this.zone = platformZone;
        this.shops = shops;
        this.accounts = accounts;
        this.placeholders = placeholders;
        this.followers = followers;
        this.events = events;
    }

    /**
     * Imports a CSV file of past orders of {@code shopId}, credited to {@code creatorId}; operators only (403).
     *
     * @throws ValidationFailed 422 for an unknown shop or creator
     * @throws ImportRefused    422 with every bad line; nothing is kept
     * @throws Conflict         409 when this shop imported the same content before
     */
    @Transactional
    public HistoryImport start(Caller caller, long shopId, long creatorId, @Nullable String csv) {
        requireOperator(caller);
        Shop shop = shops.find(shopId).orElseThrow(() -> ValidationFailed.unprocessable("shopId", "no such shop"));
        Optional<Account> creator = accounts.find(creatorId);
        if (creator.isEmpty() || !creator.get().has(Role.CREATOR)) {
            throw ValidationFailed.unprocessable("creatorId", "no such creator");
        }
        HistoryFile.Read file = HistoryFile.read(csv == null ? "" : csv, zone, clock.instant());
        if (!file.ok()) {
            throw new ImportRefused(file.errors());
        }
        Optional<Long> earlier = jdbc.sql("select id from order_history_imports where shop_id = ? and content_hash = ?")
                .params(shopId, file.contentHash()).query(Long.class).optional();
        if (earlier.isPresent()) {
            throw duplicate(earlier.get());
        }

        long importId = ids.next();
        List<HistoryFile.Row> rows = file.rows();
        Buyers found = buyers(shopId, rows);
        Map<String, Long> buyers = found.accounts();
        int newBuyers = found.made();
        int chunks = (rows.size() + CHUNK - 1) / CHUNK;
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into order_history_imports (id, shop_id, merchant_id, creator_id, operator_id, content_hash, orders,
                                                           buyers, new_buyers, chunks, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(importId, shopId, shop.ownerId(), creatorId, caller.accountId(), file.contentHash(), rows.size(),
                        buyers.size(), newBuyers, chunks, utc(now))
                .update();
        if (inserted == 0) { // the same content sent twice at once: name the import that got there first
            throw jdbc.sql("select id from order_history_imports where shop_id = ? and content_hash = ?")
                    .params(shopId, file.contentHash()).query(Long.class).optional()
                    .map(OrderHistoryImports::duplicate)
                    .orElseGet(() -> new Conflict("conflict", "Already importing",
                            "Another import of the same orders for this shop is under way; nothing was imported again"));
        }
        for (int chunk = 0; chunk < chunks; chunk++) {
            List<HistoryFile.Row> part = rows.subList(chunk * CHUNK, Math.min(rows.size(), (chunk + 1) * CHUNK));
            store(importId, chunk, shop, creatorId, caller.accountId(), part, buyers);
            events.publishEvent(new OrderHistoryImported(importId, shopId, shop.ownerId(), creatorId, chunk, chunks, part.size(), now));
        }
        return view(new Row(importId, shopId, creatorId, rows.size(), buyers.size(), newBuyers, chunks, now, null), false);
    }

    /** The placeholder account of each reference of a file, and how many of them were made for it. */
    private record Buyers(Map<String, Long> accounts, int made) {
    }

    /** The placeholder account of every reference in the file: those the shop had, and new ones made now. */
    private Buyers buyers(long shopId, List<HistoryFile.Row> rows) {
        Map<String, Long> existing = new HashMap<>();
        jdbc.sql("select reference, account_id from imported_buyers where shop_id = ?").param(shopId)
                .query(rs -> {
                    existing.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> buyers = new LinkedHashMap<>();
        List<String> fresh = new ArrayList<>();
        for (HistoryFile.Row row : rows) {
            if (!buyers.containsKey(row.reference())) {
                Long id = existing.get(row.reference());
                buyers.put(row.reference(), id);
                if (id == null) {
                    fresh.add(row.reference());
                }
            }
        }
        List<Long> made = placeholders.create(fresh);
        List<Object[]> links = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            buyers.put(fresh.get(i), made.get(i));
            links.add(new Object[]{shopId, fresh.get(i), made.get(i)});
        }
        try {
            for (int from = 0; from < links.size(); from += BATCH) {
                batches.batchUpdate("insert into imported_buyers (shop_id, reference, account_id) values (?, ?, ?)",
                        links.subList(from, Math.min(links.size(), from + BATCH)));
            }
        } catch (DuplicateKeyException raced) { // another import of the shop made the same buyer at the same time
            throw new Conflict("conflict", "Another import is under way",
                    "Another import for this shop is adding the same buyers right now; nothing was imported, send the file again when it is done");
        }
        return new Buyers(buyers, fresh.size());
    }

    /** Stores one chunk: its orders, COMPLETED on their dates, and one timeline entry each saying they were imported. */
    private void store(long importId, int chunk, Shop shop, long creatorId, long operatorId, List<HistoryFile.Row> rows,
                       Map<String, Long> buyers) {
        List<Object[]> orders = new ArrayList<>(BATCH);
        List<Object[]> timeline = new ArrayList<>(BATCH);
        String note = "imported with the shop's order history (import " + importId + ")";
        for (HistoryFile.Row row : rows) {
            long orderId = ids.next();
            var at = utc(row.orderedAt());
            orders.add(new Object[]{orderId, buyers.get(row.reference()), shop.id(), shop.ownerId(), row.amount(), row.amount(),
                    creatorId, at, at, at, at, importId, chunk});
            timeline.add(new Object[]{ids.next(), orderId, operatorId, note, at});
            if (orders.size() == BATCH) {
                flush(orders, timeline);
            }
        }
        flush(orders, timeline);
    }

    private void flush(List<Object[]> orders, List<Object[]> timeline) {
        if (orders.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                insert into orders (id, buyer_id, shop_id, merchant_id, status, items_total, shipping_fee, total, refunded, currency,
                                    recipient, phone, region, address_detail, creator_id, placed_at, paid_at, delivered_at,
                                    completed_at, imported, import_id, import_chunk)
                values (?, ?, ?, ?, 'COMPLETED', ?, 0, ?, 0, 'CNY', '', '', '', '', ?, ?, ?, ?, ?, true, ?, ?)""", orders);
        batches.batchUpdate("""
                insert into order_timeline (id, order_id, status, actor, actor_id, note, at)
                values (?, ?, 'COMPLETED', 'OPERATOR', ?, ?, ?)""", timeline);
        orders.clear();
        timeline.clear();
    }

    private static Conflict duplicate(long importId) {
        return new Conflict("conflict", "Already imported",
                "This shop imported the same orders before (import " + importId + "); nothing was imported again");
    }

    /** An import as it stands now; operators only. */
    @Transactional
    public HistoryImport get(Caller caller, long importId) {
        requireOperator(caller);
        return view(find(importId).orElseThrow(() -> new NotFound("Order-history import", importId)), true);
    }

    /** Imports, newest first; operators only. */
    @Transactional
    public PageOf<HistoryImport> list(Caller caller, PageRequest page) {
        requireOperator(caller);
        long total = jdbc.sql("select count(*) from order_history_imports").query(Long.class).single();
        List<Row> rows = jdbc.sql("select * from order_history_imports order by id desc limit ? offset ?")
                .params(page.size(), page.offset()).query(OrderHistoryImports::row).list();
        return new PageOf<>(rows.stream().map(row -> view(row, true)).toList(), page.page(), page.size(), total);
    }

    /**
     * The orders of one chunk of an import, in the order of the file, for the modules that build from them. Not a
     * caller's view: it answers ids and amounts only, to listeners of {@link OrderHistoryImported}.
     */
    public List<ImportedOrder> chunk(long importId, int chunk) {
        return jdbc.sql("select id, buyer_id, placed_at, total from orders where import_id = ? and import_chunk = ? order by id")
                .params(importId, chunk)
                .query((rs, n) -> new ImportedOrder(rs.getLong(1), rs.getLong(2), instant(rs, "placed_at"), rs.getLong(4)))
                .list();
    }

    /**
     * The import with what its followers have absorbed; DONE once each has absorbed every chunk, which is then kept
     * (when {@code record} is set) so it need not be asked again.
     */
    private HistoryImport view(Row row, boolean record) {
        if (row.doneAt() != null) {
            return done(row, row.doneAt());
        }
        int chunks = row.chunks();
        long orders = row.orders();
        for (ImportFollower follower : followers.orderedStream().toList()) {
            ImportFollower.Absorbed absorbed = follower.absorbed(row.id());
            chunks = Math.min(chunks, absorbed.chunks());
            orders = Math.min(orders, absorbed.orders());
        }
        if (chunks < row.chunks()) {
            return new HistoryImport(row.id(), HistoryImport.Status.PROCESSING, row.shopId(), row.creatorId(), row.orders(),
                    row.buyers(), row.newBuyers(), row.chunks(), chunks, orders, row.createdAt(), null);
        }
        Instant now = clock.instant();
        if (record) {
            jdbc.sql("update order_history_imports set done_at = ? where id = ? and done_at is null").params(utc(now), row.id()).update();
        }
        return done(row, now);
    }

    private static HistoryImport done(Row row, Instant at) {
        return new HistoryImport(row.id(), HistoryImport.Status.DONE, row.shopId(), row.creatorId(), row.orders(), row.buyers(),
                row.newBuyers(), row.chunks(), row.chunks(), row.orders(), row.createdAt(), at);
    }

    private Optional<Row> find(long importId) {
        return jdbc.sql("select * from order_history_imports where id = ?").param(importId).query(OrderHistoryImports::row).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("shop_id"), rs.getLong("creator_id"), rs.getInt("orders"), rs.getInt("buyers"),
                rs.getInt("new_buyers"), rs.getInt("chunks"), instant(rs, "created_at"), nullableInstant(rs, "done_at"));
    }

    private static void requireOperator(Caller caller) {
        if (!caller.isOperator()) {
            throw new Forbidden("Only operators import order history");
        }
    }
}
