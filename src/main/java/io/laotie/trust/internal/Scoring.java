package io.laotie.trust.internal;

import io.laotie.trust.ExperienceDimension;
import io.laotie.trust.ScoreComponent;
import io.laotie.trust.ScoreLabel;
import io.laotie.trust.Guarantee;
import io.laotie.trust.ShopExperience;
import io.laotie.trust.TrustScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * The formulas of docs/trust-scores.md as pure functions from a window's {@link Tally} to scores: ratings smoothed
 * toward a prior mean, rates toward a beta prior, times toward a prior mean, each turned into a 0–5 component, the
 * score their weighted mean. Deterministic: equal tallies give equal scores.
 */
public final class Scoring {

    private final ScoreRules rules;

    public Scoring(ScoreRules rules) {
        this.rules = rules;
    }

    /** A creator's reputation (带货口碑分). */
    public TrustScore reputation(Tally t) {
        var w = rules.weights();
        var r = rules.rates();
        double orders = t.n(Metric.ORDERS);
        List<ScoreComponent> components = List.of(
                ratings(t, w.creatorRatings()),
                badRate("negativeReviews", t.n(Metric.NEGATIVE_REVIEWS), t.n(Metric.REVIEWS), r.negativeReviewPrior(),
                        r.negativeReviewZeroAt(), w.creatorNegativeReviews()),
                badRate("qualityRefunds", t.n(Metric.QUALITY_REFUNDS), orders, r.qualityRefundPrior(),
                        r.qualityRefundZeroAt(), w.creatorQualityRefunds()),
                goodRate("repurchase", t.n(Metric.REPEAT_ORDERS), orders, r.repurchasePrior(), r.repurchaseFullAt(),
                        w.creatorRepurchase()),
                badRate("complaints", t.n(Metric.COMPLAINTS_UPHELD), orders, r.complaintPrior(), r.complaintZeroAt(),
                        w.creatorComplaints()),
                badRate("arbitrations", t.n(Metric.ARBITRATIONS_LOST), orders, r.arbitrationPrior(),
                        r.arbitrationZeroAt(), w.creatorArbitrations()));
        double score = weighted(components);
        return new TrustScore(oneDecimal(score), label(score, orders + t.n(Metric.REVIEWS), rules.minEvidence()), components);
    }

    /** A product's experience: its ratings and its quality refunds. */
    public TrustScore product(Tally t) {
        var w = rules.weights();
        var r = rules.rates();
        double orders = t.n(Metric.ORDERS);
        List<ScoreComponent> components = List.of(
                ratings(t, w.productRatings()),
                badRate("qualityRefunds", t.n(Metric.QUALITY_REFUNDS), orders, r.qualityRefundPrior(),
                        r.qualityRefundZeroAt(), w.productQualityRefunds()),
                badRate("counterfeit", t.n(Metric.COUNTERFEIT), orders, r.counterfeitPrior(), r.counterfeitZeroAt(),
                        w.productCounterfeit()));
        double score = weighted(components);
        return new TrustScore(oneDecimal(score), label(score, orders + t.n(Metric.REVIEWS), rules.productMinEvidence()),
                components);
    }

    /** A shop's experience (商家体验分) in three dimensions; {@code guarantees} are passed through. */
    public ShopExperience shop(Tally t, List<Guarantee> guarantees) {
        var w = rules.weights();
        var r = rules.rates();
        var times = rules.times();
        double orders = t.n(Metric.ORDERS);
        var product = dimension("product", w.productDimension(), List.of(
                ratings(t, w.productRatings()),
                badRate("qualityRefunds", t.n(Metric.QUALITY_REFUNDS), orders, r.qualityRefundPrior(),
                        r.qualityRefundZeroAt(), w.productQualityRefunds()),
                badRate("counterfeit", t.n(Metric.COUNTERFEIT), orders, r.counterfeitPrior(), r.counterfeitZeroAt(),
                        w.productCounterfeit())));
        var logistics = dimension("logistics", w.logisticsDimension(), List.of(
                goodRate("shippedOnTime", t.s(Metric.SHIPMENTS), t.n(Metric.SHIPMENTS), r.shippedOnTimePrior(), 1.0,
                        w.logisticsShippedOnTime()),
                time("deliveryTime", t, Metric.DELIVERIES, times.deliveryPrior(), times.deliveryBest(),
                        times.deliveryWorst(), w.logisticsDeliveryTime())));
        var service = dimension("service", w.serviceDimension(), List.of(
                time("responseTime", t, Metric.RESPONSES, times.responsePrior(), times.responseBest(),
                        times.responseWorst(), w.serviceResponseTime()),
                badRate("sellerCancels", t.n(Metric.SELLER_CANCELS), orders, r.sellerCancelPrior(),
                        r.sellerCancelZeroAt(), w.serviceSellerCancels()),
                badRate("arbitrations", t.n(Metric.ARBITRATIONS_LOST), orders, r.arbitrationPrior(),
                        r.arbitrationZeroAt(), w.serviceArbitrations()),
                badRate("complaints", t.n(Metric.COMPLAINTS_UPHELD), orders, r.complaintPrior(), r.complaintZeroAt(),
                        w.serviceComplaints())));
        List<ExperienceDimension> dimensions = List.of(product, logistics, service);
        double total = 0;
        double weights = 0;
        for (ExperienceDimension d : dimensions) {
            total += d.weight() * d.score().doubleValue();
            weights += d.weight();
        }
        double score = weights == 0 ? 0 : total / weights;
        return new ShopExperience(oneDecimal(score), label(score, orders + t.n(Metric.REVIEWS), rules.minEvidence()),
                dimensions, guarantees);
    }

    private ExperienceDimension dimension(String name, double weight, List<ScoreComponent> components) {
        return new ExperienceDimension(name, oneDecimal(weighted(components)), weight, components);
    }

    /** Star mean smoothed toward the prior mean with {@code ratingPseudoCount} pseudo-reviews; 1–5 stars read as 0–5. */
    private ScoreComponent ratings(Tally t, double weight) {
        double n = t.n(Metric.REVIEWS);
        double k = rules.ratingPseudoCount();
        double mean = (rules.ratingPrior() * k + t.s(Metric.REVIEWS)) / (k + n);
        return component("ratings", mean, weight, n);
    }

    /** A rate where less is better: 5 at none, 0 at {@code zeroAt} or above. */
    private ScoreComponent badRate(String name, double bad, double of, double prior, double zeroAt, double weight) {
        double p = smoothedRate(bad, of, prior);
        return component(name, 5 * (1 - p / zeroAt), weight, of);
    }

    /** A rate where more is better: 0 at none, 5 at {@code fullAt} or above. */
    private ScoreComponent goodRate(String name, double good, double of, double prior, double fullAt, double weight) {
        double p = smoothedRate(good, of, prior);
        return component(name, 5 * p / fullAt, weight, of);
    }

    private double smoothedRate(double hits, double of, double prior) {
        double k = rules.ratePseudoCount();
        return (hits + prior * k) / (of + k);
    }

    /** A mean duration (s sums minutes) smoothed toward the prior: 5 at {@code best} or less, 0 at {@code worst}. */
    private ScoreComponent time(String name, Tally t, Metric metric, Duration prior, Duration best, Duration worst,
                                double weight) {
        double n = t.n(metric);
        double k = rules.times().pseudoCount();
        double mean = (prior.toMinutes() * k + t.s(metric)) / (k + n);
        double span = worst.toMinutes() - best.toMinutes();
        return component(name, 5 * (worst.toMinutes() - mean) / span, weight, n);
    }

    private static ScoreComponent component(String name, double value, double weight, double evidence) {
        return new ScoreComponent(name, oneDecimal(clamp(value)), weight,
                BigDecimal.valueOf(evidence).setScale(2, RoundingMode.HALF_UP));
    }

    /** The weighted mean of components, on their unrounded values' rounded form so what is shown adds up. */
    private static double weighted(List<ScoreComponent> components) {
        double total = 0;
        double weights = 0;
        for (ScoreComponent c : components) {
            total += c.weight() * c.value().doubleValue();
            weights += c.weight();
        }
        return weights == 0 ? 0 : total / weights;
    }

    ScoreLabel label(double score, double evidence, double minEvidence) {
        if (evidence < minEvidence) {
            return ScoreLabel.NEW;
        }
        double shown = oneDecimal(score).doubleValue();
        if (shown >= rules.excellentFrom()) {
            return ScoreLabel.EXCELLENT;
        }
        if (shown >= rules.goodFrom()) {
            return ScoreLabel.GOOD;
        }
        return shown >= rules.fairFrom() ? ScoreLabel.FAIR : ScoreLabel.POOR;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(5, value));
    }

    static BigDecimal oneDecimal(double value) {
        return BigDecimal.valueOf(clamp(value)).setScale(1, RoundingMode.HALF_UP);
    }
}
