package io.laotie.live;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.live.room.Connection;
import io.laotie.live.room.Frame;
import io.laotie.live.room.RoomHub;
import io.laotie.platform.RateLimited;
import io.laotie.platform.RateLimiter;
import io.laotie.social.Comment;
import io.laotie.social.RoomSignals;
import org.springframework.stereotype.Service;
import org.springframework.web.socket.WebSocketSession;

import java.time.Clock;
import java.util.Optional;

/**
 * What viewers do in a live room, whether they come over the WebSocket or REST: enter and leave, comment, like.
 * Every refusal is a {@link Refusal} with its reason; nothing refused is stored or broadcast.
 */
@Service
public class LiveRooms {

    public static final int RECENT_COMMENTS = 30;

    private final LiveSessions sessions;
    private final Shelf shelf;
    private final Moderation moderation;
    private final RoomSignals signals;
    private final Accounts accounts;
    private final RoomHub hub;
    private final LiveProperties.Moderation rules;
    private final RateLimiter commentLimiter;
    private final Playback playback;

    LiveRooms(LiveSessions sessions, Shelf shelf, Moderation moderation, RoomSignals signals, Accounts accounts, RoomHub hub,
              LiveProperties properties, Clock clock, Playback playback) {
        this.playback = playback;
        this.sessions = sessions;
        this.shelf = shelf;
        this.moderation = moderation;
        this.signals = signals;
        this.accounts = accounts;
        this.hub = hub;
        this.rules = properties.moderation();
        this.commentLimiter = new RateLimiter("comment", rules.commentsPerWindow(), rules.commentWindow(), clock);
        hub.onLeave(this::left);
    }

    /** A viewer (signed in or not) opens the room's channel; answers the connection, welcomed with a {@code hello}. */
    public Connection enter(long liveSessionId, WebSocketSession socket, Optional<Caller> viewer, Optional<String> viewerName) {
        LiveSessions.Row session = sessions.row(liveSessionId);
        hub.open(liveSessionId, session.creatorId(), session.likes(), session.status().onAir());
        Connection connection = hub.join(liveSessionId, socket, viewer.map(Caller::accountId).orElse(null), viewerName.orElse(null));
        hub.sendTo(connection, Frame.of("hello")
                .with("liveSessionId", liveSessionId)
                .with("status", session.status().name())
                .with("playbackUrl", playback.url(liveSessionId, session.status()))
                .with("signedIn", viewer.isPresent())
                .with("viewerId", viewer.map(Caller::accountId).orElse(null))
                .with("creatorId", session.creatorId())
                .with("explainingItemId", session.explainingItemId())
                .with("likes", hub.likes(liveSessionId).orElse(session.likes()))
                .with("viewers", hub.viewers(liveSessionId))
                .with("comments", signals.recentComments(liveSessionId, session.creatorId(), RECENT_COMMENTS).stream()
                        .map(c -> commentFrame(c, session.creatorId()).asMap()).toList()));
        if (!session.status().open()) {
            hub.end(liveSessionId);
            return connection;
        }
        if (session.status().onAir()) {
            if (session.explainingItemId() != null) {
                shelf.seen(session.explainingItemId(), 1);
            }
            viewer.ifPresent(v -> signals.entered(liveSessionId, session.creatorId(), v.accountId()));
        }
        return connection;
    }

    /** The connection ended: a signed-in viewer's watch time becomes a signal. */
    private void left(Connection connection) {
        Long viewerId = connection.viewerId();
        long liveSessionId = connection.liveSessionId();
        if (viewerId != null) {
            sessions.find(liveSessionId).ifPresent(session ->
                    signals.left(liveSessionId, session.creatorId(), viewerId, connection.enteredAt()));
        }
        hub.forgetIfEmpty(liveSessionId);
    }

    /** Checks, stores and broadcasts a comment. */
    public Comment comment(long liveSessionId, long authorId, String rawText) {
        Account author = accounts.find(authorId).filter(Account::active)
                .orElseThrow(() -> new Refusal(Refusal.Reason.UNAUTHENTICATED, "Sign in with an active account to comment"));
        LiveSessions.Row session = sessions.row(liveSessionId);
        if (!session.status().open()) {
            throw new Refusal(Refusal.Reason.NOT_LIVE, "Session " + liveSessionId + " is " + session.status());
        }
        String text = rawText.strip();
        if (text.isEmpty()) {
            throw new Refusal(Refusal.Reason.EMPTY, "A comment needs some text");
        }
        if (text.codePointCount(0, text.length()) > rules.maxCommentLength()) {
            throw new Refusal(Refusal.Reason.TOO_LONG, "A comment has at most " + rules.maxCommentLength() + " characters");
        }
        boolean creator = authorId == session.creatorId();
        if (!creator && moderation.muted(liveSessionId, authorId)) {
            throw new Refusal(Refusal.Reason.MUTED, "The creator muted you in this room");
        }
        if (moderation.blockedWordIn(text).isPresent()) {
            throw new Refusal(Refusal.Reason.BLOCKED_WORD, "Please rephrase: the comment contains a word this platform blocks");
        }
        if (!creator) {
            try {
                commentLimiter.acquire(liveSessionId + ":" + authorId);
            } catch (RateLimited e) {
                throw new Refusal(Refusal.Reason.RATE_LIMITED, "At most " + rules.commentsPerWindow() + " comments per "
                        + rules.commentWindow().toSeconds() + " s");
            }
        }
        Comment comment = signals.comment(liveSessionId, session.creatorId(), authorId, author.displayName(), text);
        hub.open(liveSessionId, session.creatorId(), session.likes(), session.status().onAir());
        hub.comment(liveSessionId, authorId, commentFrame(comment, session.creatorId()));
        return comment;
    }

    /** Counts likes while the session is live; answers the room's new total. */
    public long like(long liveSessionId, long viewerId, long count) {
        if (count < 1 || count > rules.maxLikesPerFrame()) {
            throw new Refusal(Refusal.Reason.BAD_COUNT, "count must be 1 to " + rules.maxLikesPerFrame());
        }
        // a like frame comes thousands of times a second: an open room answers from memory, only a closed one asks the database
        RoomHub.RoomState room = hub.state(liveSessionId).orElseGet(() -> {
            LiveSessions.Row session = sessions.row(liveSessionId);
            if (session.status().onAir()) {
                hub.open(liveSessionId, session.creatorId(), session.likes(), true);
            }
            return new RoomHub.RoomState(session.creatorId(), session.status().onAir());
        });
        if (!room.live()) {
            throw new Refusal(Refusal.Reason.NOT_LIVE, "Likes count while the session is live");
        }
        signals.like(liveSessionId, room.creatorId(), viewerId, count);
        return hub.like(liveSessionId, count);
    }

    /** Answers a refusal or a pong to one connection only. */
    public void notice(Connection connection, String code, String message) {
        hub.sendTo(connection, Frame.of("notice").with("code", code).with("message", message));
    }

    public void pong(Connection connection) {
        hub.sendTo(connection, Frame.of("pong"));
    }

    static Frame commentFrame(Comment comment, long creatorId) {
        return Frame.of("comment")
                .with("id", comment.id())
                .with("authorId", comment.authorId())
                .with("author", comment.authorName())
                .with("text", comment.text())
                .with("badge", comment.badge())
                .with("creator", comment.authorId() == creatorId)
                .with("at", comment.at().toString());
    }
}
