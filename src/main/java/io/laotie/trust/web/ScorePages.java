package io.laotie.trust.web;

import io.laotie.catalog.Shops;
import io.laotie.identity.Caller;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.trust.Scores;
import io.laotie.trust.TrustBacklog;
import io.laotie.trust.WeakOrder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Score pages: the public badges the creator and product pages load (htmx, on load), the merchant's experience page
 * with the orders behind each weak point, and the operators' flags, score distributions and the trust chain's backlog.
 */
@Controller
class ScorePages {

    private final Scores scores;
    private final Shops shops;
    private final TrustBacklog backlog;

    ScorePages(Scores scores, Shops shops, TrustBacklog backlog) {
        this.scores = scores;
        this.shops = shops;
        this.backlog = backlog;
    }

    /** The creator's reputation: in full on the creator's page, as a small badge that opens to it in the room. */
    @GetMapping("/creators/{id}/trust-badge")
    String creatorBadge(@PathVariable long id, @RequestParam(defaultValue = "false") boolean compact, Model model) {
        model.addAttribute("score", scores.creator(id).reputation());
        model.addAttribute("kind", "reputation");
        model.addAttribute("compact", compact);
        return "trust/badge";
    }

    @GetMapping("/products/{id}/trust-badge")
    String productBadge(@PathVariable long id, Optional<Caller> caller, Model model) {
        model.addAttribute("score", scores.product(id, caller));
        model.addAttribute("kind", "product");
        return "trust/badge";
    }

    @GetMapping("/console/shops/{id}/experience")
    String experience(@PathVariable long id, Caller caller, Model model) {
        if (!scores.mayManage(Optional.of(caller), id)) {
            throw new NotFound("Shop", id);
        }
        model.addAttribute("shop", shops.get(id));
        model.addAttribute("experience", scores.shop(id));
        Map<String, PageOf<WeakOrder>> weak = new LinkedHashMap<>();
        for (String dimension : new String[]{"product", "logistics", "service"}) {
            weak.put(dimension, scores.weakOrders(caller, id, dimension, new PageRequest(0, 10)));
        }
        model.addAttribute("weak", weak);
        return "trust/experience";
    }

    @GetMapping("/operator/trust")
    String operator(Caller caller, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("flags", scores.flags(caller, null, PageRequest.of(page, 20)));
        model.addAttribute("distributions", scores.distributions(caller));
        model.addAttribute("backlog", backlog.summary(caller));
        model.addAttribute("setAside", backlog.setAside(caller, new PageRequest(0, 20)));
        return "trust/operator";
    }

    @PostMapping("/operator/trust/set-aside-events/{id}/retry")
    String retry(Caller caller, @PathVariable long id) {
        backlog.retry(caller, id);
        return "redirect:/operator/trust#backlog";
    }

    @PostMapping("/operator/trust/flags/{id}/clearance")
    String clear(Caller caller, @PathVariable long id) {
        scores.clearFlag(caller, id);
        return "redirect:/operator/trust";
    }
}
