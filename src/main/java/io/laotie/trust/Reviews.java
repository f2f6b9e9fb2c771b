package io.laotie.trust;


import io.laotie.catalog.Products;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.platform.Conflict;
import io.laotie.platform.FieldError;
import io.laotie.platform.Forbidden;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import io.laotie.social.Creators;
import io.laotie.trust.internal.ReviewSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.laotie.trust.TrustRows.instant;
import static io.laotie.trust.TrustRows.instantOrNull;
import static io.laotie.trust.TrustRows.utc;

/**
 * Buyers' reviews (评价) of the goods they received. A buyer reviews each line of a delivered or completed order once,
 * within {@link ReviewSettings#window()} of delivery, and may add one follow-up (追评) within
 * {@link ReviewSettings#followUpWindow()}; the shop's merchant replies once; any signed-in reader reports an abusive
 * review, and an operator upholding a report hides it everywhere. Each review is attributed to the creator who sold
 * the goods (the order's attribution) and announced by {@link ReviewPosted}; a hidden one by {@link ReviewRemoved}.
 * The order is read through {@link Orders}, so who may review is decided by who may see the order.
 */
@Service
public class Reviews {

    static final int MAX_URL = 500;
    private static final Pattern IMAGE_URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final Orders orders;
    private final Products products;
    private final Creators creators;
    private final Accounts accounts;
    private final ReviewSettings settings;
    private final ApplicationEventPublisher events;

    Reviews(JdbcClient jdbc, Ids ids, Clock clock, Orders orders, Products products, Creators creators, Accounts accounts,
            ReviewSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.orders = orders;
        this.products = products;
        this.creators = creators;
        this.accounts = accounts;
        this.settings = settings;
        this.events = events;
    }

    // ---- posting ---------------------------------------------------------------------------------------------------

    /**
     * Reviews lines of the caller's order, all of them or none: a line that breaks a rule is refused with its field
     * named (422); an order of someone else answers 404 (its merchant, who may see it, gets 403); an order not
     * delivered yet, past its review window, or with a line reviewed before answers 409.
     */
    @Transactional
    public List<ReviewView> post(long orderId, Caller caller, NewReview request) {
        OrderView order = orders.view(orderId, caller);
        if (!caller.is(order.buyerId())) {
            throw new Forbidden("Only the order's buyer reviews it");
        }
        List<Checked> lines = check(order, request);
        Instant now = now();
        Instant delivered = deliveredAt(order);
        if (!reviewableStatus(order.status()) || delivered == null) {
            throw new IllegalTransition("Order " + orderId + " is " + order.status() + "; goods are reviewed once they are delivered");
        }
        if (now.isAfter(delivered.plus(settings.window()))) {
            throw new IllegalTransition("The review window of order " + orderId + " closed "
                    + settings.window().toDays() + " days after delivery");
        }
        List<Long> lineIds = lines.stream().map(l -> l.line().id()).toList();
        List<Long> reviewed = jdbc.sql("select order_line_id from reviews where order_line_id in (:ids)").param("ids", lineIds)
                .query(Long.class).list();
        if (!reviewed.isEmpty()) {
            throw alreadyReviewed(reviewed);
        }
        List<Long> posted = new ArrayList<>();
        try {
            for (Checked line : lines) {
                long id = ids.next();
                jdbc.sql("""
                                insert into reviews (id, order_id, order_line_id, product_id, product_title, sku_name, shop_id,
                                    merchant_id, creator_id, buyer_id, rating, text, image_urls, delivered_at, created_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, orderId, line.line().id(), line.line().productId(), clip(line.line().title(), 200),
                                clip(line.line().skuName(), 100), order.shopId(), order.merchantId(), order.creatorId(),
                                order.buyerId(), line.rating(), line.text(), String.join("\n", line.imageUrls()),
                                utc(delivered), utc(now))
                        .update();
                for (ReviewTag tag : line.tags()) {
                    jdbc.sql("insert into review_tags (review_id, tag) values (?, ?)").params(id, tag.name()).update();
                }
                events.publishEvent(new ReviewPosted(id, orderId, line.line().id(), line.line().productId(), order.shopId(),
                        order.merchantId(), order.creatorId(), order.buyerId(), line.rating(),
                        line.tags().stream().map(ReviewTag::name).toList(), line.text(), now));
                posted.add(id);
            }
        } catch (DuplicateKeyException racedByAnother) {
            throw alreadyReviewed(lineIds);
        }
        return views(rows("where r.id in (:ids)", Map.of("ids", posted), "r.id"), caller);
    }

    private static Conflict alreadyReviewed(List<Long> lineIds) {
        return new Conflict("already-reviewed", "Already reviewed",
                "Order line " + lineIds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " was reviewed before; add a follow-up to the review instead");
    }

    /** A request line checked against the order and the rules. */
    private record Checked(OrderView.Line line, int rating, String text, List<ReviewTag> tags, List<String> imageUrls) {
    }

    private List<Checked> check(OrderView order, NewReview request) {
        List<FieldError> errors = new ArrayList<>();
        List<NewReview.Line> lines = request.lines() == null ? List.of() : request.lines();
        if (lines.isEmpty()) {
            throw ValidationFailed.unprocessable("lines", "name at least one line of the order to review");
        }
        Map<Long, OrderView.Line> ofOrder = order.lines().stream().collect(Collectors.toMap(OrderView.Line::id, l -> l));
        Set<Long> seen = new HashSet<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            NewReview.Line line = lines.get(i);
            String at = "lines[" + i + "].";
            OrderView.Line orderLine = line.orderLineId() == null ? null : ofOrder.get(line.orderLineId());
            if (orderLine == null) {
                errors.add(new FieldError(at + "orderLineId", "no such line in this order"));
            } else if (!seen.add(orderLine.id())) {
                errors.add(new FieldError(at + "orderLineId", "the same line appears twice"));
            }
            if (line.rating() == null || line.rating() < 1 || line.rating() > 5) {
                errors.add(new FieldError(at + "rating", "give 1 to 5 stars"));
            }
            String text = line.text() == null ? "" : line.text().strip();
            if (text.length() > settings.maxText()) {
                errors.add(new FieldError(at + "text", "at most " + settings.maxText() + " characters"));
            }
            List<ReviewTag> tags = tags(line.tags(), at, errors);
            List<String> images = imageUrls(line.imageUrls(), at, errors);
            if (orderLine != null && line.rating() != null) {
                checked.add(new Checked(orderLine, line.rating(), text, tags, images));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(422, errors);
        }
        return checked;
    }

    private List<ReviewTag> tags(@Nullable List<String> codes, String at, List<FieldError> errors) {
        Set<ReviewTag> tags = new LinkedHashSet<>();
        List<String> given = codes == null ? List.of() : codes;
        for (int j = 0; j < given.size(); j++) {
            ReviewTag tag = given.get(j) == null ? null : ReviewTag.of(given.get(j));
            if (tag == null) {
                errors.add(new FieldError(at + "tags[" + j + "]", "no such tag; the tags are " + Arrays.toString(ReviewTag.values())));
            } else if (!tags.add(tag)) {
                errors.add(new FieldError(at + "tags[" + j + "]", "the same tag appears twice"));
            }
        }
        if (tags.size() > settings.maxTags()) {
            errors.add(new FieldError(at + "tags", "at most " + settings.maxTags() + " tags"));
        }
        return List.copyOf(tags);
    }

    private List<String> imageUrls(@Nullable List<String> urls, String at, List<FieldError> errors) {
        List<String> given = urls == null ? List.of() : urls;
        if (given.size() > settings.maxImages()) {
            errors.add(new FieldError(at + "imageUrls", "at most " + settings.maxImages() + " photos"));
        }
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < given.size(); j++) {
            String url = given.get(j) == null ? "" : given.get(j).strip();
            if (url.length() > MAX_URL || !IMAGE_URL.matcher(url).matches()) {
                errors.add(new FieldError(at + "imageUrls[" + j + "]", "an http or https address of at most " + MAX_URL + " characters"));
            } else {
                kept.add(url);
            }
        }
        return kept;
    }

    // ---- follow-up, reply, reports ---------------------------------------------------------------------------------

    /** The author's one follow-up (追评), within the follow-up window after delivery. */
    @Transactional
    public ReviewView followUp(long reviewId, Caller caller, @Nullable String text, @Nullable List<String> imageUrls) {
        Row review = visible(reviewId);
        if (!caller.is(review.buyerId())) {
            throw new Forbidden("Only the review's author adds a follow-up");
        }
        List<FieldError> errors = new ArrayList<>();
        String words = required(text, "text", errors);
        List<String> images = imageUrls(imageUrls, "", errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(422, errors);
        }
        Instant now = now();
        if (now.isAfter(review.deliveredAt().plus(settings.followUpWindow()))) {
            throw new IllegalTransition("Follow-ups are added within " + settings.followUpWindow().toDays() + " days of delivery");
        }
        int updated = jdbc.sql("""
                        update reviews set follow_up_text = ?, follow_up_image_urls = ?, follow_up_at = ?
                        where id = ? and follow_up_at is null and removed_at is null""")
                .params(words, String.join("\n", images), utc(now), reviewId).update();
        if (updated == 0) {
            throw new IllegalTransition("Review " + reviewId + " has its follow-up already");
        }
        return view(reviewId, caller);
    }

    /** The shop's merchant answers a review, once. */
    @Transactional
    public ReviewView reply(long reviewId, Caller caller, @Nullable String text) {
        Row review = visible(reviewId);
        if (!caller.is(review.merchantId())) {
            throw new Forbidden("Only the shop's merchant replies to its reviews");
        }
        List<FieldError> errors = new ArrayList<>();
        String words = required(text, "text", errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(422, errors);
        }
        int updated = jdbc.sql("update reviews set reply_text = ?, reply_at = ? where id = ? and reply_at is null and removed_at is null")
                .params(words, utc(now()), reviewId).update();
        if (updated == 0) {
            throw new IllegalTransition("Review " + reviewId + " has a reply already");
        }
        return view(reviewId, caller);
    }

    /** A signed-in reader reports an abusive review to operators; once per reader and review, never one's own. */
    @Transactional
    public ReviewReportView report(long reviewId, Caller caller, @Nullable String reason) {
        Row review = visible(reviewId);
        if (caller.is(review.buyerId())) {
            throw new Forbidden("You cannot report your own review");
        }
        List<FieldError> errors = new ArrayList<>();
        String words = required(reason, "reason", errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(422, errors);
        }
        boolean before = jdbc.sql("select count(*) from review_reports where review_id = ? and reporter_id = ?")
                .params(reviewId, caller.accountId()).query(Long.class).single() > 0;
        if (before) {
            throw alreadyReported(reviewId);
        }
        long id = ids.next();
        try {
            jdbc.sql("insert into review_reports (id, review_id, reporter_id, reason, status, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(id, reviewId, caller.accountId(), words, ReportStatus.OPEN.name(), utc(now())).update();
        } catch (DuplicateKeyException racedByAnother) {
            throw alreadyReported(reviewId);
        }
        return report(id);
    }

    private static Conflict alreadyReported(long reviewId) {
        return new Conflict("already-reported", "Already reported", "You reported review " + reviewId + " before");
    }

    /**
     * An operator upholds a report (the review is hidden everywhere, every open report of it closes as upheld, and
     * {@link ReviewRemoved} is published) or dismisses it. A report is ruled once.
     */
    @Transactional
    public ReviewReportView rule(long reportId, Caller caller, boolean upheld) {
        if (!caller.isOperator()) {
            throw new Forbidden("Only operators rule on reports");
        }
        ReviewReportView report = report(reportId);
        Instant now = now();
        ReportStatus status = upheld ? ReportStatus.UPHELD : ReportStatus.DISMISSED;
        int ruled = jdbc.sql("update review_reports set status = ?, ruled_by = ?, ruled_at = ? where id = ? and status = 'OPEN'")
                .params(status.name(), caller.accountId(), utc(now), reportId).update();
        if (ruled == 0) {
            throw new IllegalTransition("Report " + reportId + " was ruled on already");
        }
        if (upheld) {
            jdbc.sql("update review_reports set status = 'UPHELD', ruled_by = ?, ruled_at = ? where review_id = ? and status = 'OPEN'")
                    .params(caller.accountId(), utc(now), report.reviewId()).update();
            if (jdbc.sql("update reviews set removed_at = ? where id = ? and removed_at is null").params(utc(now), report.reviewId()).update() > 0) {
                events.publishEvent(new ReviewRemoved(report.reviewId(), now));
            }
        }
        return report(reportId);
    }

    /** Reports in a status (OPEN when none is named), the open ones oldest first, the others newest first; operators only. */
    public PageOf<ReviewReportView> reports(Caller caller, @Nullable ReportStatus status, PageRequest page) {
        if (!caller.isOperator()) {
            throw new Forbidden("Only operators see reports");
        }
        ReportStatus wanted = status == null ? ReportStatus.OPEN : status;
        long total = jdbc.sql("select count(*) from review_reports where status = ?").param(wanted.name()).query(Long.class).single();
        List<Long> found = jdbc.sql("select id from review_reports where status = ? order by id " + (wanted == ReportStatus.OPEN ? "asc" : "desc")
                        + " limit ? offset ?")
                .params(wanted.name(), page.size(), page.offset()).query(Long.class).list();
        return new PageOf<>(found.stream().map(this::report).toList(), page.page(), page.size(), total);
    }

    private ReviewReportView report(long reportId) {
        record ReportRow(long id, long reviewId, long reporterId, String reason, ReportStatus status, Instant createdAt,
                         @Nullable Instant ruledAt) {
        }
        ReportRow row = jdbc.sql("select * from review_reports where id = ?").param(reportId)
                .query((rs, n) -> new ReportRow(rs.getLong("id"), rs.getLong("review_id"), rs.getLong("reporter_id"),
                        rs.getString("reason"), ReportStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                        instantOrNull(rs, "ruled_at")))
                .optional().orElseThrow(() -> new NotFound("Report", reportId));
        String reporter = masked(accounts.displayNames(List.of(row.reporterId())).get(row.reporterId()));
        ReviewView review = shape(List.of(row(row.reviewId()).orElseThrow()), true, Optional.empty()).getFirst();
        return new ReviewReportView(row.id(), row.reviewId(), reporter, row.reason(), row.status(), row.createdAt(), row.ruledAt(), review);
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** A review as the caller may see it: hidden ones only by their author and operators (404 for everyone else). */
    public ReviewView view(long reviewId, Optional<Caller> caller) {
        Row row = row(reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
        boolean privileged = caller.map(c -> c.is(row.buyerId()) || c.isOperator()).orElse(false);
        if (row.removedAt() != null && !privileged) {
            throw new NotFound("Review", reviewId);
        }
        return shape(List.of(row), privileged, caller).getFirst();
    }

    private ReviewView view(long reviewId, Caller caller) {
        return view(reviewId, Optional.of(caller));
    }

    /** The visible reviews of a product the caller may see (404 otherwise), newest first, with the summary. */
    public ReviewPage ofProduct(long productId, Optional<Caller> caller, ReviewFilter filter, PageRequest page) {
        products.view(productId, caller);
        return listing("r.product_id = :target", productId, filter, page);
    }

    /** The visible reviews of goods a creator sold (attributed to them), newest first, with the summary. */
    public ReviewPage ofCreator(long creatorId, ReviewFilter filter, PageRequest page) {
        creators.get(creatorId);
        return listing("r.creator_id = :target", creatorId, filter, page);
    }

    /** The reviews of the caller's order, hidden ones included, and what the buyer may still do; 404 for others. */
    public OrderReviews ofOrder(long orderId, Caller caller) {
        OrderView order = orders.view(orderId, caller);
        if (!caller.is(order.buyerId())) {
            throw new NotFound("Order", orderId);
        }
        Instant delivered = deliveredAt(order);
        Instant now = now();
        Instant reviewUntil = delivered == null ? null : delivered.plus(settings.window());
        Instant followUpUntil = delivered == null ? null : delivered.plus(settings.followUpWindow());
        List<ReviewView> reviews = shape(rows("where r.order_id = :order", Map.of("order", orderId), "r.id"), true, Optional.of(caller));
        boolean reviewable = reviewableStatus(order.status()) && reviewUntil != null && !now.isAfter(reviewUntil)
                && reviews.size() < order.lines().size();
        return new OrderReviews(orderId, reviewable, reviewUntil, followUpUntil != null && !now.isAfter(followUpUntil),
                followUpUntil, reviews);
    }

    private ReviewPage listing(String target, long targetId, ReviewFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("where " + target + " and r.removed_at is null");
        Map<String, Object> params = new HashMap<>(Map.of("target", targetId));
        if (filter.rating() != null) {
            where.append(" and r.rating = :rating");
            params.put("rating", filter.rating());
        }
        if (filter.tag() != null) {
            where.append(" and exists (select 1 from review_tags t where t.review_id = r.id and t.tag = :tag)");
            params.put("tag", filter.tag().name());
        }
        if (filter.withImages()) {
            where.append(" and (r.image_urls <> '' or coalesce(r.follow_up_image_urls, '') <> '')");
        }
        long total = jdbc.sql("select count(*) from reviews r " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Row> rows = rows(where + " order by r.id desc limit :limit offset :offset", params, null);
        return new ReviewPage(shape(rows, false, Optional.empty()), page.page(), page.size(), total, summary(target, targetId));
    }

    private ReviewSummary summary(String target, long targetId) {
        String where = " where " + target + " and r.removed_at is null";
        Map<Integer, Long> byRating = new HashMap<>();
        jdbc.sql("select r.rating, count(*) from reviews r" + where + " group by r.rating").param("target", targetId)
                .query(rs -> {
                    byRating.put(rs.getInt(1), rs.getLong(2));
                });
        long count = byRating.values().stream().mapToLong(Long::longValue).sum();
        long stars = byRating.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        BigDecimal average = count == 0 ? null : BigDecimal.valueOf(stars).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
        List<ReviewSummary.RatingCount> ratings = new ArrayList<>();
        for (int rating = 5; rating >= 1; rating--) {
            ratings.add(new ReviewSummary.RatingCount(rating, byRating.getOrDefault(rating, 0L)));
        }
        List<ReviewSummary.TagCount> tags = new ArrayList<>();
        jdbc.sql("select t.tag, count(*) from review_tags t join reviews r on r.id = t.review_id" + where + " group by t.tag")
                .param("target", targetId)
                .query(rs -> {
                    ReviewTag tag = ReviewTag.of(rs.getString(1));
                    if (tag != null) {
                        tags.add(new ReviewSummary.TagCount(tag, rs.getLong(2)));
                    }
                });
        tags.sort(Comparator.comparingLong(ReviewSummary.TagCount::count).reversed().thenComparing(ReviewSummary.TagCount::tag));
        long withImages = jdbc.sql("select count(*) from reviews r" + where
                        + " and (r.image_urls <> '' or coalesce(r.follow_up_image_urls, '') <> '')")
                .param("target", targetId).query(Long.class).single();
        return new ReviewSummary(count, average, ratings, tags, withImages);
    }

    // ---- rows ------------------------------------------------------------------------------------------------------

    /** A stored review. */
    private record Row(long id, long orderId, long orderLineId, long productId, String productTitle, String skuName,
                       long shopId, long merchantId, @Nullable Long creatorId, long buyerId, int rating, String text,
                       String imageUrls, Instant deliveredAt, Instant createdAt, @Nullable String followUpText,
                       @Nullable String followUpImageUrls, @Nullable Instant followUpAt, @Nullable String replyText,
                       @Nullable Instant replyAt, @Nullable Instant removedAt) {
    }

    private Optional<Row> row(long reviewId) {
        return rows("where r.id = :id", Map.of("id", reviewId), null).stream().findFirst();
    }

    /** A review anyone may act on: not hidden (hidden ones answer 404 to everyone acting). */
    private Row visible(long reviewId) {
        return row(reviewId).filter(r -> r.removedAt() == null).orElseThrow(() -> new NotFound("Review", reviewId));
    }

    private List<Row> rows(String where, Map<String, ?> params, @Nullable String orderBy) {
        return jdbc.sql("select r.* from reviews r " + where + (orderBy == null ? "" : " order by " + orderBy)).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("order_id"), rs.getLong("order_line_id"),
                        rs.getLong("product_id"), rs.getString("product_title"), rs.getString("sku_name"), rs.getLong("shop_id"),
                        rs.getLong("merchant_id"), rs.getObject("creator_id", Long.class), rs.getLong("buyer_id"),
                        rs.getInt("rating"), rs.getString("text"), rs.getString("image_urls"), instant(rs, "delivered_at"),
                        instant(rs, "created_at"), rs.getString("follow_up_text"), rs.getString("follow_up_image_urls"),
                        instantOrNull(rs, "follow_up_at"), rs.getString("reply_text"), instantOrNull(rs, "reply_at"),
                        instantOrNull(rs, "removed_at")))
                .list();
    }

    private List<ReviewView> views(List<Row> rows, Caller caller) {
        return shape(rows, false, Optional.of(caller));
    }

    /**
     * Rows as readers see them: the reviewer masked, tags in their declared order, and the order named only to its
     * buyer and operators ({@code privileged} says the caller is one of them for every row).
     */
    private List<ReviewView> shape(List<Row> rows, boolean privileged, Optional<Caller> caller) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> reviewIds = rows.stream().map(Row::id).toList();
        Map<Long, List<ReviewTag>> tags = new HashMap<>();
        jdbc.sql("select review_id, tag from review_tags where review_id in (:ids)").param("ids", reviewIds)
                .query(rs -> {
                    ReviewTag tag = ReviewTag.of(rs.getString(2));
                    if (tag != null) {
                        tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(tag);
                    }
                });
        Map<Long, String> names = accounts.displayNames(rows.stream().map(Row::buyerId).collect(Collectors.toSet()));
        return rows.stream().map(row -> {
            boolean mine = privileged || caller.map(c -> c.is(row.buyerId()) || c.isOperator()).orElse(false);
            List<ReviewTag> own = tags.getOrDefault(row.id(), List.of()).stream().sorted().toList();
            ReviewView.FollowUp followUp = row.followUpAt() == null ? null
                    : new ReviewView.FollowUp(row.followUpText() == null ? "" : row.followUpText(), lines(row.followUpImageUrls()), row.followUpAt());
            ReviewView.Reply reply = row.replyAt() == null ? null : new ReviewView.Reply(row.replyText() == null ? "" : row.replyText(), row.replyAt());
            return new ReviewView(row.id(), row.productId(), row.productTitle(), row.skuName(), row.shopId(), row.creatorId(),
                    masked(names.get(row.buyerId())), row.rating(), row.text(), own, lines(row.imageUrls()), row.createdAt(),
                    followUp, reply, row.removedAt() != null, mine ? row.orderId() : null, mine ? row.orderLineId() : null);
        }).toList();
    }

    // ---- small rules -----------------------------------------------------------------------------------------------

    /** When the order was delivered, from its timeline (the order module records each transition there); null before. */
    static @Nullable Instant deliveredAt(OrderView order) {
        return order.timeline().stream()
                .filter(step -> step.refundId() == null && OrderStatus.DELIVERED.name().equals(step.status()))
                .map(OrderView.TimelineEntry::at).findFirst().orElse(null);
    }

    private static boolean reviewableStatus(OrderStatus status) {
        return status == OrderStatus.DELIVERED || status == OrderStatus.COMPLETED;
    }

    /** A name shown for privacy as its first character and two stars: 张伟 → 张**. */
    static String masked(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "**";
        }
        String stripped = name.strip();
        return stripped.substring(0, stripped.offsetByCodePoints(0, 1)) + "**";
    }

    private String required(@Nullable String text, String field, List<FieldError> errors) {
        String words = text == null ? "" : text.strip();
        if (words.isEmpty()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (words.length() > settings.maxText()) {
            errors.add(new FieldError(field, "at most " + settings.maxText() + " characters"));
        }
        return words;
    }

    private static List<String> lines(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
