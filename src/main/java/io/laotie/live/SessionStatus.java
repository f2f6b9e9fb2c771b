package io.laotie.live;

/**
 * Where a live session stands: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. While live, a dropped stream makes
 * it INTERRUPTED until its creator reconnects (back to LIVE) or the reconnect grace runs out (ENDED).
 */
public enum SessionStatus {
    SCHEDULED, LIVE, INTERRUPTED, ENDED, CANCELLED;

    /** The shelf may change, and viewers may talk, before and during the broadcast. */
    public boolean open() {
        return this == SCHEDULED || onAir();
    }

    /**
     * The room is on: live, or interrupted and waiting for its creator. Viewers stay, like and buy; the creator's one
     * live slot stays taken.
     */
    public boolean onAir() {
        return this == LIVE || this == INTERRUPTED;
    }
}
