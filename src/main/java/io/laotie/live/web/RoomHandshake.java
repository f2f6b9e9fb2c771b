package io.laotie.live.web;

import io.laotie.identity.ApiTokens;
import io.laotie.identity.Caller;
import io.laotie.live.LiveSessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;
import java.util.Optional;

/**
 * Admits a connection to a room that exists (404 otherwise) and says who is watching: the browser's signed-in
 * session, or the account of {@code ?access_token=} (401 for a token that does not work), or nobody.
 */
@Component
class RoomHandshake implements HandshakeInterceptor {

    static final String SESSION = "liveSessionId";
    static final String CALLER = "caller";

    private final LiveSessions sessions;
    private final ApiTokens tokens;

    RoomHandshake(LiveSessions sessions, ApiTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String path = request.getURI().getPath();
        long liveSessionId;
        try {
            liveSessionId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        if (sessions.find(liveSessionId).isEmpty()) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        Optional<Caller> caller = Optional.empty();
        String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
        if (token != null) {
            caller = tokens.resolve(token);
            if (caller.isEmpty()) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
        } else if (request.getPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof Caller signedIn) {
            caller = Optional.of(signedIn);
        }
        attributes.put(SESSION, liveSessionId);
        caller.ifPresent(c -> attributes.put(CALLER, c));
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
