package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.web.Notices;
import io.laotie.trust.ComplaintStatus;
import io.laotie.trust.ComplaintView;
import io.laotie.trust.Complaints;
import io.laotie.trust.ReviewReportView;
import io.laotie.trust.Reviews;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Operators' queues of the trust chain: reported reviews (uphold hides the review, dismiss keeps it) and complaints
 * by status (uphold counts against the creator or shop in the scores). Each is ruled once. The security chain keeps
 * {@code /operator/**} to operators.
 */
@Controller
class OperatorTrustPages {

    static final int PAGE_SIZE = 10;

    private final Reviews reviews;
    private final Complaints complaints;
    private final Notices notices;

    OperatorTrustPages(Reviews reviews, Complaints complaints, Notices notices) {
        this.reviews = reviews;
        this.complaints = complaints;
        this.notices = notices;
    }

    @GetMapping("/operator/review-reports")
    String reports(Caller operator, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<ReviewReportView> open = reviews.reports(operator, null, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("reports", open);
        pagingLinks(model, open, "/operator/review-reports", null);
        return "operator/review-reports";
    }

    @PostMapping("/operator/review-reports/{id}/ruling")
    String ruleReport(Caller operator, @PathVariable long id, @RequestParam boolean upheld, RedirectAttributes next) {
        notices.attempt(next, upheld ? "review.report.upheld" : "review.report.dismissed",
                () -> reviews.rule(id, operator, upheld));
        return "redirect:/operator/review-reports";
    }

    @GetMapping("/operator/complaints")
    String complaints(Caller operator, @RequestParam(required = false) @Nullable ComplaintStatus status,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        ComplaintStatus shown = status == null ? ComplaintStatus.OPEN : status;
        PageOf<ComplaintView> found = complaints.inStatus(operator, shown, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("complaints", found);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", ComplaintStatus.values());
        pagingLinks(model, found, "/operator/complaints", shown.name());
        return "operator/complaints";
    }

    @PostMapping("/operator/complaints/{id}/ruling")
    String ruleComplaint(Caller operator, @PathVariable long id, @RequestParam boolean upheld,
                         @RequestParam(defaultValue = "") String note, RedirectAttributes next) {
        notices.attempt(next, upheld ? "complaint.upheld" : "complaint.dismissed",
                () -> complaints.rule(id, operator, upheld, note));
        return "redirect:/operator/complaints";
    }

    /** Links to the previous and next page of a list, keeping its status; absent at either end. */
    static void pagingLinks(Model model, PageOf<?> page, String path, @Nullable String status) {
        long pages = (page.total() + page.size() - 1) / page.size();
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", page.page() > 0 ? link(path, status, page.page() - 1) : null);
        model.addAttribute("nextPage", page.page() + 1 < pages ? link(path, status, page.page() + 1) : null);
    }

    private static String link(String path, @Nullable String status, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (status != null) {
            link.queryParam("status", status);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.build().toUriString();
    }
}
