package io.laotie.identity.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators find accounts and suspend (with a reason) or reinstate them. Only operators reach {@code /operator/**}. */
@Controller
class OperatorAccountPages {

    private static final int PAGE_SIZE = 30;
    private static final int MAX_REASON = 500;

    private final Accounts accounts;
    private final Notices notices;

    OperatorAccountPages(Accounts accounts, Notices notices) {
        this.accounts = accounts;
        this.notices = notices;
    }

    @GetMapping("/operator")
    String home() {
        return "redirect:/operator/accounts";
    }

    @GetMapping("/operator/accounts")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("accountQuery", query); // not "q": that would fill the header's product search
        model.addAttribute("accounts", accounts.list(query, new PageRequest(Math.max(page, 0), PAGE_SIZE)));
        return "operator/accounts";
    }

    @PostMapping("/operator/accounts/{id}/suspension")
    String suspend(Caller operator, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
                   RedirectAttributes next) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            notices.alert(next, "operator.accounts.reason-rule", MAX_REASON);
        } else {
            try {
                var account = accounts.suspend(id, why, operator.accountId());
                notices.success(next, "operator.accounts.suspended", account.handle());
            } catch (Problem problem) {
                notices.problem(next, problem);
            }
        }
        return back(q, page, next);
    }

    @PostMapping("/operator/accounts/{id}/reinstatement")
    String reinstate(@PathVariable long id, @RequestParam(required = false) @Nullable String q,
                     @RequestParam(defaultValue = "0") int page, RedirectAttributes next) {
        var account = accounts.reinstate(id);
        notices.success(next, "operator.accounts.reinstated", account.handle());
        return back(q, page, next);
    }

    private static String back(@Nullable String q, int page, RedirectAttributes next) {
        if (q != null && !q.isBlank()) {
            next.addAttribute("q", q);
        }
        if (page > 0) {
            next.addAttribute("page", page);
        }
        return "redirect:/operator/accounts";
    }
}
