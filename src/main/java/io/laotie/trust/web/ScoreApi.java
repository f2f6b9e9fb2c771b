package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.trust.BrushingFlag;
import io.laotie.trust.CreatorTrust;
import io.laotie.trust.ScoreDistribution;
import io.laotie.trust.Scores;
import io.laotie.trust.ShopExperience;
import io.laotie.trust.TrustScore;
import io.laotie.trust.WeakOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * Reputation and experience scores (public), the orders behind a shop's weak points (its owner or an operator),
 * brushing flags and score distributions (operators).
 */
@RestController
@RequestMapping("/api")
class ScoreApi {

    private final Scores scores;

    ScoreApi(Scores scores) {
        this.scores = scores;
    }

    @GetMapping("/creators/{id}/trust")
    CreatorTrust creator(@PathVariable long id) {
        return scores.creator(id);
    }

    @GetMapping("/shops/{id}/experience")
    ShopExperience shop(@PathVariable long id) {
        return scores.shop(id);
    }

    @GetMapping("/products/{id}/experience")
    TrustScore product(@PathVariable long id, Optional<Caller> caller) {
        return scores.product(id, caller);
    }

    @GetMapping("/shops/{id}/experience/orders")
    PageOf<WeakOrder> weakOrders(Caller caller, @PathVariable long id, @RequestParam String dimension,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return scores.weakOrders(caller, id, dimension, PageRequest.of(page, size));
    }

    @GetMapping("/operator/trust/flags")
    PageOf<BrushingFlag> flags(Caller caller, @RequestParam(required = false) @Nullable String status,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return scores.flags(caller, status, PageRequest.of(page, size));
    }

    @PostMapping("/operator/trust/flags/{id}/clearance")
    Cleared clear(Caller caller, @PathVariable long id) {
        scores.clearFlag(caller, id);
        return new Cleared(String.valueOf(id), "CLEARED");
    }

    record Cleared(String id, String status) {
    }

    @GetMapping("/operator/trust/distributions")
    List<ScoreDistribution> distributions(Caller caller) {
        return scores.distributions(caller);
    }
}
