package io.laotie.live;

/** Where a live session stands: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. */
public enum SessionStatus {
    SCHEDULED, LIVE, ENDED, CANCELLED;

    /** The shelf may change, and viewers may talk, before and during the broadcast. */
    public boolean open() {
        return this == SCHEDULED || this == LIVE;
    }
}
