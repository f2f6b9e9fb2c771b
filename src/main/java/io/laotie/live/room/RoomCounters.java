package io.laotie.live.room;

/** What a room counted since the counters were last taken; {@code peakViewers} is the peak so far. */
public record RoomCounters(long liveSessionId, long likes, long comments, long watchSeconds, long viewerSamples,
                           long sampledSeconds, int peakViewers) {

    public boolean isEmpty() {
        return likes == 0 && comments == 0 && watchSeconds == 0 && sampledSeconds == 0;
    }
}
