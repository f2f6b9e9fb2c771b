package io.laotie.platform;

import java.time.Clock;

/**
 * Snowflake-style 64-bit ids: milliseconds since {@link #EPOCH_MILLIS}, then the node, then a per-millisecond
 * sequence. Time-ordered, unique across nodes as long as every node has its own {@code laotie.ids.node-id},
 * and generated without the database, so data can later be sharded by key. Thread-safe.
 */
public final class Ids {

    /** 2026-01-01T00:00:00Z. */
    public static final long EPOCH_MILLIS = 1_767_225_600_000L;
    private static final int TIME_BITS = 41;

    private final Clock clock;
    private final int nodeBits;
    private final int sequenceBits;
    private final long node;
    private final long maxSequence;
    private long lastMillis = -1;
    private long sequence;

    public Ids(Clock clock, int nodeBits, long nodeId) {
        if (nodeBits < 0 || nodeBits > 16) {
            throw new IllegalArgumentException("laotie.ids.node-bits must be 0..16, was " + nodeBits);
        }
        if (nodeId < 0 || nodeId >= (1L << nodeBits) && !(nodeBits == 0 && nodeId == 0)) {
            throw new IllegalArgumentException("laotie.ids.node-id must fit in " + nodeBits + " bits, was " + nodeId);
        }
        this.clock = clock;
        this.nodeBits = nodeBits;
        this.sequenceBits = 63 - TIME_BITS - nodeBits;
        this.node = nodeId;
        this.maxSequence = (1L << sequenceBits) - 1;
    }

    /** A new id, greater than every id this instance returned before. */
    public synchronized long next() {
        long now = Math.max(clock.millis() - EPOCH_MILLIS, 0);
        if (now < lastMillis) {
            now = lastMillis; // the wall clock stepped back: stay monotonic on the last millisecond
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & maxSequence;
            if (sequence == 0) {
                now = lastMillis + 1; // sequence exhausted: borrow the next millisecond
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return (now << (nodeBits + sequenceBits)) | (node << sequenceBits) | sequence;
    }

    /** The instant (milliseconds since the Unix epoch) an id was made at. */
    public long millisOf(long id) {
        return (id >>> (nodeBits + sequenceBits)) + EPOCH_MILLIS;
    }
}
