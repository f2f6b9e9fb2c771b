package io.laotie.social;

/**
 * Answers whether a live session is a room of a creator, so a follow or fan-club join from a room can name the
 * session without the client crediting a room of its choosing. The live module implements it.
 */
public interface RoomDirectory {

    boolean isRoomOf(long liveSessionId, long creatorId);
}
