package io.laotie.live.web;

import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.live.FlashSale;
import io.laotie.live.FlashSaleStatus;
import io.laotie.live.FlashSales;
import io.laotie.live.LiveRooms;
import io.laotie.live.LiveSession;
import io.laotie.live.LiveSessions;
import io.laotie.live.Moderation;
import io.laotie.live.NewFlashSale;
import io.laotie.live.NewLiveSession;
import io.laotie.live.NewShelfItem;
import io.laotie.live.SessionReport;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.live.ShelfItem;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.ValidationFailed;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import io.laotie.platform.web.Yuan;
import io.laotie.social.Comment;
import io.laotie.social.Creator;
import io.laotie.social.Creators;
import io.laotie.social.RoomSignals;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The creator studio (直播间管理): the creator's sessions with go live, end and cancel; and per session its shelf
 * (小黄车) — goods of the creator's own shops, live prices, order, the explaining item (讲解中) — its flash sales (秒杀)
 * started and ended while it is live, the mutes (禁言), the live counts refreshed by htmx while it runs, and the review
 * (复盘) once it ended. A session's studio is its creator's and operators'; anyone else gets 403 (sessions are public,
 * so they may see it exists), an unknown session 404. An account that is not a creator yet is sent to the profile
 * form first.
 */
@Controller
@RequestMapping("/studio")
class StudioPages {

    static final int PAGE_SIZE = 20;
    static final int RECENT_COMMENTERS = 10;
    private static final int GOODS_PER_SHOP = 100;
    private static final Duration SCHEDULE_SLACK = Duration.ofMinutes(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A session in the list, with its times in the platform zone. */
    record SessionLine(LiveSession session, String scheduledAt, @Nullable String startedAt, @Nullable String endedAt) {
    }

    /** The goods of one of the creator's shops that are not on the shelf yet. */
    record Goods(Shop shop, List<ProductView> products) {
    }

    record MuteLine(long viewerId, String name, String mutedAt) {
    }

    /** A viewer who spoke lately, with their latest words. */
    record Commenter(long authorId, String name, String text, String at, boolean muted) {
    }

    /** A flash sale in the session's list: the sale, what it sells, and its start and end in the platform zone. */
    record SaleLine(FlashSale sale, String title, String skuName, String startsAt, String endsAt) {
    }

    /** One bar of the review's conversion chart: its width in percent of the best item's conversion. */
    record Bar(SessionReport.Item item, String percent, int width) {
    }

    /**
     * A form the page sent back: which form ({@code add-<productId>}, {@code item-<itemId>} or {@code flash-sale}),
     * what was typed by field name, the errors by field name, and a message for the whole form.
     */
    record Rejected(String form, Map<String, String> typed, Map<String, String> fields, @Nullable String message) {
    }

    private final LiveSessions sessions;
    private final Shelf shelf;
    private final Moderation moderation;
    private final Creators creators;
    private final RoomSignals signals;
    private final Shops shops;
    private final Products products;
    private final Accounts accounts;
    private final Notices notices;
    private final ZoneId zone;
    private final Clock clock;
    private final FlashSales flashSales;

    StudioPages(LiveSessions sessions, Shelf shelf, Moderation moderation, Creators creators, RoomSignals signals,
                Shops shops, Products products, Accounts accounts, Notices notices, ZoneId platformZone, Clock clock,
                FlashSales flashSales) {
        this.sessions = sessions;
        this.shelf = shelf;
        this.moderation = moderation;
        this.creators = creators;
        this.signals = signals;
        this.shops = shops;
        this.products = products;
        this.accounts = accounts;
        this.notices = notices;
        this.zone = platformZone;
        this.clock = clock;
        this.flashSales = flashSales;
    }

    // --- the creator's sessions ---

    @GetMapping
    String studio(Caller caller, @RequestParam(defaultValue = "0") int page, @ModelAttribute("form") SessionForm form,
                  Model model, RedirectAttributes next) {
        Optional<Creator> creator = creators.find(caller.accountId());
        if (creator.isEmpty()) {
            notices.success(next, "studio.profile.first");
            return "redirect:/studio/profile";
        }
        return studio(creator.get(), page, model);
    }

    @PostMapping("/sessions")
    String create(Caller caller, @Valid @ModelAttribute("form") SessionForm form, BindingResult result, Model model,
                  RedirectAttributes next) {
        Optional<Creator> creator = creators.find(caller.accountId());
        if (creator.isEmpty()) {
            notices.success(next, "studio.profile.first");
            return "redirect:/studio/profile";
        }
        Instant scheduledAt = scheduledAt(form, result);
        if (!result.hasErrors()) {
            try {
                String cover = form.getCoverUrl() == null || form.getCoverUrl().isBlank() ? null : form.getCoverUrl().strip();
                LiveSession session = sessions.create(caller, new NewLiveSession(Objects.requireNonNull(form.getTitle()).strip(),
                        cover, scheduledAt == null ? null : scheduledAt.atZone(zone).toOffsetDateTime()));
                notices.success(next, "studio.session.created", session.title());
                return "redirect:/studio/sessions/" + session.id();
            } catch (Problem problem) {
                FormErrors.reject(result, problem);
            }
        }
        return studio(creator.get(), 0, model);
    }

    @PostMapping("/sessions/{id}/start")
    String start(Caller caller, @PathVariable long id, RedirectAttributes next) {
        sessions.managed(id, caller);
        attempt(next, () -> notices.success(next, "studio.session.started", sessions.start(id, caller).title()));
        return "redirect:/studio/sessions/" + id;
    }

    @PostMapping("/sessions/{id}/end")
    String end(Caller caller, @PathVariable long id, RedirectAttributes next) {
        sessions.managed(id, caller);
        attempt(next, () -> notices.success(next, "studio.session.ended", sessions.end(id, caller).title()));
        return "redirect:/studio/sessions/" + id;
    }

    @PostMapping("/sessions/{id}/cancellation")
    String cancel(Caller caller, @PathVariable long id, RedirectAttributes next) {
        sessions.managed(id, caller);
        try {
            LiveSession cancelled = sessions.cancel(id, caller);
            notices.success(next, "studio.session.cancelled", cancelled.title());
        } catch (Problem problem) {
            notices.problem(next, problem);
            return "redirect:/studio/sessions/" + id;
        }
        return "redirect:/studio";
    }

    // --- one session ---

    @GetMapping("/sessions/{id}")
    String session(Caller caller, @PathVariable long id, Model model) {
        return session(caller, id, null, model);
    }

    /** The live counts alone, for the panel's htmx polling. */
    @GetMapping("/sessions/{id}/counts")
    String counts(Caller caller, @PathVariable long id, Model model) {
        counts(shelf.report(id, caller), model);
        return "studio/session :: counts";
    }

    /** Puts a product of the creator's own shops on the shelf, last, with the live prices typed beside it. */
    @PostMapping("/sessions/{id}/items")
    String add(Caller caller, @PathVariable long id, @RequestParam(required = false) @Nullable Long productId,
               @RequestParam Map<String, String> params, Model model, RedirectAttributes next) {
        sessions.managed(id, caller);
        Optional<ProductView> found = productId == null ? Optional.empty() : activeProduct(productId);
        if (found.isEmpty()) {
            notices.alert(next, "studio.shelf.no-product");
            return "redirect:/studio/sessions/" + id;
        }
        ProductView product = found.get();
        Map<Long, Long> skuPrices = new LinkedHashMap<>();
        product.skus().forEach(sku -> skuPrices.put(sku.id(), sku.price()));
        LivePriceInput.Read read = LivePriceInput.read(skuPrices, params, notices);
        String form = "add-" + product.id();
        if (!read.ok()) {
            return session(caller, id, new Rejected(form, read.typed(), read.errors(), notices.text("form.fix")), model);
        }
        try {
            ShelfItem item = shelf.add(id, caller, new NewShelfItem(product.id(), read.prices()));
            notices.success(next, "studio.shelf.added", item.title());
        } catch (ValidationFailed refused) {
            return session(caller, id, new Rejected(form, read.typed(), read.errorsOf(refused), notices.describe(refused)), model);
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return "redirect:/studio/sessions/" + id;
    }

    /** Replaces an item's live prices with those typed; all fields blank removes them. */
    @PostMapping("/sessions/{id}/items/{itemId}/prices")
    String reprice(Caller caller, @PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> params,
                   Model model, RedirectAttributes next) {
        sessions.managed(id, caller);
        ShelfItem item = shelf.view(id, itemId);
        Map<Long, Long> skuPrices = new LinkedHashMap<>();
        item.skus().forEach(sku -> skuPrices.put(sku.skuId(), sku.price()));
        LivePriceInput.Read read = LivePriceInput.read(skuPrices, params, notices);
        String form = "item-" + itemId;
        if (!read.ok()) {
            return session(caller, id, new Rejected(form, read.typed(), read.errors(), notices.text("form.fix")), model);
        }
        try {
            shelf.reprice(id, itemId, caller, read.prices());
            notices.success(next, read.prices().isEmpty() ? "studio.shelf.prices-removed" : "studio.shelf.repriced", item.title());
        } catch (ValidationFailed refused) {
            return session(caller, id, new Rejected(form, read.typed(), read.errorsOf(refused), notices.describe(refused)), model);
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return "redirect:/studio/sessions/" + id;
    }

    @PostMapping("/sessions/{id}/items/{itemId}/removal")
    String remove(Caller caller, @PathVariable long id, @PathVariable long itemId, RedirectAttributes next) {
        sessions.managed(id, caller);
        ShelfItem item = shelf.view(id, itemId);
        attempt(next, () -> {
            shelf.remove(id, itemId, caller);
            notices.success(next, "studio.shelf.removed", item.title());
        });
        return "redirect:/studio/sessions/" + id;
    }

    /** Moves an item one place up or down the shelf. */
    @PostMapping("/sessions/{id}/items/{itemId}/move")
    String move(Caller caller, @PathVariable long id, @PathVariable long itemId, @RequestParam(defaultValue = "") String direction,
                RedirectAttributes next) {
        sessions.managed(id, caller);
        List<Long> order = new ArrayList<>(shelf.rows(id).stream().map(Shelf.Item::id).toList());
        int at = order.indexOf(itemId);
        if (at < 0) {
            throw new NotFound("shelf item", itemId);
        }
        int to = "up".equals(direction) ? at - 1 : "down".equals(direction) ? at + 1 : at;
        if (to != at && to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, itemId);
            attempt(next, () -> shelf.reorder(id, caller, order));
        }
        return "redirect:/studio/sessions/" + id + "#item-" + itemId;
    }

    @PostMapping("/sessions/{id}/items/{itemId}/explaining")
    String explain(Caller caller, @PathVariable long id, @PathVariable long itemId, RedirectAttributes next) {
        sessions.managed(id, caller);
        attempt(next, () -> notices.success(next, "studio.shelf.explained", shelf.explain(id, itemId, caller).title()));
        return "redirect:/studio/sessions/" + id;
    }

    /** Mutes a viewer in this room, named by account id (typed, or from the recent commenters). */
    @PostMapping("/sessions/{id}/mutes")
    String mute(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String accountId, RedirectAttributes next) {
        sessions.managed(id, caller);
        Long viewerId = accountId(accountId);
        if (viewerId == null || accounts.find(viewerId).isEmpty()) {
            notices.alert(next, "studio.mute.no-account", accountId.strip());
            return "redirect:/studio/sessions/" + id + "#mutes";
        }
        attempt(next, () -> {
            moderation.mute(id, viewerId, caller);
            notices.success(next, "studio.mute.muted", accounts.get(viewerId).displayName());
        });
        return "redirect:/studio/sessions/" + id + "#mutes";
    }

    @PostMapping("/sessions/{id}/mutes/{viewerId}/removal")
    String unmute(Caller caller, @PathVariable long id, @PathVariable long viewerId, RedirectAttributes next) {
        moderation.unmute(id, viewerId, caller);
        notices.success(next, "studio.mute.unmuted", accounts.find(viewerId).map(a -> a.displayName()).orElse(Long.toString(viewerId)));
        return "redirect:/studio/sessions/" + id + "#mutes";
    }

    /** Starts the countdown of a flash sale (秒杀) on a SKU of the shelf, as typed in the session's flash-sale form. */
    @PostMapping("/sessions/{id}/flash-sales")
    String startFlashSale(Caller caller, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                          RedirectAttributes next) {
        sessions.managed(id, caller);
        FlashSaleInput.Read read = FlashSaleInput.read(params, shelf.items(id), notices);
        if (!read.ok()) {
            return session(caller, id, new Rejected(FlashSaleInput.FORM, read.typed(), read.errors(), notices.text("form.fix")), model);
        }
        ShelfItem.Sku sku = Objects.requireNonNull(read.sku());
        try {
            NewFlashSale request = Objects.requireNonNull(read.sale());
            FlashSale sale = flashSales.create(id, caller, request);
            notices.success(next, "studio.flash.started", sku.name(), Yuan.text(sale.price()), sale.quantity(), request.countdownSeconds());
        } catch (Problem problem) {
            Map<String, String> fields = FlashSaleInput.errorsOf(problem, sku, notices);
            if (!fields.isEmpty()) {
                return session(caller, id, new Rejected(FlashSaleInput.FORM, read.typed(), fields, notices.text("form.fix")), model);
            }
            notices.problem(next, problem);
        }
        return "redirect:/studio/sessions/" + id + "#flash-sales";
    }

    /** Ends a flash sale of this session before its time; what is unsold goes back to stock. */
    @PostMapping("/sessions/{id}/flash-sales/{saleId}/end")
    String endFlashSale(Caller caller, @PathVariable long id, @PathVariable long saleId, RedirectAttributes next) {
        sessions.managed(id, caller);
        if (flashSales.get(saleId).liveSessionId() != id) {
            throw new NotFound("flash sale", saleId);
        }
        FlashSale ended = flashSales.end(saleId, caller);
        notices.success(next, "studio.flash.ended", ended.sold() == null ? 0 : ended.sold());
        return "redirect:/studio/sessions/" + id + "#flash-sales";
    }

    /** The session's flash sales alone, for the list's htmx polling while one is open. */
    @GetMapping("/sessions/{id}/flash-sales")
    String flashSaleList(Caller caller, @PathVariable long id, Model model) {
        sessions.managed(id, caller);
        flashSaleLines(id, shelf.items(id), model);
        return "studio/flash-sales :: list";
    }

    /** Does what the creator asked; a refusal becomes a notice on the next page instead of an error page. */
    private void attempt(RedirectAttributes next, Runnable action) {
        try {
            action.run();
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
    }

    // --- drawing the pages ---

    private String studio(Creator creator, int page, Model model) {
        PageOf<SessionLine> mine = sessions.list(null, creator.id(), new PageRequest(Math.max(page, 0), PAGE_SIZE)).map(this::line);
        model.addAttribute("creator", creator);
        model.addAttribute("sessions", mine);
        model.addAttribute("pages", (mine.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("earliest", FIELD.format(clock.instant().atZone(zone)));
        model.addAttribute("zoneName", zone.getId());
        return "studio/studio";
    }

    private String session(Caller caller, long id, @Nullable Rejected rejected, Model model) {
        LiveSessions.Row row = sessions.managed(id, caller);
        LiveSession session = sessions.get(id);
        List<ShelfItem> items = shelf.items(id);
        model.addAttribute("liveSession", session);
        model.addAttribute("times", line(session));
        model.addAttribute("creator", creators.find(row.creatorId()).orElse(null));
        model.addAttribute("onBehalf", !caller.is(row.creatorId()));
        model.addAttribute("items", items);
        model.addAttribute("editable", session.status().open());
        model.addAttribute("rejected", rejected);
        if (session.status().open()) {
            model.addAttribute("goods", goods(row.creatorId(), items));
        }
        List<Moderation.Mute> mutes = moderation.mutes(id, caller);
        Set<Long> muted = new HashSet<>();
        mutes.forEach(m -> muted.add(m.viewerId()));
        List<Comment> recent = signals.recentComments(id, row.creatorId(), LiveRooms.RECENT_COMMENTS);
        Set<Long> people = new HashSet<>(muted);
        recent.forEach(c -> people.add(c.authorId()));
        Map<Long, String> names = accounts.displayNames(people);
        model.addAttribute("mutes", mutes.stream().map(m -> new MuteLine(m.viewerId(),
                names.getOrDefault(m.viewerId(), "#" + m.viewerId()), when(m.mutedAt()))).toList());
        model.addAttribute("commenters", commenters(recent, row.creatorId(), muted));
        flashSaleForm(rejected, items, model);
        flashSaleLines(id, items, model);
        if (session.status().onAir() || session.status() == SessionStatus.ENDED) {
            SessionReport report = shelf.report(id, caller);
            counts(report, model);
            if (session.status() == SessionStatus.ENDED) {
                model.addAttribute("bars", bars(report.items()));
                model.addAttribute("watchTime", clockTime(report.watchSeconds()));
            }
        }
        return "studio/session";
    }

    private void counts(SessionReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("liveFor", clockTime(report.durationSeconds()));
    }

    /** What the flash-sale form shows: the SKUs on sale on the shelf, and what was typed (or the defaults). */
    private static void flashSaleForm(@Nullable Rejected rejected, List<ShelfItem> items, Model model) {
        boolean mine = rejected != null && rejected.form().equals(FlashSaleInput.FORM);
        model.addAttribute("saleItems", items.stream().filter(ShelfItem::onSale).toList());
        model.addAttribute("saleTyped", mine ? rejected.typed() : FlashSaleInput.DEFAULTS);
        model.addAttribute("saleErrors", mine ? rejected.fields() : Map.of());
    }

    /** The session's flash sales, newest first, and whether one is still open (the list then refreshes itself). */
    private void flashSaleLines(long id, List<ShelfItem> items, Model model) {
        List<SaleLine> lines = flashSales.of(id).stream().map(sale -> saleLine(sale, items)).toList();
        model.addAttribute("saleSessionId", id);
        model.addAttribute("saleLines", lines);
        model.addAttribute("salesOpen", lines.stream().anyMatch(line -> line.sale().status() != FlashSaleStatus.ENDED));
    }

    private SaleLine saleLine(FlashSale sale, List<ShelfItem> items) {
        Optional<ShelfItem> item = items.stream().filter(i -> i.id() == sale.shelfItemId()).findFirst();
        String skuName = item.stream().flatMap(i -> i.skus().stream()).filter(sku -> sku.skuId() == sale.skuId())
                .map(ShelfItem.Sku::name).findFirst().orElse("");
        return new SaleLine(sale, item.map(ShelfItem::title).orElse(""), skuName, TIME.format(sale.startsAt().atZone(zone)),
                TIME.format(sale.endsAt().atZone(zone)));
    }

    /** The creator's active goods by shop, without those on the shelf already. */
    private List<Goods> goods(long creatorId, List<ShelfItem> items) {
        Set<Long> shelved = new HashSet<>();
        items.forEach(item -> shelved.add(item.productId()));
        List<Goods> goods = new ArrayList<>();
        for (Shop shop : shops.ownedBy(creatorId)) {
            List<ProductView> offered = products.ofShop(shop.id(), Optional.empty(), new PageRequest(0, GOODS_PER_SHOP)).items()
                    .stream().filter(p -> !shelved.contains(p.id())).toList();
            if (!offered.isEmpty()) {
                goods.add(new Goods(shop, offered));
            }
        }
        return goods;
    }

    /** The latest speakers, newest first, once each, without the creator. */
    private List<Commenter> commenters(List<Comment> recent, long creatorId, Set<Long> muted) {
        Map<Long, Commenter> latest = new LinkedHashMap<>();
        for (int i = recent.size() - 1; i >= 0 && latest.size() < RECENT_COMMENTERS; i--) {
            Comment c = recent.get(i);
            if (c.authorId() != creatorId && !latest.containsKey(c.authorId())) {
                latest.put(c.authorId(), new Commenter(c.authorId(), c.authorName(), c.text(), when(c.at()), muted.contains(c.authorId())));
            }
        }
        return List.copyOf(latest.values());
    }

    /** Bars scaled to the best item's conversion, so the leader fills the row. */
    private static List<Bar> bars(List<SessionReport.Item> items) {
        double best = items.stream().mapToDouble(SessionReport.Item::conversion).max().orElse(0);
        return items.stream().map(item -> new Bar(item, percent(item.conversion()),
                best <= 0 ? 0 : (int) Math.round(100 * item.conversion() / best))).toList();
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** Seconds as h:mm:ss, which reads the same in both languages. */
    static String clockTime(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }

    private SessionLine line(LiveSession s) {
        return new SessionLine(s, when(s.scheduledAt()), s.startedAt() == null ? null : when(s.startedAt()),
                s.endedAt() == null ? null : when(s.endedAt()));
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    /** The typed start time in the platform zone, or null for "now"; a bad or past time is put on the field. */
    private @Nullable Instant scheduledAt(SessionForm form, BindingResult result) {
        String typed = form.getScheduledAt() == null ? "" : form.getScheduledAt().strip();
        if (typed.isEmpty()) {
            return null;
        }
        try {
            Instant at = LocalDateTime.parse(typed.replace(' ', 'T')).atZone(zone).toInstant();
            if (at.isBefore(clock.instant().minus(SCHEDULE_SLACK))) {
                result.rejectValue("scheduledAt", "studio.session.scheduled.past");
                return null;
            }
            return at;
        } catch (DateTimeParseException notATime) {
            result.rejectValue("scheduledAt", "studio.session.scheduled.rule");
            return null;
        }
    }

    private Optional<ProductView> activeProduct(long productId) {
        try {
            return Optional.of(products.view(productId, Optional.empty()));
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    private static @Nullable Long accountId(String typed) {
        try {
            return Long.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
