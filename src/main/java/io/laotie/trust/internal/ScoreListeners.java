package io.laotie.trust.internal;

import io.laotie.order.ArbitrationRuled;
import io.laotie.order.OrderCancelled;
import io.laotie.order.OrderDelivered;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderShipped;
import io.laotie.order.RefundDecided;
import io.laotie.order.RefundPaid;
import io.laotie.order.RefundRequested;
import io.laotie.trust.ComplaintRuled;
import io.laotie.trust.ReviewPosted;
import io.laotie.trust.ReviewRemoved;
import org.springframework.stereotype.Component;

import java.util.List;

/** What the scores hear: every order event that says something about goods, logistics or service, reviews, complaints. */
@Component
class ScoreListeners {

    private final ScoreIntake intake;

    ScoreListeners(ScoreIntake intake) {
        this.intake = intake;
    }

    @TrustListener
    void on(OrderPaid event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(OrderShipped event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(OrderDelivered event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(OrderCancelled event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(RefundRequested event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(RefundDecided event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(RefundPaid event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(ArbitrationRuled event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(ReviewPosted event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(ReviewRemoved event) {
        intake.absorb(List.of(event));
    }

    @TrustListener
    void on(ComplaintRuled event) {
        intake.absorb(List.of(event));
    }
}
