package io.laotie.trust;


import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.platform.Conflict;
import io.laotie.platform.Forbidden;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import io.laotie.social.Creator;
import io.laotie.social.Creators;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.laotie.trust.TrustRows.instant;
import static io.laotie.trust.TrustRows.instantOrNull;
import static io.laotie.trust.TrustRows.utc;

/**
 * Complaints (投诉) about a creator (false claims in the room, …) or a shop (rude service, …). A signed-in buyer files
 * one against exactly one target, optionally naming one of their orders that involves it; an operator upholds or
 * dismisses it once, which {@link ComplaintRuled} announces (upheld ones count in the target's scores). The
 * complainant, the creator or the shop's owner complained about, and operators see a complaint; nobody else does.
 */
@Service
public class Complaints {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final Orders orders;
    private final Shops shops;
    private final Creators creators;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    Complaints(JdbcClient jdbc, Ids ids, Clock clock, Orders orders, Shops shops, Creators creators, Accounts accounts,
               ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.orders = orders;
        this.shops = shops;
        this.creators = creators;
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Files a complaint. Refused (422) without exactly one existing target, about oneself, or naming an order that is
     * not the caller's or does not involve the target; 409 while the caller has an open complaint about the same target.
     */
    @Transactional
    public ComplaintView file(Caller caller, NewComplaint complaint) {
        if ((complaint.creatorId() == null) == (complaint.shopId() == null)) {
            throw ValidationFailed.unprocessable(complaint.creatorId() == null ? "creatorId" : "shopId",
                    "name exactly one of creatorId and shopId");
        }
        String text = complaint.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw ValidationFailed.unprocessable("text", "between 1 and " + MAX_TEXT + " characters");
        }
        long ownerId;
        if (complaint.creatorId() != null) {
            ownerId = creators.find(complaint.creatorId()).map(Creator::id)
                    .orElseThrow(() -> ValidationFailed.unprocessable("creatorId", "no such creator"));
        } else {
            ownerId = shops.find(complaint.shopId()).map(Shop::ownerId)
                    .orElseThrow(() -> ValidationFailed.unprocessable("shopId", "no such shop"));
        }
        if (caller.is(ownerId)) {
            throw ValidationFailed.unprocessable(complaint.creatorId() != null ? "creatorId" : "shopId", "you cannot complain about yourself");
        }
        if (complaint.orderId() != null) {
            OrderView order = yourOrder(complaint.orderId(), caller);
            boolean involved = complaint.creatorId() != null ? complaint.creatorId().equals(order.creatorId())
                    : complaint.shopId() == order.shopId();
            if (!involved) {
                throw ValidationFailed.unprocessable("orderId", complaint.creatorId() != null
                        ? "this order was not sold through that creator" : "this order is not from that shop");
            }
        }
        String target = complaint.creatorId() != null ? "creator_id" : "shop_id";
        long targetId = complaint.creatorId() != null ? complaint.creatorId() : complaint.shopId();
        long open = jdbc.sql("select count(*) from complaints where complainant_id = ? and " + target + " = ? and status = 'OPEN'")
                .params(caller.accountId(), targetId).query(Long.class).single();
        if (open > 0) {
            throw new Conflict("already-complained", "Complaint open",
                    "You have an open complaint about them; an operator will rule on it first");
        }
        long id = ids.next();
        ComplaintReason reason = complaint.reason() == null ? ComplaintReason.OTHER : complaint.reason();
        jdbc.sql("""
                        insert into complaints (id, complainant_id, creator_id, shop_id, order_id, reason, text, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, caller.accountId(), complaint.creatorId(), complaint.shopId(), complaint.orderId(), reason.name(), text,
                        utc(now()))
                .update();
        return view(id, caller);
    }

    private OrderView yourOrder(long orderId, Caller caller) {
        try {
            OrderView order = orders.view(orderId, caller);
            if (caller.is(order.buyerId())) {
                return order;
            }
        } catch (NotFound notYours) {
            // the same answer as an order of someone else
        }
        throw ValidationFailed.unprocessable("orderId", "no such order of yours");
    }

    /** An operator upholds or dismisses an open complaint, once; {@link ComplaintRuled} tells the scores. */
    @Transactional
    public ComplaintView rule(long complaintId, Caller caller, boolean upheld, @Nullable String note) {
        Row row = row(complaintId);
        if (!caller.isOperator()) {
            if (maySee(row, caller)) {
                throw new Forbidden("Only operators rule on complaints");
            }
            throw new NotFound("Complaint", complaintId);
        }
        String words = note == null || note.isBlank() ? null : note.strip();
        if (words != null && words.length() > MAX_NOTE) {
            throw ValidationFailed.unprocessable("note", "at most " + MAX_NOTE + " characters");
        }
        Instant now = now();
        ComplaintStatus status = upheld ? ComplaintStatus.UPHELD : ComplaintStatus.DISMISSED;
        int ruled = jdbc.sql("update complaints set status = ?, ruled_by = ?, ruled_at = ?, ruling_note = ? where id = ? and status = 'OPEN'")
                .params(status.name(), caller.accountId(), utc(now), words, complaintId).update();
        if (ruled == 0) {
            throw new IllegalTransition("Complaint " + complaintId + " was ruled on already");
        }
        events.publishEvent(new ComplaintRuled(complaintId, row.creatorId(), row.shopId(), row.complainantId(), upheld, now));
        return view(complaintId, caller);
    }

    /** One complaint, to those who may see it (404 for everyone else). */
    public ComplaintView view(long complaintId, Caller caller) {
        Row row = row(complaintId);
        if (!maySee(row, caller)) {
            throw new NotFound("Complaint", complaintId);
        }
        return shape(List.of(row), caller).getFirst();
    }

    /** The caller's own complaints, newest first. */
    public PageOf<ComplaintView> mine(Caller caller, PageRequest page) {
        return page("where complainant_id = :id", Map.of("id", caller.accountId()), "id desc", page, caller);
    }

    /** Complaints in a status (all when none is named), for operators: the open ones oldest first, others newest first. */
    public PageOf<ComplaintView> inStatus(Caller caller, @Nullable ComplaintStatus status, PageRequest page) {
        if (!caller.isOperator()) {
            throw new Forbidden("Only operators see every complaint");
        }
        if (status == null) {
            return page("", Map.of(), "id desc", page, caller);
        }
        return page("where status = :status", Map.of("status", status.name()), status == ComplaintStatus.OPEN ? "id asc" : "id desc",
                page, caller);
    }

    /** Complaints about a creator, newest first: for the creator and operators (404 for everyone else). */
    public PageOf<ComplaintView> aboutCreator(long creatorId, Caller caller, PageRequest page) {
        creators.get(creatorId);
        if (!caller.is(creatorId) && !caller.isOperator()) {
            throw new NotFound("Complaints about creator", creatorId);
        }
        return page("where creator_id = :id", Map.of("id", creatorId), "id desc", page, caller);
    }

    /** Complaints about a shop, newest first: for its owner and operators (404 for everyone else). */
    public PageOf<ComplaintView> aboutShop(long shopId, Caller caller, PageRequest page) {
        Shop shop = shops.get(shopId);
        if (!caller.is(shop.ownerId()) && !caller.isOperator()) {
            throw new NotFound("Complaints about shop", shopId);
        }
        return page("where shop_id = :id", Map.of("id", shopId), "id desc", page, caller);
    }

    // ---- rows ------------------------------------------------------------------------------------------------------

    private record Row(long id, long complainantId, @Nullable Long creatorId, @Nullable Long shopId, @Nullable Long orderId,
                       ComplaintReason reason, String text, ComplaintStatus status, Instant createdAt,
                       @Nullable Instant ruledAt, @Nullable String rulingNote) {
    }

    private boolean maySee(Row row, Caller caller) {
        if (caller.isOperator() || caller.is(row.complainantId())) {
            return true;
        }
        if (row.creatorId() != null) {
            return caller.is(row.creatorId());
        }
        return row.shopId() != null && shops.find(row.shopId()).map(shop -> caller.is(shop.ownerId())).orElse(false);
    }

    private Row row(long complaintId) {
        return rows("where id = :id", Map.of("id", complaintId), "id").stream().findFirst()
                .orElseThrow(() -> new NotFound("Complaint", complaintId));
    }

    private PageOf<ComplaintView> page(String where, Map<String, ?> params, String orderBy, PageRequest page, Caller caller) {
        long total = jdbc.sql("select count(*) from complaints " + where).params(params).query(Long.class).single();
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("limit", page.size());
        paged.put("offset", page.offset());
        List<Row> rows = rows(where, paged, orderBy + " limit :limit offset :offset");
        return new PageOf<>(shape(rows, caller), page.page(), page.size(), total);
    }

    private List<Row> rows(String where, Map<String, ?> params, String orderBy) {
        return jdbc.sql("select * from complaints " + where + " order by " + orderBy).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("complainant_id"), rs.getObject("creator_id", Long.class),
                        rs.getObject("shop_id", Long.class), rs.getObject("order_id", Long.class),
                        ComplaintReason.valueOf(rs.getString("reason")), rs.getString("text"),
                        ComplaintStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instantOrNull(rs, "ruled_at"),
                        rs.getString("ruling_note")))
                .list();
    }

    /** Rows as the caller sees them: the complainant masked, their id only to themselves and operators. */
    private List<ComplaintView> shape(List<Row> rows, Caller caller) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = accounts.displayNames(rows.stream().map(Row::complainantId).toList());
        Map<Long, Creator> creatorsById = creators.all(rows.stream().map(Row::creatorId).filter(id -> id != null).toList());
        List<ComplaintView> views = new ArrayList<>();
        for (Row row : rows) {
            String target = row.creatorId() != null
                    ? Optional.ofNullable(creatorsById.get(row.creatorId())).map(Creator::displayName).orElse("")
                    : shops.find(row.shopId() == null ? 0 : row.shopId()).map(Shop::name).orElse("");
            boolean theirs = caller.isOperator() || caller.is(row.complainantId());
            views.add(new ComplaintView(row.id(), row.creatorId(), row.shopId(), target, row.orderId(), row.reason(), row.text(),
                    row.status(), Reviews.masked(names.get(row.complainantId())), theirs ? row.complainantId() : null,
                    row.createdAt(), row.ruledAt(), row.rulingNote()));
        }
        return views;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
