package io.laotie.demo;

import io.laotie.catalog.ProductView;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.live.LivePrice;
import io.laotie.live.LiveRooms;
import io.laotie.live.LiveSession;
import io.laotie.live.LiveSessions;
import io.laotie.live.NewLiveSession;
import io.laotie.live.NewShelfItem;
import io.laotie.live.Shelf;
import io.laotie.live.ShelfItem;
import io.laotie.order.NewOrder;
import io.laotie.order.Orders;
import io.laotie.social.FanClubs;
import io.laotie.social.FollowSource;
import io.laotie.social.Follows;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's hands in a live room: a creator opens a session, fills the shelf with live prices, goes live and points
 * at the explaining item; viewers comment, like, follow, join the fan club and buy from the shelf. Everything goes
 * through the live, social and order façades, so the demo rooms obey the rules real rooms do (moderation, live
 * pricing, attribution by the server).
 */
@Component
class DemoRooms {

    /** A demo creator and the goods of their shop. */
    record Stall(Caller creator, List<ProductView> goods) {

        /** The product whose title contains {@code titlePart}. */
        ProductView product(String titlePart) {
            return goods.stream().filter(p -> p.title().contains(titlePart)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("demo product '" + titlePart + "' is missing"));
        }
    }

    static final ClientInfo PHONE = new ClientInfo("127.0.0.1", "LaotieApp/1.0 (demo)", "demo-device");

    private final Accounts accounts;
    private final LiveSessions sessions;
    private final Shelf shelf;
    private final LiveRooms rooms;
    private final Follows follows;
    private final FanClubs fanClubs;
    private final Orders orders;

    DemoRooms(Accounts accounts, LiveSessions sessions, Shelf shelf, LiveRooms rooms, Follows follows, FanClubs fanClubs,
              Orders orders) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.shelf = shelf;
        this.rooms = rooms;
        this.follows = follows;
        this.fanClubs = fanClubs;
        this.orders = orders;
    }

    /** A session of the stall's creator, planned for now unless {@code scheduledAt} is given. */
    Room create(Stall stall, String title, @Nullable OffsetDateTime scheduledAt, boolean simulated) {
        String cover = stall.goods().getFirst().imageUrls().stream().findFirst().orElse(null);
        LiveSession session = sessions.create(stall.creator(), new NewLiveSession(title, cover, scheduledAt), simulated);
        return new Room(stall, session.id());
    }

    Caller caller(String handle) {
        return accounts.findByHandle(handle).flatMap(a -> accounts.callerOf(a.id()))
                .orElseThrow(() -> new IllegalStateException("demo account " + handle + " is missing"));
    }

    /** One session, acted on by its creator and its viewers. */
    final class Room {

        private final Stall stall;
        private final long id;
        private final Map<Long, ShelfItem> itemsByProduct = new HashMap<>();

        private Room(Stall stall, long id) {
            this.stall = stall;
            this.id = id;
        }

        long id() {
            return id;
        }

        /** Puts the products on the shelf in this order, every SKU at {@code percentOff} below its price. */
        Room shelve(int percentOff, String... titleParts) {
            for (String part : titleParts) {
                ProductView product = stall.product(part);
                List<LivePrice> prices = product.skus().stream()
                        .map(sku -> new LivePrice(sku.id(), livePrice(sku.price(), percentOff))).toList();
                ShelfItem item = shelf.add(id, stall.creator(), new NewShelfItem(product.id(), prices));
                itemsByProduct.put(product.id(), item);
            }
            return this;
        }

        Room start() {
            sessions.start(id, stall.creator());
            return this;
        }

        Room explain(String titlePart) {
            shelf.explain(id, item(titlePart).id(), stall.creator());
            return this;
        }

        Room end() {
            sessions.end(id, stall.creator());
            return this;
        }

        /** A comment by a viewer, or by the creator when {@code who} is the creator. */
        Room say(Caller who, String text) {
            rooms.comment(id, who.accountId(), text);
            return this;
        }

        /** The creator answers in the room. */
        Room answer(String text) {
            return say(stall.creator(), text);
        }

        Room like(Caller viewer, long taps) {
            rooms.like(id, viewer.accountId(), taps);
            return this;
        }

        Room book(Caller viewer) {
            sessions.book(id, viewer);
            return this;
        }

        Room follow(Caller viewer) {
            follows.follow(viewer.accountId(), stall.creator().accountId(), FollowSource.ROOM, id);
            return this;
        }

        /** Joins the creator's fan club from the room (following too). */
        Room join(Caller viewer) {
            fanClubs.join(viewer.accountId(), stall.creator().accountId(), FollowSource.ROOM, id);
            return this;
        }

        /** Buys from the shelf in the room and pays from the wallet; answers the order id. */
        long buy(Caller buyer, String titlePart, int skuIndex, int quantity) {
            ShelfItem item = item(titlePart);
            long skuId = item.skus().get(skuIndex).skuId();
            long orderId = orders.place(buyer, new NewOrder(List.of(new NewOrder.Line(skuId, quantity, item.id())), null, id), PHONE).id();
            orders.pay(orderId, buyer);
            return orderId;
        }

        private ShelfItem item(String titlePart) {
            ProductView product = stall.product(titlePart);
            ShelfItem item = itemsByProduct.get(product.id());
            if (item == null) {
                throw new IllegalStateException("'" + titlePart + "' is not on the shelf of session " + id);
            }
            return item;
        }
    }

    /** {@code percentOff} below the price, rounded down to ten fen, and always below the price. */
    static long livePrice(long price, int percentOff) {
        long off = price - price * percentOff / 100;
        long rounded = off / 10 * 10;
        return Math.max(1, Math.min(rounded, price - 1));
    }
}
