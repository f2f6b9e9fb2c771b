package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.trust.NewReview;
import io.laotie.trust.OrderReviews;
import io.laotie.trust.ReportStatus;
import io.laotie.trust.ReviewFilter;
import io.laotie.trust.ReviewPage;
import io.laotie.trust.ReviewReportView;
import io.laotie.trust.ReviewTag;
import io.laotie.trust.ReviewView;
import io.laotie.trust.Reviews;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * Reviews (评价): the buyer reviews a delivered order's lines and adds a follow-up, the merchant replies, readers
 * report abuse and operators rule; products' and creators' reviews are public. The rules say 422 (with the field)
 * for a line they refuse; JSON that does not parse is a 400.
 */
@RestController
@RequestMapping("/api")
class ReviewApi {

    record Posted(List<ReviewView> reviews) {
    }

    record FollowUp(@Nullable String text, @Nullable List<String> imageUrls) {
    }

    record Reply(@Nullable String text) {
    }

    record Report(@Nullable String reason) {
    }

    record Ruling(@NotNull Boolean upheld) {
    }

    private final Reviews reviews;

    ReviewApi(Reviews reviews) {
        this.reviews = reviews;
    }

    /** Reviews lines of the caller's delivered order, all or none. */
    @PostMapping("/orders/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Posted post(Caller caller, @PathVariable long id, @RequestBody NewReview review) {
        return new Posted(reviews.post(id, caller, review));
    }

    /** The reviews of the caller's order and what may still be reviewed or followed up. */
    @GetMapping("/orders/{id}/reviews")
    OrderReviews ofOrder(Caller caller, @PathVariable long id) {
        return reviews.ofOrder(id, caller);
    }

    @PostMapping("/reviews/{id}/follow-up")
    ReviewView followUp(Caller caller, @PathVariable long id, @RequestBody FollowUp followUp) {
        return reviews.followUp(id, caller, followUp.text(), followUp.imageUrls());
    }

    @PostMapping("/reviews/{id}/reply")
    ReviewView reply(Caller caller, @PathVariable long id, @RequestBody Reply reply) {
        return reviews.reply(id, caller, reply.text());
    }

    @PostMapping("/reviews/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    ReviewReportView report(Caller caller, @PathVariable long id, @RequestBody Report report) {
        return reviews.report(id, caller, report.reason());
    }

    /** A product's visible reviews, newest first, filtered by stars, tag or photos, with the summary of all of them. */
    @GetMapping("/products/{id}/reviews")
    ReviewPage ofProduct(Optional<Caller> caller, @PathVariable long id, @RequestParam(required = false) @Nullable Integer rating,
                         @RequestParam(required = false) @Nullable ReviewTag tag, @RequestParam(defaultValue = "false") boolean withImages,
                         @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        return reviews.ofProduct(id, caller, new ReviewFilter(rating, tag, withImages), PageRequest.of(page, size));
    }

    /** Reviews of the goods a creator sold, newest first, with the summary. */
    @GetMapping("/creators/{id}/reviews")
    ReviewPage ofCreator(@PathVariable long id, @RequestParam(required = false) @Nullable Integer rating,
                         @RequestParam(required = false) @Nullable ReviewTag tag, @RequestParam(defaultValue = "false") boolean withImages,
                         @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        return reviews.ofCreator(id, new ReviewFilter(rating, tag, withImages), PageRequest.of(page, size));
    }

    /** Reports of abusive reviews, OPEN (oldest first) unless another status is asked for. */
    @GetMapping("/operator/review-reports")
    PageOf<ReviewReportView> reports(Caller caller, @RequestParam(required = false) @Nullable ReportStatus status,
                                     @RequestParam(required = false) @Nullable Integer page,
                                     @RequestParam(required = false) @Nullable Integer size) {
        return reviews.reports(caller, status, PageRequest.of(page, size));
    }

    /** Upholds (hides the review) or dismisses a report, once. */
    @PostMapping("/operator/review-reports/{id}/ruling")
    ReviewReportView rule(Caller caller, @PathVariable long id, @Valid @RequestBody Ruling ruling) {
        return reviews.rule(id, caller, ruling.upheld());
    }
}
