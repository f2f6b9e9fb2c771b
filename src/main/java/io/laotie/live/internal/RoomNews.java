package io.laotie.live.internal;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.live.LiveSessions;
import io.laotie.live.SessionStarted;
import io.laotie.live.room.Frame;
import io.laotie.live.room.RoomHub;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderPlaced;
import io.laotie.social.CreatorFollowed;
import io.laotie.social.FanClubJoined;
import io.laotie.social.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * What other modules report that a room must hear and count: purchases paid in it, follows and fan-club joins made
 * from it. Each is counted once (a redelivered event finds its row already there) and told to the room, without
 * personal data: a purchase says the buyer's city, never who. When a session starts, its bookers and the creator's
 * followers are told in their inbox.
 */
@Component
class RoomNews {

    private final JdbcClient jdbc;
    private final LiveSessions sessions;
    private final Accounts accounts;
    private final Inbox inbox;
    private final RoomHub hub;

    RoomNews(JdbcClient jdbc, LiveSessions sessions, Accounts accounts, Inbox inbox, RoomHub hub) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.accounts = accounts;
        this.inbox = inbox;
        this.hub = hub;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        Long sessionId = paid.attribution().liveSessionId();
        if (sessionId == null) {
            return;
        }
        int first = jdbc.sql("insert into live_session_orders (order_id, live_session_id, total, paid_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(paid.orderId(), sessionId, paid.total(), Timestamp.from(paid.at())).update();
        if (first == 0) {
            return;
        }
        jdbc.sql("update live_sessions set orders = orders + 1, paid_gmv = paid_gmv + ? where id = ?")
                .params(paid.total(), sessionId).update();
        for (OrderPlaced.Line line : paid.lines()) {
            if (line.shelfItemId() != null) {
                jdbc.sql("update shelf_items set orders = orders + 1, units = units + ?, paid_amount = paid_amount + ? where id = ?")
                        .params(line.quantity(), line.quantity() * line.unitPrice(), line.shelfItemId()).update();
            }
        }
        OrderPlaced.Line firstLine = paid.lines().getFirst();
        hub.broadcast(sessionId, Frame.of("purchase")
                .with("city", accounts.find(paid.attribution().buyerId()).map(Account::city).orElse(null))
                .with("item", firstLine.title())
                .with("shelfItemId", firstLine.shelfItemId())
                .with("quantity", paid.lines().stream().mapToInt(OrderPlaced.Line::quantity).sum())
                .with("at", paid.at().toString()));
    }

    @ApplicationModuleListener
    void on(CreatorFollowed followed) {
        Long sessionId = followed.liveSessionId();
        if (sessionId != null && jdbc.sql("update live_sessions set new_followers = new_followers + 1 where id = ?").param(sessionId).update() == 1) {
            hub.broadcast(sessionId, Frame.of("follow").with("viewer", accounts.get(followed.viewerId()).displayName()));
        }
    }

    @ApplicationModuleListener
    void on(FanClubJoined joined) {
        Long sessionId = joined.liveSessionId();
        if (sessionId != null && jdbc.sql("update live_sessions set fan_club_joins = fan_club_joins + 1 where id = ?").param(sessionId).update() == 1) {
            hub.broadcast(sessionId, Frame.of("fan-club").with("viewer", accounts.get(joined.viewerId()).displayName()));
        }
    }

    @ApplicationModuleListener
    void on(SessionStarted started) {
        inbox.sessionStarted(started.creatorId(), started.liveSessionId(), started.title(), sessions.bookedBy(started.liveSessionId()));
    }
}
