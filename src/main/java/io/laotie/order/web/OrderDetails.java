package io.laotie.order.web;

import io.laotie.platform.web.Yuan;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.order.Actor;
import io.laotie.order.AfterSalesCover;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.RefundStatus;
import io.laotie.order.RefundView;
import io.laotie.order.Ruling;
import io.laotie.platform.web.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every order page shows the same way to buyer, merchant and operator: the shop, the after-sales requests and
 * the timeline told in the reader's language, with times in the platform zone. The order module records the timeline
 * in its own terms (a status, who, a short note); this is where those become sentences.
 */
@Component
class OrderDetails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One line of the timeline: when, who (in words), what happened, and the particulars if any. */
    record Step(String at, Actor actor, String who, String what, @Nullable String detail, boolean afterSales) {
    }

    private final Shops shops;
    private final Notices notices;
    private final ZoneId zone;

    OrderDetails(Shops shops, Notices notices, ZoneId platformZone) {
        this.shops = shops;
        this.notices = notices;
        this.zone = platformZone;
    }

    /** Puts the order, its shop, its requests (newest first), the open one, the timeline and its times on the page. */
    void addTo(Model model, OrderView order) {
        model.addAttribute("order", order);
        model.addAttribute("shop", shops.find(order.shopId()).orElse(null));
        List<RefundView> requests = new ArrayList<>(order.afterSales());
        requests.sort((a, b) -> Long.compare(b.id(), a.id()));
        model.addAttribute("requests", requests);
        model.addAttribute("openRequest", requests.stream().filter(r -> r.status().open()).findFirst().orElse(null));
        model.addAttribute("steps", steps(order));
        model.addAttribute("placedAt", when(order.placedAt()));
        model.addAttribute("dueAt", order.dueAt() == null ? null : when(order.dueAt()));
    }

    /** An instant as people in the platform zone read it. */
    String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    /** Shop names for a page of orders, each shop looked up once. */
    Function<Long, String> shopNames() {
        Map<Long, String> names = new HashMap<>();
        return id -> names.computeIfAbsent(id, shopId -> shops.find(shopId).map(Shop::name).orElse("#" + shopId));
    }

    List<Step> steps(OrderView order) {
        Map<Long, RefundView> requests = new HashMap<>();
        order.afterSales().forEach(r -> requests.put(r.id(), r));
        List<Step> steps = new ArrayList<>();
        for (OrderView.TimelineEntry entry : order.timeline()) {
            RefundView request = entry.refundId() == null ? null : requests.get(entry.refundId());
            boolean afterSales = entry.refundId() != null;
            String what = text((afterSales ? "refund.event." : "order.event.") + entry.status(), entry.status());
            String detail = afterSales ? refundDetail(entry, request) : orderDetail(entry, order);
            steps.add(new Step(when(entry.at()), entry.actor(), text("order.actor." + entry.actor().name(), entry.actor().name()),
                    what, detail, afterSales));
        }
        return steps;
    }

    private @Nullable String orderDetail(OrderView.TimelineEntry entry, OrderView order) {
        OrderStatus status = parse(OrderStatus.class, entry.status());
        if (status == null) {
            return entry.note();
        }
        return switch (status) {
            case PAID -> notices.text("order.event.PAID.detail", Yuan.text(order.total()));
            case SHIPPED -> entry.note();
            case DELIVERED -> entry.actor() == Actor.SYSTEM ? notices.text("order.event.DELIVERED.auto") : null;
            case COMPLETED -> notices.text("order.event.COMPLETED.detail");
            case CANCELLED -> cancellation(entry, order);
            case PENDING_PAYMENT, REFUNDED -> null;
        };
    }

    /** The note reads "REASON" or "REASON: what the person wrote"; the reason is shown in words, the rest as written. */
    private @Nullable String cancellation(OrderView.TimelineEntry entry, OrderView order) {
        if (order.cancelReason() == null) {
            return entry.note();
        }
        String reason = notices.text("order.cancel-reason." + order.cancelReason().name());
        String note = entry.note();
        String prefix = order.cancelReason().name();
        if (note == null || !note.startsWith(prefix)) {
            return reason;
        }
        String written = note.substring(prefix.length()).replaceFirst("^:\\s*", "").strip();
        return written.isEmpty() ? reason : reason + " · " + written;
    }

    private @Nullable String refundDetail(OrderView.TimelineEntry entry, @Nullable RefundView request) {
        if ("RULED".equals(entry.status())) {
            return request == null || request.ruling() == null ? entry.note() : ruling(request.ruling());
        }
        switch (entry.status()) {
            case "COVERED" -> {
                return request == null ? entry.note() : cover(request.cover());
            }
            case "ADVANCED", "SHIPPING_PAID", "COMPENSATED", "RECOVERED" -> {
                return amount(entry.note());
            }
            default -> { }
        }
        RefundStatus status = parse(RefundStatus.class, entry.status());
        if (status == null) {
            return entry.note();
        }
        return switch (status) {
            case REQUESTED -> request == null ? entry.note() : notices.text("refund.event.REQUESTED.detail",
                    notices.text("refund.kind." + request.kind().name()), Yuan.text(request.amount()),
                    notices.text("refund.reason." + request.reason().name()));
            case AWAITING_RETURN -> entry.actor() == Actor.SYSTEM ? notices.text("refund.event.auto-approved") : null;
            case RETURN_SHIPPED, REJECTED -> entry.note();
            case REFUNDED -> amount(entry.note());
            case ESCALATED, CLOSED -> null;
        };
    }

    /** A ruling in words: who won, what the buyer gets back, whose fault, and a counterfeit finding. */
    String ruling(Ruling ruling) {
        String text = notices.text("refund.event.RULED.detail", notices.text("ruling.outcome." + ruling.outcome().name()),
                Yuan.text(ruling.amount() == null ? 0 : ruling.amount()), notices.text("ruling.fault." + ruling.fault().name()));
        return ruling.counterfeit() ? text + " · " + notices.text("ruling.counterfeit.found") : text;
    }

    /** What the platform grants a request beyond the baseline (信任购), in words. */
    String cover(AfterSalesCover cover) {
        List<String> grants = new ArrayList<>();
        if (cover.refundOnReturnShipment()) {
            grants.add(notices.text("refund.cover.advance"));
        }
        if (cover.returnShipping() > 0) {
            grants.add(notices.text("refund.cover.shipping", Yuan.text(cover.returnShipping())));
        }
        if (cover.counterfeitMultiple() > 0) {
            grants.add(notices.text("refund.cover.counterfeit", cover.counterfeitMultiple()));
        }
        return String.join(" · ", grants);
    }

    /** Refunds (and what the platform pays under a cover) record the amount, in fen, as their note. */
    private static @Nullable String amount(@Nullable String note) {
        try {
            return note == null ? null : Yuan.text(Long.parseLong(note.strip()));
        } catch (NumberFormatException notAnAmount) {
            return note;
        }
    }

    private String text(String code, String fallback) {
        try {
            return notices.text(code);
        } catch (org.springframework.context.NoSuchMessageException unknown) {
            return fallback;
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
