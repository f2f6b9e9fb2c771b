package io.laotie.live.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.live.LiveProperties;
import io.laotie.live.LiveRooms;
import io.laotie.live.Refusal;
import io.laotie.live.room.Connection;
import io.laotie.live.room.RoomHub;
import io.laotie.platform.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Reads client frames ({@code comment}, {@code like}, {@code ping}) and answers every bad one with a {@code notice}
 * to that connection only: malformed JSON, an unknown type, sending without signing in, and every refusal of the
 * room. Nothing a client sends closes its connection, except a frame too large to read (1009, by the container).
 */
@Component
class RoomSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RoomSocketHandler.class);
    private static final String CONNECTION = "connection";

    private final LiveRooms rooms;
    private final RoomHub hub;
    private final Accounts accounts;
    private final JsonMapper json;
    private final int maxFrameBytes;

    RoomSocketHandler(LiveRooms rooms, RoomHub hub, Accounts accounts, JsonMapper json, LiveProperties properties) {
        this.maxFrameBytes = properties.room().maxFrameBytes();
        this.rooms = rooms;
        this.hub = hub;
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        socket.setTextMessageSizeLimit(maxFrameBytes); // larger frames close this connection with 1009
        socket.setBinaryMessageSizeLimit(maxFrameBytes);
        long liveSessionId = (Long) socket.getAttributes().get(RoomHandshake.SESSION);
        Optional<Caller> caller = Optional.ofNullable((Caller) socket.getAttributes().get(RoomHandshake.CALLER));
        Optional<String> name = caller.flatMap(c -> accounts.find(c.accountId())).map(a -> a.displayName());
        socket.getAttributes().put(CONNECTION, rooms.enter(liveSessionId, socket, caller, name));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        Connection connection = (Connection) socket.getAttributes().get(CONNECTION);
        if (connection == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            rooms.notice(connection, "malformed", "A frame is one JSON object with a type");
            return;
        }
        String type = frame.path("type").isString() ? frame.path("type").asString() : "";
        try {
            switch (type) {
                case "ping" -> rooms.pong(connection);
                case "comment" -> {
                    if (!frame.path("text").isString()) {
                        rooms.notice(connection, "malformed", "A comment frame carries its text as a string");
                        return;
                    }
                    rooms.comment(connection.liveSessionId(), signedIn(connection), frame.path("text").asString());
                }
                case "like" -> {
                    JsonNode count = frame.path("count");
                    long likes = count.isMissingNode() ? 1 : count.canConvertToExactIntegral() ? count.asLong() : -1;
                    rooms.like(connection.liveSessionId(), signedIn(connection), likes);
                }
                default -> rooms.notice(connection, "unknown-type",
                        "Unknown frame type '" + type + "'; send comment, like or ping");
            }
        } catch (Refusal refusal) {
            rooms.notice(connection, refusal.reason().code(), refusal.detail());
        } catch (Problem problem) {
            rooms.notice(connection, problem.slug(), problem.detail());
        } catch (RuntimeException e) {
            log.warn("Room {}: a frame failed", connection.liveSessionId(), e);
            rooms.notice(connection, "error", "That did not work; try again");
        }
    }

    /** The signed-in account behind the connection; sending needs one (whether it is still active, the room checks). */
    private long signedIn(Connection connection) {
        Long viewerId = connection.viewerId();
        if (viewerId == null) {
            throw new Refusal(Refusal.Reason.UNAUTHENTICATED, "Sign in to comment and like; watching needs no account");
        }
        return viewerId;
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("Room connection {} failed: {}", socket.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        Connection connection = (Connection) socket.getAttributes().get(CONNECTION);
        if (connection != null) {
            hub.leave(connection.liveSessionId(), connection);
        }
    }
}
