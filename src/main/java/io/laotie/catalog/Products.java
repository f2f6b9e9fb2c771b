package io.laotie.catalog;

import io.laotie.identity.Caller;
import io.laotie.inventory.Inventory;
import io.laotie.inventory.StockLevel;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Products and their SKUs. The displayed price is derived (the lowest SKU price), never stored. Cost price and
 * markup ratio reach only the shop owner and operators: {@link #view} decides per caller.
 */
@Service
public class Products {

    /** A product row before it is shaped for a caller. */
    private record Row(long id, long shopId, long ownerId, String shopName, String title, String description, long categoryId,
                       String categoryName, boolean standard, @Nullable Boolean standardOverride, @Nullable String originPlace,
                       @Nullable String originStory, long costPrice, long referencePrice, long shippingFee,
                       boolean noReasonReturn, ProductStatus status, Instant createdAt) {
    }

    private record SkuRow(long id, long productId, String name, long price) {
    }

    private static final String SELECT = """
            select p.*, s.name as shop_name, s.owner_id, c.name as category_name,
                   coalesce(p.standard, c.standard) as effective_standard
              from products p join shops s on s.id = p.shop_id join categories c on c.id = p.category_id
            """;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final Shops shops;
    private final Categories categories;
    private final CatalogSettings settings;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;

    Products(JdbcClient jdbc, Ids ids, Clock clock, Shops shops, Categories categories, CatalogSettings settings,
             Inventory inventory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.shops = shops;
        this.categories = categories;
        this.settings = settings;
        this.inventory = inventory;
        this.events = events;
    }

    /** Lists a product in a shop the caller owns, with its SKUs and their initial stock. */
    @Transactional
    public ProductView create(long shopId, Caller caller, NewProduct request) {
        shops.owned(shopId, caller.accountId(), false);
        categories.leaf(request.categoryId(), "categoryId");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.skus().size(); i++) {
            if (!names.add(request.skus().get(i).name().strip())) {
                throw ValidationFailed.of("skus[" + i + "].name", "SKU names must differ within a product");
            }
        }
        long id = ids.next();
        OffsetDateTime now = now();
        Origin origin = request.origin() == null ? new Origin(null, null) : request.origin();
        jdbc.sql("""
                        insert into products (id, shop_id, title, description, category_id, standard, origin_place, origin_story,
                                              cost_price, reference_price, shipping_fee, no_reason_return, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(id, shopId, request.title().strip(), request.description().strip(), request.categoryId(),
                        request.standard(), blankToNull(origin.place()), blankToNull(origin.story()),
                        request.costPrice(), request.referencePrice(),
                        request.shippingFee() == null ? 0L : request.shippingFee(),
                        request.noReasonReturn() == null || request.noReasonReturn(), now, now)
                .update();
        replaceImages(id, request.imageUrls());
        List<Long> skuIds = new ArrayList<>();
        for (int i = 0; i < request.skus().size(); i++) {
            NewProduct.NewSku sku = request.skus().get(i);
            skuIds.add(insertSku(id, sku.name().strip(), sku.price(), i, sku.stock(), caller.accountId()));
        }
        ProductView view = view(id, Optional.of(caller));
        events.publishEvent(new ProductListed(id, shopId, request.categoryId(), view.standard(), skuIds));
        return view;
    }

    /** Edits a product of the caller's shop; absent fields stay as they are. */
    @Transactional
    public ProductView update(long productId, Caller caller, ProductChange change) {
        Row row = ownedRow(productId, caller);
        if (change.categoryId() != null) {
            categories.leaf(change.categoryId(), "categoryId");
        }
        Origin origin = change.origin();
        jdbc.sql("""
                        update products set title = ?, description = ?, category_id = ?, standard = ?, origin_place = ?, origin_story = ?,
                               cost_price = ?, reference_price = ?, shipping_fee = ?, no_reason_return = ?, updated_at = ?
                         where id = ?""")
                .params(change.title() == null ? row.title() : change.title().strip(),
                        change.description() == null ? row.description() : change.description().strip(),
                        change.categoryId() == null ? row.categoryId() : change.categoryId(),
                        change.standard() == null ? row.standardOverride() : change.standard(),
                        origin == null ? row.originPlace() : blankToNull(origin.place()),
                        origin == null ? row.originStory() : blankToNull(origin.story()),
                        change.costPrice() == null ? row.costPrice() : change.costPrice(),
                        change.referencePrice() == null ? row.referencePrice() : change.referencePrice(),
                        change.shippingFee() == null ? row.shippingFee() : change.shippingFee(),
                        change.noReasonReturn() == null ? row.noReasonReturn() : change.noReasonReturn(),
                        now(), productId)
                .update();
        if (change.imageUrls() != null) {
            replaceImages(productId, change.imageUrls());
        }
        return view(productId, Optional.of(caller));
    }

    /** Adds a SKU to a product of the caller's shop. */
    @Transactional
    public ProductView addSku(long productId, Caller caller, NewProduct.NewSku sku) {
        ownedRow(productId, caller);
        long count = jdbc.sql("select count(*) from skus where product_id = ?").param(productId).query(Long.class).single();
        if (count >= 50) {
            throw ValidationFailed.unprocessable("skus", "a product has at most 50 SKUs");
        }
        boolean taken = jdbc.sql("select count(*) from skus where product_id = ? and name = ?").params(productId, sku.name().strip())
                .query(Long.class).single() > 0;
        if (taken) {
            throw ValidationFailed.unprocessable("name", "SKU names must differ within a product");
        }
        insertSku(productId, sku.name().strip(), sku.price(), (int) count, sku.stock(), caller.accountId());
        return view(productId, Optional.of(caller));
    }

    /** Changes a SKU's price. Orders already placed keep the price they were placed at. */
    @Transactional
    public ProductView repriceSku(long skuId, Caller caller, long price) {
        if (price < 1 || price > NewProduct.MAX_PRICE) {
            throw ValidationFailed.of("price", "must be between 1 and " + NewProduct.MAX_PRICE);
        }
        SkuForSale sku = sku(skuId);
        ownedRow(sku.productId(), caller);
        jdbc.sql("update skus set price = ? where id = ?").params(price, skuId).update();
        return view(sku.productId(), Optional.of(caller));
    }

    /** Takes a product off sale (owner or operator) or puts it back (owner). */
    @Transactional
    public ProductView setStatus(long productId, Caller caller, ProductStatus status) {
        Row row = row(productId).orElseThrow(() -> new NotFound("Product", productId));
        boolean owner = row.ownerId() == caller.accountId();
        if (!owner && !(caller.isOperator() && status == ProductStatus.DELISTED)) {
            throw new NotYourShop();
        }
        jdbc.sql("update products set status = ?, updated_at = ? where id = ?").params(status.name(), now(), productId).update();
        return view(productId, Optional.of(caller));
    }

    /**
     * A product as the caller may see it. Delisted products are visible to their owner and operators only
     * (404 for everyone else).
     */
    public ProductView view(long productId, Optional<Caller> caller) {
        Row row = row(productId).orElseThrow(() -> new NotFound("Product", productId));
        boolean privileged = privileged(row, caller);
        if (row.status() != ProductStatus.ACTIVE && !privileged) {
            throw new NotFound("Product", productId);
        }
        return shape(List.of(row), privileged ? Set.of(row.id()) : Set.of()).getFirst();
    }

    /**
     * Active products matching a keyword (title, description or origin place, any case) and a category (a top-level
     * category includes its children), newest first, as any buyer sees them.
     */
    public PageOf<ProductView> search(@Nullable String query, @Nullable Long categoryId, PageRequest page) {
        StringBuilder where = new StringBuilder(" where p.status = 'ACTIVE'");
        List<Object> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            String like = "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
            where.append(" and (lower(p.title) like ? escape '!' or lower(p.description) like ? escape '!' or lower(coalesce(p.origin_place, '')) like ? escape '!')");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (categoryId != null) {
            where.append(" and (p.category_id = ? or c.parent_id = ?)");
            params.add(categoryId);
            params.add(categoryId);
        }
        return page(where.toString(), params, page, Optional.empty());
    }

    /** A shop's products, newest first: active ones for everyone, delisted ones too for the owner and operators. */
    public PageOf<ProductView> ofShop(long shopId, Optional<Caller> caller, PageRequest page) {
        Shop shop = shops.get(shopId);
        boolean privileged = caller.map(c -> c.is(shop.ownerId()) || c.isOperator()).orElse(false);
        String where = " where p.shop_id = ?" + (privileged ? "" : " and p.status = 'ACTIVE'");
        return page(where, List.of(shopId), page, privileged ? caller : Optional.empty());
    }

    /** Active products as any buyer sees them, for a list of ids (a live room's shelf); others are left out. */
    public List<ProductView> active(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql(SELECT + " where p.status = 'ACTIVE' and p.id in (:ids)").param("ids", productIds)
                .query(Products::row).list();
        return shape(rows, Set.of());
    }

    /** What an order needs to know about a SKU now. */
    public SkuForSale sku(long skuId) {
        return jdbc.sql("""
                        select k.id, k.product_id, p.shop_id, s.owner_id, p.title, k.name, k.price, p.shipping_fee,
                               p.no_reason_return, coalesce(p.standard, c.standard) as std, p.status
                          from skus k join products p on p.id = k.product_id join shops s on s.id = p.shop_id
                               join categories c on c.id = p.category_id
                         where k.id = ?""")
                .param(skuId)
                .query((rs, n) -> new SkuForSale(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getBoolean(10),
                        ProductStatus.valueOf(rs.getString(11))))
                .optional().orElseThrow(() -> new NotFound("SKU", skuId));
    }

    private PageOf<ProductView> page(String where, List<Object> params, PageRequest page, Optional<Caller> caller) {
        String from = " from products p join shops s on s.id = p.shop_id join categories c on c.id = p.category_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<Row> rows = jdbc.sql(SELECT + where + " order by p.id desc limit ? offset ?").params(pageParams)
                .query(Products::row).list();
        Set<Long> privileged = new HashSet<>();
        rows.stream().filter(r -> privileged(r, caller)).forEach(r -> privileged.add(r.id()));
        return new PageOf<>(shape(rows, privileged), page.page(), page.size(), total);
    }

    private List<ProductView> shape(List<Row> rows, Set<Long> privileged) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> productIds = rows.stream().map(Row::id).toList();
        Map<Long, List<SkuRow>> skus = new HashMap<>();
        jdbc.sql("select id, product_id, name, price from skus where product_id in (:ids) order by position, id")
                .param("ids", productIds)
                .query((rs, n) -> new SkuRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).list()
                .forEach(s -> skus.computeIfAbsent(s.productId(), k -> new ArrayList<>()).add(s));
        Map<Long, List<String>> images = new HashMap<>();
        jdbc.sql("select product_id, url from product_images where product_id in (:ids) order by position")
                .param("ids", productIds)
                .query(rs -> {
                    images.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, StockLevel> levels = inventory.levels(skus.values().stream().flatMap(List::stream).map(SkuRow::id).toList());
        long threshold = settings.sourceDirectMaxMarkupPermille();
        List<ProductView> views = new ArrayList<>();
        for (Row row : rows) {
            boolean full = privileged.contains(row.id());
            List<SkuRow> own = skus.getOrDefault(row.id(), List.of());
            long price = own.stream().mapToLong(SkuRow::price).min().orElse(0);
            List<ProductView.SkuView> skuViews = own.stream().map(s -> {
                StockLevel level = levels.getOrDefault(s.id(), new StockLevel(s.id(), 0, 0));
                return new ProductView.SkuView(s.id(), s.name(), s.price(), level.available(),
                        full ? level.stock() : null, full ? level.reserved() : null);
            }).toList();
            Origin origin = new Origin(row.originPlace(), row.originStory());
            // price / cost < threshold / 1000, in integers: price * 1000 < threshold * cost
            boolean sourceDirect = origin.named() && price > 0 && price * 1000 < threshold * row.costPrice();
            views.add(new ProductView(row.id(), row.shopId(), row.shopName(), row.title(), row.description(),
                    row.categoryId(), row.categoryName(),
                    row.standard(), origin, images.getOrDefault(row.id(), List.of()), price, row.referencePrice(),
                    Math.max(0, row.referencePrice() - price), row.shippingFee(), row.shippingFee() == 0,
                    row.noReasonReturn(), sourceDirect, "CNY", row.status(), skuViews,
                    full ? row.costPrice() : null,
                    full ? BigDecimal.valueOf(price).divide(BigDecimal.valueOf(row.costPrice()), 2, RoundingMode.HALF_UP) : null,
                    row.createdAt()));
        }
        return views;
    }

    private static boolean privileged(Row row, Optional<Caller> caller) {
        return caller.map(c -> c.is(row.ownerId()) || c.isOperator()).orElse(false);
    }

    private Row ownedRow(long productId, Caller caller) {
        Row row = row(productId).orElseThrow(() -> new NotFound("Product", productId));
        if (row.ownerId() != caller.accountId()) {
            if (row.status() != ProductStatus.ACTIVE && !caller.isOperator()) {
                throw new NotFound("Product", productId);
            }
            throw new NotYourShop();
        }
        return row;
    }

    private Optional<Row> row(long productId) {
        return jdbc.sql(SELECT + " where p.id = ?").param(productId).query(Products::row).optional();
    }

    private long insertSku(long productId, String name, long price, int position, long stock, long actorId) {
        long skuId = ids.next();
        jdbc.sql("insert into skus (id, product_id, name, price, position) values (?, ?, ?, ?, ?)")
                .params(skuId, productId, name, price, position).update();
        inventory.track(skuId, stock, actorId);
        return skuId;
    }

    private void replaceImages(long productId, @Nullable List<String> urls) {
        jdbc.sql("delete from product_images where product_id = ?").param(productId).update();
        if (urls != null) {
            for (int i = 0; i < urls.size(); i++) {
                jdbc.sql("insert into product_images (product_id, position, url) values (?, ?, ?)")
                        .params(productId, i, urls.get(i).strip()).update();
            }
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("shop_id"), rs.getLong("owner_id"), rs.getString("shop_name"),
                rs.getString("title"), rs.getString("description"), rs.getLong("category_id"), rs.getString("category_name"),
                rs.getBoolean("effective_standard"), (Boolean) rs.getObject("standard"), rs.getString("origin_place"),
                rs.getString("origin_story"), rs.getLong("cost_price"), rs.getLong("reference_price"),
                rs.getLong("shipping_fee"), rs.getBoolean("no_reason_return"), ProductStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
