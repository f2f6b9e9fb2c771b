package io.laotie.live.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The room channel at {@code /ws/rooms/{liveSessionId}}. Browsers may connect from this site only (their cookie
 * signs them in); other clients send no Origin and sign in with {@code ?access_token=}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RoomSocketConfig implements WebSocketConfigurer {

    private final RoomSocketHandler handler;
    private final RoomHandshake handshake;

    RoomSocketConfig(RoomSocketHandler handler, RoomHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/rooms/*").addInterceptors(handshake);
    }
}
