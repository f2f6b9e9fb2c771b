package io.laotie.live.web;

import io.laotie.identity.Caller;
import io.laotie.live.MediaProperties;
import io.laotie.live.StreamKey;
import io.laotie.live.StreamKeys;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The studio's streaming panel (推流设置): the ingest server for OBS, the creator's stream key shown only when they
 * ask (a reveal link), and a new key on request. The studio loads the panel with htmx; without it the panel is a
 * page of its own. Only creators have a key (403 otherwise); answers are never cached, since they may hold the key.
 */
@Controller
@RequestMapping("/studio/stream-key")
class StreamKeyPages {

    private final StreamKeys keys;
    private final MediaProperties media;

    StreamKeyPages(StreamKeys keys, MediaProperties media) {
        this.keys = keys;
        this.media = media;
    }

    @GetMapping
    String panel(Caller caller, @RequestParam(defaultValue = "false") boolean reveal,
                 @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                 Model model, HttpServletResponse response) {
        StreamKey key = keys.of(caller);
        return show(reveal ? key : null, false, htmx, model, response);
    }

    @PostMapping("/rotation")
    String rotate(Caller caller, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                  Model model, HttpServletResponse response) {
        return show(keys.rotate(caller), true, htmx, model, response);
    }

    private String show(@Nullable StreamKey revealed, boolean rotated, @Nullable String htmx, Model model,
                        HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("ingestServer", media.getIngestBaseUrl());
        model.addAttribute("streamKey", revealed);
        model.addAttribute("rotated", rotated);
        model.addAttribute("graceSeconds", media.getReconnectGrace().toSeconds());
        return htmx != null ? "studio/stream-key :: panel" : "studio/stream-key";
    }
}
