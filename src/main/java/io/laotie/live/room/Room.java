package io.laotie.live.room;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** One live session's audience and what waits to be sent to it. Fields without a note are touched by the ticker only. */
final class Room {

    /** A viewer's comment waiting for the next batch: everyone may get it as a sample, its author always does. */
    record PendingComment(long authorId, String json) {
    }

    final long liveSessionId;
    final long creatorId;
    final Map<String, Connection> connections = new ConcurrentHashMap<>();
    /** Frames every viewer must receive (the creator's comments, purchases, shelf changes, …); any thread adds. */
    final Queue<String> mustFrames = new ConcurrentLinkedQueue<>();
    /** Viewers' comments since the last batch; any thread adds. */
    final Queue<PendingComment> comments = new ConcurrentLinkedQueue<>();
    final AtomicLong likes;
    final AtomicLong likesDelta = new AtomicLong();
    final AtomicLong commentsDelta = new AtomicLong();
    final AtomicLong watchSecondsDelta = new AtomicLong();
    final AtomicLong viewerSamplesDelta = new AtomicLong();
    final AtomicLong sampledSecondsDelta = new AtomicLong();
    volatile int peakViewers;
    volatile boolean live;
    volatile boolean ended;
    double commentBudget;
    long likesSent = -1;
    long viewersSent = -1;
    long lastSecond;

    Room(long liveSessionId, long creatorId, long likes, boolean live) {
        this.liveSessionId = liveSessionId;
        this.creatorId = creatorId;
        this.likes = new AtomicLong(likes);
        this.live = live;
    }
}
