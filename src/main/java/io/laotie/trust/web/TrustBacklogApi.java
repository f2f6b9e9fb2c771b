package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.trust.TrustBacklog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the trust chain has yet to absorb, and putting set-aside events back in line (operators; docs/trust-inbox.md). */
@RestController
@RequestMapping("/api/operator/trust")
class TrustBacklogApi {

    private final TrustBacklog backlog;

    TrustBacklogApi(TrustBacklog backlog) {
        this.backlog = backlog;
    }

    @GetMapping("/backlog")
    TrustBacklog.Summary summary(Caller caller) {
        return backlog.summary(caller);
    }

    @GetMapping("/set-aside-events")
    PageOf<TrustBacklog.SetAside> setAside(Caller caller, @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return backlog.setAside(caller, PageRequest.of(page, size));
    }

    @PostMapping("/set-aside-events/{id}/retry")
    Retried retry(Caller caller, @PathVariable long id) {
        backlog.retry(caller, id);
        return new Retried(String.valueOf(id), "WAITING");
    }

    record Retried(String id, String status) {
    }
}
