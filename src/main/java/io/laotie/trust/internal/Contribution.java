package io.laotie.trust.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What one fact adds to one subject's bucket of one metric. {@link #of} is the pure rule both the incremental intake
 * and the full recomputation apply, each on its own.
 */
public record Contribution(Subject subject, Metric metric, long n, long s) {

    /** The contributions of a fact, before any brushing flag is taken into account; none when it weighs 0. */
    public static List<Contribution> of(Fact fact) {
        List<Contribution> out = new ArrayList<>(6);
        long w = fact.weightMilli();
        if (w == 0) {
            return out;
        }
        switch (fact.kind()) {
            case ORDER_PAID -> {
                forCreator(out, fact, Metric.ORDERS, w, 0);
                if (fact.value() == 1) {
                    forCreator(out, fact, Metric.REPEAT_ORDERS, w, 0);
                }
                forShop(out, fact, Metric.ORDERS, w, 0);
                forProducts(out, fact, Metric.ORDERS, w, 0);
            }
            case SHIPPED -> forShop(out, fact, Metric.SHIPMENTS, w, w * fact.value());
            case DELIVERED -> forShop(out, fact, Metric.DELIVERIES, w, w * fact.value());
            case QUALITY_REFUND -> {
                forCreator(out, fact, Metric.QUALITY_REFUNDS, w, 0);
                forShop(out, fact, Metric.QUALITY_REFUNDS, w, 0);
                forProducts(out, fact, Metric.QUALITY_REFUNDS, w, 0);
            }
            case SELLER_CANCEL -> forShop(out, fact, Metric.SELLER_CANCELS, w, 0);
            case RESPONSE -> forShop(out, fact, Metric.RESPONSES, w, w * fact.value());
            case ARBITRATION_LOST -> {
                forCreator(out, fact, Metric.ARBITRATIONS_LOST, w, 0);
                forShop(out, fact, Metric.ARBITRATIONS_LOST, w, 0);
            }
            case COUNTERFEIT_RULING -> {
                forShop(out, fact, Metric.COUNTERFEIT, w, 0);
                forProducts(out, fact, Metric.COUNTERFEIT, w, 0);
            }
            case REVIEW, REVIEW_REMOVED -> {
                long sign = fact.kind() == FactKind.REVIEW ? 1 : -1;
                review(out, fact, sign * w, sign * w * fact.value(), fact.value() <= 2);
            }
            case COMPLAINT_UPHELD -> {
                forCreator(out, fact, Metric.COMPLAINTS_UPHELD, w, 0);
                forShop(out, fact, Metric.COMPLAINTS_UPHELD, w, 0);
            }
        }
        return out;
    }

    private static void review(List<Contribution> out, Fact fact, long n, long s, boolean negative) {
        forCreator(out, fact, Metric.REVIEWS, n, s);
        forShop(out, fact, Metric.REVIEWS, n, s);
        forProducts(out, fact, Metric.REVIEWS, n, s);
        if (negative) {
            forCreator(out, fact, Metric.NEGATIVE_REVIEWS, n, 0);
            forShop(out, fact, Metric.NEGATIVE_REVIEWS, n, 0);
            forProducts(out, fact, Metric.NEGATIVE_REVIEWS, n, 0);
        }
    }

    private static void forCreator(List<Contribution> out, Fact fact, Metric metric, long n, long s) {
        if (fact.creatorId() != null) {
            out.add(new Contribution(Subject.creator(fact.creatorId()), metric, n, s));
        }
    }

    private static void forShop(List<Contribution> out, Fact fact, Metric metric, long n, long s) {
        if (fact.shopId() != null) {
            out.add(new Contribution(Subject.shop(fact.shopId()), metric, n, s));
        }
    }

    private static void forProducts(List<Contribution> out, Fact fact, Metric metric, long n, long s) {
        for (long productId : fact.productIds()) {
            out.add(new Contribution(Subject.product(productId), metric, n, s));
        }
    }
}
