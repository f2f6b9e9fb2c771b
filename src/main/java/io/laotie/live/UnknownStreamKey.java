package io.laotie.live;

import io.laotie.platform.Problem;

/** A publish or publish-done named a stream key no creator holds (any more): the media server drops the stream (403). */
public class UnknownStreamKey extends Problem {

    public UnknownStreamKey() {
        super("forbidden", 403, "Forbidden", "No creator publishes with this stream key");
    }
}
