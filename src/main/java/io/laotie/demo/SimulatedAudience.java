package io.laotie.demo;

import io.laotie.catalog.Products;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.live.FlashSale;
import io.laotie.live.FlashSaleStatus;
import io.laotie.live.FlashSales;
import io.laotie.live.LiveRooms;
import io.laotie.live.NewFlashSale;
import io.laotie.live.LiveSession;
import io.laotie.live.LiveSessions;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.live.ShelfItem;
import io.laotie.order.NewOrder;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.platform.Ids;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.social.FanClubs;
import io.laotie.social.FollowSource;
import io.laotie.social.Follows;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The simulated audience of the demo's simulated live rooms (sessions created with {@code simulated = true}): while
 * {@code laotie.demo.simulated-audience} is on, every {@code simulated-audience-interval} some of the simulated
 * viewers ({@link SimulatedViewers}, named "模拟观众·…") comment on the goods, tap likes, now and then follow the
 * creator or join the fan club from the room, and once in a while buy a shelf item in the room and pay for it. Now and
 * then the room's creator starts a flash sale (秒杀) of a few units, and the audience grabs them once it opens.
 *
 * <p>It acts only through the façades a real viewer's requests reach: comments pass moderation and the per-viewer rate
 * limit of {@link LiveRooms#comment} (each beat spreads its comments over different viewers), purchases are priced
 * and attributed by the live pricing step. A refusal, a sold-out SKU or a session that ended meanwhile skips that
 * one action; nothing is thrown out of {@link #step()}. It buys only SKUs with stock to spare and at most
 * {@link #MAX_PRICE_FEN}, so real visitors find the goods still there. Its choices come from one seedable random
 * source. One beat at a time ({@link #step()} is synchronized); it stops with the application.
 */
@Component
class SimulatedAudience implements SmartLifecycle {

    /** What one beat did, over all rooms. */
    record Beat(int rooms, int comments, int likes, int follows, int joins, int purchases, int flashSales) {
    }

    static final double FOLLOW_CHANCE = 0.05;
    static final double JOIN_CHANCE = 0.02;
    /** Per room and beat: at the default 3 s, about one purchase per room every eight minutes. */
    static final double BUY_CHANCE = 0.006;
    /** Per room and beat: at the default 3 s, a flash sale in a room about every ten minutes. */
    static final double FLASH_SALE_CHANCE = 0.005;
    /** Per room and beat while a sale runs: a viewer grabs a unit. */
    static final double GRAB_CHANCE = 0.5;
    /** The audience leaves this many units of a SKU for real buyers. */
    static final long STOCK_TO_SPARE = 20;
    static final long MAX_PRICE_FEN = 60_000;
    private static final long WALLET_REFILL_FEN = 300_000;
    private static final Duration WARN_AT_MOST_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SimulatedAudience.class);

    private record Viewer(Caller caller, SimulatedViewers.Viewer who, ClientInfo client) {
    }

    /** Counts what went through during a beat. */
    private static final class Tally {
        int comments;
        int likes;
        int follows;
        int joins;
        int purchases;
        int flashSales;

        Beat beat(int rooms) {
            return new Beat(rooms, comments, likes, follows, joins, purchases, flashSales);
        }
    }

    private final DemoProperties properties;
    private final LiveSessions sessions;
    private final Shelf shelf;
    private final FlashSales flashSales;
    private final LiveRooms rooms;
    private final Follows follows;
    private final FanClubs fanClubs;
    private final Orders orders;
    private final Ledger ledger;
    private final Accounts accounts;
    private final Products products;
    private final Ids ids;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<Long, RoomChatter.Goods> goodsByProduct = new ConcurrentHashMap<>();
    private volatile List<Viewer> viewers = List.of();
    private volatile boolean running;
    private volatile boolean stopped;
    private Instant lastWarning = Instant.EPOCH;

    @Autowired
    SimulatedAudience(DemoProperties properties, LiveSessions sessions, Shelf shelf, FlashSales flashSales, LiveRooms rooms,
                      Follows follows, FanClubs fanClubs, Orders orders, Ledger ledger, Accounts accounts, Products products, Ids ids,
                      Clock clock) {
        this(properties, sessions, shelf, flashSales, rooms, follows, fanClubs, orders, ledger, accounts, products, ids, clock,
                properties.simulatedAudienceSeed() == null ? new SplittableRandom() : new SplittableRandom(properties.simulatedAudienceSeed()));
    }

    SimulatedAudience(DemoProperties properties, LiveSessions sessions, Shelf shelf, FlashSales flashSales, LiveRooms rooms,
                      Follows follows, FanClubs fanClubs, Orders orders, Ledger ledger, Accounts accounts, Products products, Ids ids,
                      Clock clock, RandomGenerator random) {
        this.properties = properties;
        this.sessions = sessions;
        this.shelf = shelf;
        this.flashSales = flashSales;
        this.rooms = rooms;
        this.follows = follows;
        this.fanClubs = fanClubs;
        this.orders = orders;
        this.ledger = ledger;
        this.accounts = accounts;
        this.products = products;
        this.ids = ids;
        this.clock = clock;
        this.random = random;
    }

    @Scheduled(fixedDelayString = "${laotie.demo.simulated-audience-interval:3s}",
            initialDelayString = "${laotie.demo.simulated-audience-interval:3s}")
    void tick() {
        if (!properties.simulatedAudience() || !running) {
            return;
        }
        try {
            Beat beat = step();
            log.debug("Simulated audience: {}", beat);
        } catch (RuntimeException e) { // step() catches its own; this is the last guard of the scheduler thread
            warn("A beat of the simulated audience failed", e);
        }
    }

    /** One beat in every simulated LIVE room. Never throws: what fails is logged and skipped. */
    synchronized Beat step() {
        Tally tally = new Tally();
        List<LiveSession> live;
        List<Viewer> audience;
        try {
            live = simulatedLiveSessions();
            audience = live.isEmpty() ? List.of() : audience(); // no demo rooms, no look-ups
        } catch (RuntimeException e) {
            warn("The simulated audience cannot find its rooms", e);
            return tally.beat(0);
        }
        if (audience.isEmpty()) {
            return tally.beat(0);
        }
        int roomCount = 0;
        for (LiveSession session : live) {
            if (stopped) {
                break; // the application is stopping
            }
            roomCount++;
            beat(session, audience, tally);
        }
        return tally.beat(roomCount);
    }

    /**
     * One beat in one room, as the session was when listed (it may have ended since, which skips the beat). Never
     * throws.
     */
    synchronized Beat step(LiveSession session) {
        Tally tally = new Tally();
        try {
            beat(session, audience(), tally);
        } catch (RuntimeException e) { // finding the audience failed; beat() catches its own
            warn("The simulated audience cannot find its viewers", e);
        }
        return tally.beat(1);
    }

    private void beat(LiveSession session, List<Viewer> audience, Tally tally) {
        long id = session.id();
        try {
            if (audience.isEmpty() || !stillLive(id)) {
                return; // nobody to act, or ended since it was listed
            }
            List<ShelfItem> onSale = shelf.items(id).stream().filter(ShelfItem::onSale).toList();
            for (Viewer viewer : pick(audience, 1 + random.nextInt(3))) {
                if (attempt("comment", id, () -> rooms.comment(id, viewer.caller().accountId(), say(onSale, session, viewer)))) {
                    tally.comments++;
                }
            }
            for (Viewer viewer : pick(audience, 1 + random.nextInt(4))) {
                long taps = 1 + random.nextInt(30);
                if (attempt("like", id, () -> rooms.like(id, viewer.caller().accountId(), taps))) {
                    tally.likes++;
                }
            }
            if (random.nextDouble() < FOLLOW_CHANCE) {
                long viewerId = audience.get(random.nextInt(audience.size())).caller().accountId();
                if (!follows.follows(viewerId, session.creatorId()) && stillLive(id)
                        && attempt("follow", id, () -> follows.follow(viewerId, session.creatorId(), FollowSource.ROOM, id))) {
                    tally.follows++;
                }
            }
            if (random.nextDouble() < JOIN_CHANCE) {
                long viewerId = audience.get(random.nextInt(audience.size())).caller().accountId();
                if (fanClubs.membership(session.creatorId(), viewerId).isEmpty() && stillLive(id)
                        && attempt("fan-club join", id, () -> fanClubs.join(viewerId, session.creatorId(), FollowSource.ROOM, id))) {
                    tally.joins++;
                }
            }
            if (random.nextDouble() < BUY_CHANCE) {
                Viewer viewer = audience.get(random.nextInt(audience.size()));
                if (attempt("purchase", id, () -> buy(id, onSale, session.explainingItemId(), viewer))) {
                    tally.purchases++;
                }
            }
            List<FlashSale> open = flashSales.of(id).stream().filter(sale -> sale.status() != FlashSaleStatus.ENDED).toList();
            if (open.isEmpty() && random.nextDouble() < FLASH_SALE_CHANCE) {
                if (attempt("flash sale", id, () -> startFlashSale(session, onSale))) {
                    tally.flashSales++;
                }
            }
            for (FlashSale sale : open) {
                if (sale.status() == FlashSaleStatus.RUNNING && sale.remaining() > 0 && random.nextDouble() < GRAB_CHANCE) {
                    Viewer viewer = audience.get(random.nextInt(audience.size()));
                    if (attempt("flash-sale purchase", id, () -> grab(sale, viewer))) {
                        tally.purchases++;
                    }
                }
            }
        } catch (RuntimeException e) {
            warn("The simulated audience of room " + id + " missed a beat", e);
        }
    }

    /** A comment about the goods on the shelf, mostly the explaining item. */
    private String say(List<ShelfItem> onSale, LiveSession session, Viewer viewer) {
        return topic(onSale, session.explainingItemId())
                .map(item -> RoomChatter.about(item, goods(item), viewer.who().city(), random))
                .orElse("主播好，今天上什么好东西？");
    }

    /** Buys one affordable SKU with stock to spare, mostly of the explaining item, and pays from the wallet. */
    private void buy(long sessionId, List<ShelfItem> onSale, @Nullable Long explainingItemId, Viewer viewer) {
        Optional<ShelfItem> item = topic(onSale, explainingItemId);
        if (item.isEmpty()) {
            throw new Skipped("nothing on sale");
        }
        List<ShelfItem.Sku> affordable = item.get().skus().stream()
                .filter(sku -> sku.available() >= STOCK_TO_SPARE)
                .filter(sku -> (sku.livePrice() != null ? sku.livePrice() : sku.price()) <= MAX_PRICE_FEN)
                .toList();
        if (affordable.isEmpty()) {
            throw new Skipped("no SKU of " + item.get().title() + " to spare");
        }
        ShelfItem.Sku sku = affordable.get(random.nextInt(affordable.size()));
        int quantity = random.nextDouble() < 0.2 ? 2 : 1;
        OrderView order = orders.place(viewer.caller(),
                new NewOrder(List.of(new NewOrder.Line(sku.skuId(), quantity, item.get().id())), null, sessionId), viewer.client());
        pay(order, viewer);
    }

    /** Pays from the wallet, topping it up first when it runs low. */
    private void pay(OrderView order, Viewer viewer) {
        long accountId = viewer.caller().accountId();
        if (ledger.balance(AccountRef.wallet(accountId)) < order.total()) {
            ledger.topUp(accountId, WALLET_REFILL_FEN, "demo-audience:" + viewer.caller().handle() + ":" + ids.next());
        }
        orders.pay(order.id(), viewer.caller());
    }

    /**
     * The creator starts a flash sale of 5–20 units of an affordable SKU with stock to spare, at about 30 % off, one
     * per buyer, opening after 30 s and running three minutes.
     */
    private void startFlashSale(LiveSession session, List<ShelfItem> onSale) {
        List<ShelfItem.Sku> candidates = new ArrayList<>();
        List<ShelfItem> itemOf = new ArrayList<>();
        for (ShelfItem item : onSale) {
            for (ShelfItem.Sku sku : item.skus()) {
                if (sku.available() >= STOCK_TO_SPARE + 5 && sku.price() <= MAX_PRICE_FEN) {
                    candidates.add(sku);
                    itemOf.add(item);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new Skipped("no SKU with stock to spare for a flash sale");
        }
        int pick = random.nextInt(candidates.size());
        ShelfItem.Sku sku = candidates.get(pick);
        int quantity = (int) Math.min(5 + random.nextInt(16), sku.available() - STOCK_TO_SPARE);
        long usual = sku.livePrice() != null ? sku.livePrice() : sku.price();
        Caller creator = accounts.callerOf(session.creatorId()).orElseThrow(() -> new Skipped("the creator is not active"));
        flashSales.create(session.id(), creator, new NewFlashSale(itemOf.get(pick).id(), sku.skuId(), Math.max(1, usual * 7 / 10),
                quantity, 1, 30, 180));
    }

    /** A viewer grabs one unit of a running flash sale in the room and pays for it. */
    private void grab(FlashSale sale, Viewer viewer) {
        OrderView order = orders.place(viewer.caller(), new NewOrder(List.of(new NewOrder.Line(sale.skuId(), 1, sale.shelfItemId())),
                null, sale.liveSessionId()), viewer.client());
        pay(order, viewer);
    }

    /** What a viewer talks about or buys: the explaining item more often than not. */
    private Optional<ShelfItem> topic(List<ShelfItem> onSale, @Nullable Long explainingItemId) {
        if (onSale.isEmpty()) {
            return Optional.empty();
        }
        if (explainingItemId != null && random.nextDouble() < 0.6) {
            Optional<ShelfItem> explaining = onSale.stream().filter(i -> explainingItemId.equals(i.id())).findFirst();
            if (explaining.isPresent()) {
                return explaining;
            }
        }
        return Optional.of(onSale.get(random.nextInt(onSale.size())));
    }

    private RoomChatter.Goods goods(ShelfItem item) {
        return goodsByProduct.computeIfAbsent(item.productId(),
                productId -> RoomChatter.Goods.ofCategory(products.view(productId, Optional.empty()).categoryId()));
    }

    private boolean stillLive(long sessionId) {
        return sessions.find(sessionId).map(row -> row.status() == SessionStatus.LIVE).orElse(false);
    }

    private List<LiveSession> simulatedLiveSessions() {
        List<LiveSession> live = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageOf<LiveSession> found = sessions.list(SessionStatus.LIVE, null, new PageRequest(page, PageRequest.MAX_SIZE));
            found.items().stream().filter(LiveSession::simulated).forEach(live::add);
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= found.total()) {
                return live;
            }
        }
    }

    /** The simulated viewers, looked up once they all exist (the demo seed makes them). */
    private List<Viewer> audience() {
        if (viewers.isEmpty()) {
            List<Viewer> found = new ArrayList<>();
            for (SimulatedViewers.Viewer who : SimulatedViewers.ALL) {
                accounts.findByHandle(who.handle()).flatMap(a -> accounts.callerOf(a.id())).ifPresent(caller -> found.add(
                        new Viewer(caller, who, new ClientInfo("127.0.0.1", "LaotieDemo/1.0 (simulated audience)", "simulated-" + who.handle()))));
            }
            viewers = List.copyOf(found);
        }
        return viewers;
    }

    /** {@code n} different viewers (fewer if the audience is smaller), so no one viewer runs into the rate limit. */
    private List<Viewer> pick(List<Viewer> audience, int n) {
        List<Viewer> shuffled = new ArrayList<>(audience);
        int count = Math.min(n, shuffled.size());
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(shuffled.size() - i);
            Viewer swap = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swap);
        }
        return shuffled.subList(0, count);
    }

    /** Runs one action; a business refusal (rate limit, muted, sold out, session ended) only skips it. */
    private boolean attempt(String what, long sessionId, Runnable action) {
        try {
            action.run();
            return true;
        } catch (Problem | Skipped e) {
            log.debug("Simulated {} in room {} skipped: {}", what, sessionId, e.getMessage());
        } catch (RuntimeException e) {
            warn("Simulated " + what + " in room " + sessionId + " failed", e);
        }
        return false;
    }

    /** Warns at most once a minute, so a broken database does not flood the log every beat. */
    private void warn(String message, RuntimeException e) {
        Instant now = clock.instant();
        synchronized (this) {
            if (Duration.between(lastWarning, now).compareTo(WARN_AT_MOST_EVERY) < 0) {
                log.debug(message, e);
                return;
            }
            lastWarning = now;
        }
        log.warn(message, e);
    }

    /** An action the audience chose not to take after all. */
    private static final class Skipped extends RuntimeException {
        Skipped(String why) {
            super(why, null, false, false);
        }
    }

    @Override
    public void start() {
        running = true;
        if (properties.simulatedAudience()) {
            log.info("Simulated audience on: {} simulated viewers act in the simulated live rooms every {} ms",
                    SimulatedViewers.ALL.size(), properties.simulatedAudienceInterval().toMillis());
        }
    }

    @Override
    public void stop() {
        running = false;
        stopped = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
