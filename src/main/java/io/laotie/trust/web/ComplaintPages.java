package io.laotie.trust.web;

import io.laotie.catalog.Shops;
import io.laotie.identity.Caller;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import io.laotie.social.Creators;
import io.laotie.trust.ComplaintReason;
import io.laotie.trust.ComplaintView;
import io.laotie.trust.Complaints;
import io.laotie.trust.NewComplaint;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/**
 * The buyer's complaint form (投诉), reached from an order page (about its shop or the creator who sold it) or a
 * creator page, and the buyer's own complaints with how operators ruled; what buyers complained about a creator (in
 * the studio) or a shop (in the console), for them to see how they were ruled and what counts in their scores.
 */
@Controller
class ComplaintPages {

    static final int PAGE_SIZE = 10;

    /** Someone a complaint may be about: {@code value} is "creator:ID" or "shop:ID". */
    record Target(String value, String kind, String name) {
    }

    private final Complaints complaints;
    private final Orders orders;
    private final Shops shops;
    private final Creators creators;
    private final Notices notices;

    ComplaintPages(Complaints complaints, Orders orders, Shops shops, Creators creators, Notices notices) {
        this.complaints = complaints;
        this.orders = orders;
        this.shops = shops;
        this.creators = creators;
        this.notices = notices;
    }

    @GetMapping("/complaints/new")
    String form(Caller caller, @RequestParam(required = false) @Nullable Long creatorId, @RequestParam(required = false) @Nullable Long shopId,
                @RequestParam(required = false) @Nullable Long orderId, Model model) {
        return formPage(caller, creatorId, shopId, orderId, null, ComplaintReason.OTHER, "", model);
    }

    @PostMapping("/complaints")
    String file(Caller caller, @RequestParam(defaultValue = "") String target, @RequestParam(required = false) @Nullable Long orderId,
                @RequestParam(required = false) @Nullable ComplaintReason reason, @RequestParam(defaultValue = "") String text,
                Model model, RedirectAttributes next) {
        Long creatorId = target.startsWith("creator:") ? parse(target.substring(8)) : null;
        Long shopId = target.startsWith("shop:") ? parse(target.substring(5)) : null;
        if (creatorId == null && shopId == null) {
            model.addAttribute("alert", notices.text("complaint.choose-target"));
        } else if (text.isBlank() || text.strip().length() > Complaints.MAX_TEXT) {
            model.addAttribute("alert", notices.text("complaint.text.rule", Complaints.MAX_TEXT));
        } else {
            try {
                complaints.file(caller, new NewComplaint(creatorId, shopId, orderId, reason, text));
                notices.success(next, "complaint.filed");
                return "redirect:/me/complaints";
            } catch (Problem problem) {
                model.addAttribute("alert", notices.describe(problem));
            }
        }
        return formPage(caller, creatorId, shopId, orderId, target, reason == null ? ComplaintReason.OTHER : reason, text, model);
    }

    @GetMapping("/me/complaints")
    String mine(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<ComplaintView> found = complaints.mine(caller, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("complaints", found);
        OperatorTrustPages.pagingLinks(model, found, "/me/complaints", null);
        return "trust/my-complaints";
    }

    /** What buyers complained about the signed-in creator, and how operators ruled. */
    @GetMapping("/studio/complaints")
    String aboutMe(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<ComplaintView> found = complaints.aboutCreator(caller.accountId(), caller, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("complaints", found);
        model.addAttribute("back", "/studio");
        model.addAttribute("title", notices.text("complaint.about.me"));
        OperatorTrustPages.pagingLinks(model, found, "/studio/complaints", null);
        return "trust/complaints-about";
    }

    /** What buyers complained about a shop, for its owner (or an operator). */
    @GetMapping("/console/shops/{id}/complaints")
    String aboutShop(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<ComplaintView> found = complaints.aboutShop(id, caller, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("complaints", found);
        model.addAttribute("back", "/console/shops/" + id);
        model.addAttribute("title", notices.text("complaint.about.shop", shops.get(id).name()));
        OperatorTrustPages.pagingLinks(model, found, "/console/shops/" + id + "/complaints", null);
        return "trust/complaints-about";
    }

    private String formPage(Caller caller, @Nullable Long creatorId, @Nullable Long shopId, @Nullable Long orderId,
                            @Nullable String chosen, ComplaintReason reason, String text, Model model) {
        List<Target> targets = new ArrayList<>();
        if (orderId != null) {
            OrderView order = orders.view(orderId, caller);
            if (!caller.is(order.buyerId())) {
                throw new NotFound("Order", orderId);
            }
            shops.find(order.shopId()).ifPresent(shop -> targets.add(new Target("shop:" + shop.id(), "shop", shop.name())));
            if (order.creatorId() != null) {
                creators.find(order.creatorId()).ifPresent(c -> targets.add(new Target("creator:" + c.id(), "creator", c.displayName())));
            }
        } else if (creatorId != null) {
            targets.add(new Target("creator:" + creatorId, "creator", creators.get(creatorId).displayName()));
        } else if (shopId != null) {
            targets.add(new Target("shop:" + shopId, "shop", shops.get(shopId).name()));
        }
        model.addAttribute("targets", targets);
        model.addAttribute("chosen", chosen != null ? chosen : targets.isEmpty() ? "" : targets.getFirst().value());
        model.addAttribute("orderId", orderId);
        model.addAttribute("reasons", ComplaintReason.values());
        model.addAttribute("reason", reason);
        model.addAttribute("text", text);
        model.addAttribute("maxText", Complaints.MAX_TEXT);
        return "trust/complaint-form";
    }

    private static @Nullable Long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
