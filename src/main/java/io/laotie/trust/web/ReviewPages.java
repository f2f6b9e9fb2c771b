package io.laotie.trust.web;

import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Caller;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import io.laotie.platform.web.Times;
import io.laotie.trust.NewReview;
import io.laotie.trust.OrderReviews;
import io.laotie.trust.ReviewFilter;
import io.laotie.trust.ReviewPage;
import io.laotie.trust.ReviewTag;
import io.laotie.trust.ReviewView;
import io.laotie.trust.Reviews;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reviews on pages. The product page and the buyer's order page belong to other modules; each holds a section that
 * htmx fills from here on load ({@code HX-Request} answers the fragment), and the same address without htmx answers a
 * whole page, so the links work without JavaScript too. The forms post here and go back to where they came from.
 */
@Controller
class ReviewPages {

    static final int PAGE_SIZE = 10;
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+).*");

    private final Reviews reviews;
    private final Orders orders;
    private final Shops shops;
    private final Notices notices;
    private final Times times;

    ReviewPages(Reviews reviews, Orders orders, Shops shops, Notices notices, Times times) {
        this.reviews = reviews;
        this.orders = orders;
        this.shops = shops;
        this.notices = notices;
        this.times = times;
    }

    // ---- a product's reviews ---------------------------------------------------------------------------------------

    @GetMapping("/products/{id}/reviews")
    String ofProduct(Optional<Caller> caller, @PathVariable long id, @RequestParam(required = false) @Nullable Integer rating,
                     @RequestParam(required = false) @Nullable ReviewTag tag, @RequestParam(defaultValue = "false") boolean withImages,
                     @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        ReviewFilter filter = new ReviewFilter(rating != null && rating >= 1 && rating <= 5 ? rating : null, tag, withImages);
        ReviewPage found = reviews.ofProduct(id, caller, filter, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        long pages = (found.total() + found.size() - 1) / found.size();
        model.addAttribute("productId", id);
        model.addAttribute("reviews", found);
        model.addAttribute("filter", filter);
        model.addAttribute("signedIn", caller.isPresent());
        model.addAttribute("myShops", caller.map(c -> shops.ownedBy(c.accountId()).stream().map(Shop::id).collect(Collectors.toSet()))
                .orElse(Set.of()));
        model.addAttribute("previousPage", found.page() > 0 ? filterLink(id, filter, found.page() - 1) : null);
        model.addAttribute("nextPage", found.page() + 1 < pages ? filterLink(id, filter, found.page() + 1) : null);
        model.addAttribute("links", new FilterLinks(id, filter));
        return request.getHeader("HX-Request") != null ? "trust/reviews :: section" : "trust/reviews";
    }

    /** Links of a product's review filters, each keeping the others. */
    record FilterLinks(long productId, ReviewFilter filter) {
        public String all() {
            return filterLink(productId, ReviewFilter.ALL, 0);
        }

        public String rating(int stars) {
            return filterLink(productId, new ReviewFilter(stars, filter.tag(), filter.withImages()), 0);
        }

        public String tag(ReviewTag tag) {
            return filterLink(productId, new ReviewFilter(filter.rating(), tag, filter.withImages()), 0);
        }

        public String withImages() {
            return filterLink(productId, new ReviewFilter(filter.rating(), filter.tag(), true), 0);
        }
    }

    static String filterLink(long productId, ReviewFilter filter, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/products/" + productId + "/reviews");
        if (filter.rating() != null) {
            link.queryParam("rating", filter.rating());
        }
        if (filter.tag() != null) {
            link.queryParam("tag", filter.tag().name());
        }
        if (filter.withImages()) {
            link.queryParam("withImages", true);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.build().toUriString();
    }

    @PostMapping("/reviews/{id}/reply")
    String reply(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String text, RedirectAttributes next) {
        ReviewView review = reviews.view(id, Optional.of(caller));
        notices.attempt(next, "review.replied", () -> reviews.reply(id, caller, text));
        return "redirect:/products/" + review.productId() + "/reviews";
    }

    @PostMapping("/reviews/{id}/reports")
    String report(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes next) {
        ReviewView review = reviews.view(id, Optional.of(caller));
        notices.attempt(next, "review.reported", () -> reviews.report(id, caller, reason));
        return "redirect:/products/" + review.productId() + "/reviews";
    }

    // ---- the buyer's order -----------------------------------------------------------------------------------------

    @GetMapping("/orders/{id}/reviews")
    String ofOrder(Caller caller, @PathVariable long id, HttpServletRequest request, Model model) {
        orderPage(caller, id, null, model);
        return request.getHeader("HX-Request") != null ? "trust/order-reviews :: panel" : "trust/order-reviews";
    }

    /** Reviews the lines the buyer gave stars to; what the rules refuse shows beside the fields, with what was typed. */
    @PostMapping("/orders/{id}/reviews")
    String post(Caller caller, @PathVariable long id, @ModelAttribute("reviewForm") ReviewForm form, BindingResult result,
                Model model, RedirectAttributes next) {
        List<Integer> rated = new ArrayList<>();
        List<NewReview.Line> lines = new ArrayList<>();
        for (int i = 0; i < form.getLines().size(); i++) {
            ReviewForm.Line line = form.getLines().get(i);
            if (line.getRating() != null) {
                rated.add(i);
                lines.add(line.toLine());
            }
        }
        if (lines.isEmpty()) {
            result.reject("review.choose-stars");
        } else {
            try {
                reviews.post(id, caller, new NewReview(lines));
                notices.success(next, "review.posted", lines.size());
                return "redirect:/orders/" + id;
            } catch (Problem problem) {
                FormErrors.reject(result, problem, field -> formField(field, rated));
            }
        }
        orderPage(caller, id, form, model);
        return "trust/order-reviews";
    }

    @PostMapping("/reviews/{id}/follow-up")
    String followUp(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String text,
                    @RequestParam(defaultValue = "") String imageUrls, RedirectAttributes next) {
        ReviewView review = reviews.view(id, Optional.of(caller));
        notices.attempt(next, "review.followed-up", () -> reviews.followUp(id, caller, text, ReviewForm.urls(imageUrls)));
        return review.orderId() == null ? "redirect:/products/" + review.productId() + "/reviews" : "redirect:/orders/" + review.orderId();
    }

    private void orderPage(Caller caller, long orderId, @Nullable ReviewForm form, Model model) {
        OrderReviews mine = reviews.ofOrder(orderId, caller);
        OrderView order = orders.view(orderId, caller);
        Set<Long> reviewedLines = mine.reviews().stream().map(ReviewView::orderLineId).collect(Collectors.toSet());
        List<OrderView.Line> open = order.lines().stream().filter(line -> !reviewedLines.contains(line.id())).toList();
        if (form == null) {
            form = new ReviewForm();
            for (OrderView.Line line : open) {
                form.getLines().add(new ReviewForm.Line(line.id()));
            }
        }
        model.addAttribute("order", order);
        model.addAttribute("mine", mine);
        model.addAttribute("openLines", open);
        model.addAttribute("lineNames", order.lines().stream().collect(Collectors.toMap(OrderView.Line::id,
                line -> line.title() + " · " + line.skuName())));
        model.addAttribute("reviewForm", form);
        model.addAttribute("tags", ReviewTag.values());
        model.addAttribute("reviewUntil", mine.reviewUntil() == null ? null : times.at(mine.reviewUntil()));
        model.addAttribute("followUpUntil", mine.followUpUntil() == null ? null : times.at(mine.followUpUntil()));
    }

    /** The module names fields by the lines it was sent; the form has a row for every line, rated or not. */
    private static String formField(String field, List<Integer> rated) {
        Matcher matcher = LINE_FIELD.matcher(field);
        if (!matcher.matches()) {
            return field;
        }
        int sent = Integer.parseInt(matcher.group(1));
        int row = sent < rated.size() ? rated.get(sent) : sent;
        return "lines[" + row + "]." + matcher.group(2);
    }

}
