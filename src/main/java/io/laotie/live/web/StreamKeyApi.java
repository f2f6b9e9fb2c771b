package io.laotie.live.web;

import io.laotie.identity.Caller;
import io.laotie.live.StreamKey;
import io.laotie.live.StreamKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A creator's own stream key and ingest URL, and its rotation. Answers are never stored by caches. */
@RestController
@RequestMapping("/api/creators/me/stream-key")
class StreamKeyApi {

    private final StreamKeys keys;

    StreamKeyApi(StreamKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    ResponseEntity<StreamKey> get(Caller caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(keys.of(caller));
    }

    @PostMapping("/rotation")
    ResponseEntity<StreamKey> rotate(Caller caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(keys.rotate(caller));
    }
}
