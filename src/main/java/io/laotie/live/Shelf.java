package io.laotie.live;

import io.laotie.catalog.ProductStatus;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Origin;
import io.laotie.identity.Caller;
import io.laotie.live.room.Frame;
import io.laotie.live.room.RoomHub;
import io.laotie.platform.FieldError;
import io.laotie.platform.Forbidden;
import io.laotie.platform.Ids;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.NotFound;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shelf (小黄车) of a live session: ordered items, each a product the creator may sell, with optional live prices;
 * one item at a time is the explaining item (讲解中). Only the session's creator or an operator changes it, and only
 * while the session is SCHEDULED or LIVE. Every change reaches the room as a {@code shelf} frame. The room's view is
 * cached per session until the next change or a few seconds, so ten thousand viewers do not read the catalog.
 */
@Service
public class Shelf {

    public static final int MAX_ITEMS = 100;
    private static final long CACHE_MILLIS = 2_000;

    /** An item's row. */
    public record Item(long id, long liveSessionId, long productId, int position, long views, int orders, int units,
                       long paidAmount) {
    }

    private record Cached(List<ShelfItem> items, long at) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final LiveSessions sessions;
    private final Products products;
    private final List<GoodsSource> sources;
    private final RoomHub hub;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    Shelf(JdbcClient jdbc, Ids ids, LiveSessions sessions, Products products, List<GoodsSource> sources, RoomHub hub, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.sessions = sessions;
        this.products = products;
        this.sources = sources;
        this.hub = hub;
        this.clock = clock;
    }

    /** Puts a product on the shelf, last. */
    @Transactional
    public ShelfItem add(long liveSessionId, Caller caller, NewShelfItem request) {
        LiveSessions.Row session = editable(liveSessionId, caller);
        ProductView product;
        try {
            product = products.view(request.productId(), Optional.empty());
        } catch (NotFound e) {
            throw ValidationFailed.of("productId", "no such product on sale");
        }
        if (sources.stream().noneMatch(source -> source.maySell(session.creatorId(), product))) {
            throw new Forbidden("This creator may not sell this product: only goods of the creator's own shops for now");
        }
        if (items(liveSessionId).size() >= MAX_ITEMS) {
            throw new IllegalTransition("A shelf holds at most " + MAX_ITEMS + " items");
        }
        Map<Long, Long> prices = checkedPrices(product, request.livePrices());
        long id = ids.next();
        int inserted = jdbc.sql("""
                        insert into shelf_items (id, live_session_id, product_id, position, added_at)
                        values (?, ?, ?, (select coalesce(max(position), 0) + 1 from shelf_items where live_session_id = ?), ?)
                        on conflict do nothing""")
                .params(id, liveSessionId, product.id(), liveSessionId, Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw new IllegalTransition("This product is on the shelf already");
        }
        storePrices(id, prices);
        changed(liveSessionId);
        return view(liveSessionId, id);
    }

    /** Replaces an item's live prices; an empty list removes them. */
    @Transactional
    public ShelfItem reprice(long liveSessionId, long itemId, Caller caller, List<LivePrice> livePrices) {
        editable(liveSessionId, caller);
        Item item = item(liveSessionId, itemId);
        ProductView product = products.view(item.productId(), Optional.empty());
        Map<Long, Long> prices = checkedPrices(product, livePrices);
        jdbc.sql("delete from shelf_live_prices where shelf_item_id = ?").param(itemId).update();
        storePrices(itemId, prices);
        changed(liveSessionId);
        return view(liveSessionId, itemId);
    }

    /** Takes an item off the shelf; refused while a flash sale of it is open, since buyers may be paying for it. */
    @Transactional
    public void remove(long liveSessionId, long itemId, Caller caller) {
        editable(liveSessionId, caller);
        item(liveSessionId, itemId);
        if (jdbc.sql("select count(*) from flash_sales where shelf_item_id = ? and ended_at is null").param(itemId).query(Long.class).single() > 0) {
            throw new IllegalTransition("This item has an open flash sale; end the sale before taking it off the shelf");
        }
        jdbc.sql("delete from shelf_live_prices where shelf_item_id = ?").param(itemId).update();
        jdbc.sql("delete from shelf_items where id = ?").param(itemId).update();
        jdbc.sql("update live_sessions set explaining_item_id = null where id = ? and explaining_item_id = ?")
                .params(liveSessionId, itemId).update();
        changed(liveSessionId);
    }

    /** Puts the items in the given order; the list must name every item of the shelf once. */
    @Transactional
    public List<ShelfItem> reorder(long liveSessionId, Caller caller, List<Long> itemIds) {
        editable(liveSessionId, caller);
        Set<Long> current = new HashSet<>(rows(liveSessionId).stream().map(Item::id).toList());
        if (itemIds.size() != current.size() || !current.equals(new HashSet<>(itemIds))) {
            throw ValidationFailed.of("itemIds", "must name every item of the shelf exactly once");
        }
        for (int i = 0; i < itemIds.size(); i++) {
            jdbc.sql("update shelf_items set position = ? where id = ?").params(i + 1, itemIds.get(i)).update();
        }
        changed(liveSessionId);
        return items(liveSessionId);
    }

    /** Marks the item the creator presents now (讲解中); every viewer in the room counts as having seen it. */
    @Transactional
    public ShelfItem explain(long liveSessionId, long itemId, Caller caller) {
        editable(liveSessionId, caller);
        item(liveSessionId, itemId);
        jdbc.sql("update live_sessions set explaining_item_id = ? where id = ?").params(itemId, liveSessionId).update();
        seen(itemId, hub.viewers(liveSessionId));
        cache.remove(liveSessionId);
        ShelfItem item = view(liveSessionId, itemId);
        hub.broadcast(liveSessionId, Frame.of("explaining").with("shelfItemId", itemId).with("title", item.title())
                .with("productId", item.productId()));
        return item;
    }

    /** The session's figures with each shelf item's views, orders and conversion; for its creator and operators. */
    public SessionReport report(long liveSessionId, Caller caller) {
        Map<Long, String> titles = new HashMap<>();
        build(liveSessionId).forEach(item -> titles.put(item.productId(), item.title()));
        return sessions.report(liveSessionId, caller, rows(liveSessionId), productId -> titles.getOrDefault(productId, "—"));
    }

    /** Counts viewers who saw an item as the explaining item. */
    public void seen(long itemId, long viewers) {
        if (viewers > 0) {
            jdbc.sql("update shelf_items set views = views + ? where id = ?").params(viewers, itemId).update();
        }
    }

    /** The shelf as the room shows it, in order. */
    public List<ShelfItem> items(long liveSessionId) {
        Cached cached = cache.get(liveSessionId);
        long now = clock.millis();
        if (cached != null && now - cached.at() < CACHE_MILLIS) {
            return cached.items();
        }
        List<ShelfItem> items = build(liveSessionId);
        cache.put(liveSessionId, new Cached(items, now));
        return items;
    }

    public ShelfItem view(long liveSessionId, long itemId) {
        return build(liveSessionId).stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFound("shelf item", itemId));
    }

    /** The item rows with their counts, in shelf order. */
    public List<Item> rows(long liveSessionId) {
        return jdbc.sql("select * from shelf_items where live_session_id = ? order by position, id").param(liveSessionId)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getLong("live_session_id"), rs.getLong("product_id"),
                        rs.getInt("position"), rs.getLong("views"), rs.getInt("orders"), rs.getInt("units"),
                        rs.getLong("paid_amount")))
                .list();
    }

    public Item item(long liveSessionId, long itemId) {
        return rows(liveSessionId).stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFound("shelf item", itemId));
    }

    /** The item of a session that sells a product, if any. */
    public Optional<Item> itemOf(long liveSessionId, long productId) {
        return rows(liveSessionId).stream().filter(i -> i.productId() == productId).findFirst();
    }

    /** The live price of a SKU on an item, if one is set. */
    public Optional<Long> livePrice(long itemId, long skuId) {
        return jdbc.sql("select price from shelf_live_prices where shelf_item_id = ? and sku_id = ?").params(itemId, skuId)
                .query(Long.class).optional();
    }

    private List<ShelfItem> build(long liveSessionId) {
        LiveSessions.Row session = sessions.row(liveSessionId);
        List<Item> rows = rows(liveSessionId);
        Map<Long, ProductView> byId = new HashMap<>();
        products.active(rows.stream().map(Item::productId).toList()).forEach(p -> byId.put(p.id(), p));
        Map<Long, Map<Long, Long>> prices = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("select shelf_item_id, sku_id, price from shelf_live_prices where shelf_item_id in (:ids)")
                    .param("ids", rows.stream().map(Item::id).toList())
                    .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list()
                    .forEach(p -> prices.computeIfAbsent(p[0], k -> new HashMap<>()).put(p[1], p[2]));
        }
        List<ShelfItem> items = new ArrayList<>();
        for (Item row : rows) {
            ProductView product = byId.get(row.productId());
            Map<Long, Long> live = prices.getOrDefault(row.id(), Map.of());
            if (product == null) {
                items.add(new ShelfItem(row.id(), liveSessionId, row.productId(), row.position(), "—", null, "",
                        new Origin(null, null), 0, 0, null, false, false, List.of()));
                continue;
            }
            List<ShelfItem.Sku> skus = product.skus().stream()
                    .map(s -> new ShelfItem.Sku(s.id(), s.name(), s.price(), live.get(s.id()), s.available())).toList();
            Long lowestLive = skus.stream().map(s -> s.livePrice() == null ? null : s.livePrice())
                    .filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
            items.add(new ShelfItem(row.id(), liveSessionId, product.id(), row.position(), product.title(),
                    product.imageUrls().isEmpty() ? null : product.imageUrls().getFirst(), product.shopName(),
                    product.origin(), product.referencePrice(), product.price(), lowestLive,
                    session.explainingItemId() != null && session.explainingItemId() == row.id(),
                    product.status() == ProductStatus.ACTIVE, skus));
        }
        return List.copyOf(items);
    }

    private LiveSessions.Row editable(long liveSessionId, Caller caller) {
        LiveSessions.Row session = sessions.managed(liveSessionId, caller);
        if (!session.status().open()) {
            throw new IllegalTransition("The shelf of a " + session.status() + " session cannot change");
        }
        return session;
    }

    private static Map<Long, Long> checkedPrices(ProductView product, @Nullable List<LivePrice> livePrices) {
        Map<Long, Long> prices = new HashMap<>();
        if (livePrices == null) {
            return prices;
        }
        Map<Long, ProductView.SkuView> skus = new HashMap<>();
        product.skus().forEach(s -> skus.put(s.id(), s));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < livePrices.size(); i++) {
            LivePrice price = livePrices.get(i);
            ProductView.SkuView sku = skus.get(price.skuId());
            if (sku == null) {
                errors.add(new FieldError("livePrices[" + i + "].skuId", "is not a SKU of this product"));
            } else if (price.price() > sku.price()) {
                errors.add(new FieldError("livePrices[" + i + "].price", "must not be above the SKU's price " + sku.price()));
            } else if (prices.put(price.skuId(), price.price()) != null) {
                errors.add(new FieldError("livePrices[" + i + "].skuId", "appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return prices;
    }

    private void storePrices(long itemId, Map<Long, Long> prices) {
        prices.forEach((skuId, price) -> jdbc.sql("insert into shelf_live_prices (shelf_item_id, sku_id, price) values (?, ?, ?)")
                .params(itemId, skuId, price).update());
    }

    /** Drops the cached view and tells the room, with the new shelf. */
    /** The shelf's stock changed behind its back (a flash sale held or gave back units): the room hears it again. */
    void stockChanged(long liveSessionId) {
        changed(liveSessionId);
    }

    private void changed(long liveSessionId) {
        cache.remove(liveSessionId);
        hub.broadcast(liveSessionId, Frame.of("shelf").with("items", build(liveSessionId)));
    }
}
