package io.laotie.order.web;

import io.laotie.platform.web.Yuan;
import io.laotie.identity.Caller;
import io.laotie.order.AfterSales;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.order.RefundStatus;
import io.laotie.order.RefundView;
import io.laotie.order.Ruling;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.function.Function;

/**
 * Operators' arbitration queue (平台介入): rejected requests the buyer escalated, oldest first, each with its order,
 * the buyer's reason, text and photos, the merchant's reason for rejecting, and a ruling form. The ruling is final.
 * The security chain keeps {@code /operator/**} to operators.
 */
@Controller
@RequestMapping("/operator/arbitration")
class ArbitrationPages {

    static final int PAGE_SIZE = 10;

    /** One escalated request as the operator weighs it. */
    record Case(RefundView request, OrderView order, String shop, String askedAt, List<OrderDetails.Step> steps) {
    }

    private final AfterSales afterSales;
    private final Orders orders;
    private final OrderDetails details;
    private final Notices notices;

    ArbitrationPages(AfterSales afterSales, Orders orders, OrderDetails details, Notices notices) {
        this.afterSales = afterSales;
        this.orders = orders;
        this.details = details;
        this.notices = notices;
    }

    @GetMapping
    String queue(Caller operator, @RequestParam(defaultValue = "0") int page, Model model) {
        Function<Long, String> shops = details.shopNames();
        PageOf<Case> cases = afterSales.inStatus(RefundStatus.ESCALATED, new PageRequest(Math.max(page, 0), PAGE_SIZE))
                .map(request -> {
                    OrderView order = orders.view(request.orderId(), operator);
                    return new Case(request, order, shops.apply(order.shopId()), details.when(request.createdAt()), details.steps(order));
                });
        model.addAttribute("cases", cases);
        model.addAttribute("outcomes", Ruling.Outcome.values());
        model.addAttribute("faults", Ruling.Fault.values());
        OrderPages.pagingLinks(model, cases, "/operator/arbitration", "tab", null);
        return "operator/arbitration";
    }

    /** Rules on one request: the buyer gets all, nothing, or (SPLIT) the part typed in yuan. */
    @PostMapping("/{refundId}")
    String rule(Caller operator, @PathVariable long refundId, @RequestParam(required = false) Ruling.@Nullable Outcome outcome,
                @RequestParam(defaultValue = "") String amount, @RequestParam(required = false) Ruling.@Nullable Fault fault,
                @RequestParam(defaultValue = "false") boolean counterfeit, RedirectAttributes next) {
        RefundView request = afterSales.view(refundId, operator);
        if (outcome == null || fault == null) {
            notices.alert(next, "arbitration.choose");
            return "redirect:/operator/arbitration";
        }
        Long part = null;
        if (outcome == Ruling.Outcome.SPLIT) {
            part = Yuan.fen(amount);
            if (part == null || part >= request.amount()) {
                notices.alert(next, "arbitration.split.rule", Yuan.text(request.amount()));
                return "redirect:/operator/arbitration";
            }
        }
        try {
            RefundView ruled = afterSales.arbitrate(refundId, operator, new Ruling(outcome, part, fault, counterfeit));
            notices.success(next, "arbitration.ruled", Long.toString(ruled.orderId()),
                    ruled.ruling() == null ? "" : details.ruling(ruled.ruling()));
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return "redirect:/operator/arbitration";
    }
}
