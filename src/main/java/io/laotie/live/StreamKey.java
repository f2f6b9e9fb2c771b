package io.laotie.live;

/**
 * A creator's secret stream key and where to publish with it (OBS: server = the ingest base, stream key = the key;
 * {@code ingestUrl} is both joined). Shown to its owner only.
 */
public record StreamKey(String streamKey, String ingestUrl) {

    /** Never the key itself: a record's default string would put it into whatever logs this. */
    @Override
    public String toString() {
        return "StreamKey[hidden]";
    }
}
