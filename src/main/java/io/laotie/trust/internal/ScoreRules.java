package io.laotie.trust.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The constants of the reputation and experience scores ({@code laotie.trust.scores.*}); docs/trust-scores.md explains
 * each formula and why the defaults are what they are.
 *
 * @param window            the rolling window a score looks back over, in whole days of the platform zone
 * @param ratingPrior       the neutral star mean a rating is smoothed toward
 * @param ratingPseudoCount how many (full-weight) reviews the prior counts as
 * @param ratePseudoCount   how many (full-weight) orders the beta prior of every rate counts as
 * @param minEvidence       weighted orders + reviews a creator or shop needs before it leaves NEW
 * @param productMinEvidence the same for a product
 * @param excellentFrom     a score from here up is EXCELLENT
 * @param goodFrom          … GOOD
 * @param fairFrom          … FAIR; below it POOR
 * @param rates             the prior and the tolerance of every rate component
 * @param times             the prior and the scale of the time components
 * @param weights           the weight of every component and dimension
 * @param brushing          when orders, receipts and reviews to one target are flagged as brushing (刷单)
 */
@ConfigurationProperties("laotie.trust.scores")
public record ScoreRules(
        @DefaultValue("90d") Duration window,
        @DefaultValue("4.0") double ratingPrior,
        @DefaultValue("10") double ratingPseudoCount,
        @DefaultValue("20") double ratePseudoCount,
        @DefaultValue("5") double minEvidence,
        @DefaultValue("3") double productMinEvidence,
        @DefaultValue("4.5") double excellentFrom,
        @DefaultValue("4.0") double goodFrom,
        @DefaultValue("3.0") double fairFrom,
        @DefaultValue Rates rates,
        @DefaultValue Times times,
        @DefaultValue Weights weights,
        @DefaultValue Brushing brushing) {

    /** Window length in days (at least one). */
    public int windowDays() {
        return (int) Math.max(1, window.toDays());
    }

    /**
     * Rates smoothed with a beta prior: {@code p = (bad + prior·k) / (orders + k)} with {@code k = ratePseudoCount}. A
     * "bad" rate reaches component 0 at its {@code …ZeroAt}; a "good" rate reaches 5 at its {@code …FullAt}.
     */
    public record Rates(
            @DefaultValue("0.05") double negativeReviewPrior, @DefaultValue("0.4") double negativeReviewZeroAt,
            @DefaultValue("0.03") double qualityRefundPrior, @DefaultValue("0.25") double qualityRefundZeroAt,
            @DefaultValue("0.1") double repurchasePrior, @DefaultValue("0.3") double repurchaseFullAt,
            @DefaultValue("0.01") double complaintPrior, @DefaultValue("0.1") double complaintZeroAt,
            @DefaultValue("0.01") double arbitrationPrior, @DefaultValue("0.1") double arbitrationZeroAt,
            @DefaultValue("0.002") double counterfeitPrior, @DefaultValue("0.02") double counterfeitZeroAt,
            @DefaultValue("0.02") double sellerCancelPrior, @DefaultValue("0.2") double sellerCancelZeroAt,
            @DefaultValue("0.9") double shippedOnTimePrior, @DefaultValue("48h") Duration shipWithin) {
    }

    /** Mean durations smoothed toward a prior of {@code pseudoCount} orders; {@code best} scores 5, {@code worst} 0. */
    public record Times(
            @DefaultValue("5") double pseudoCount,
            @DefaultValue("72h") Duration deliveryPrior, @DefaultValue("48h") Duration deliveryBest,
            @DefaultValue("240h") Duration deliveryWorst,
            @DefaultValue("24h") Duration responsePrior, @DefaultValue("2h") Duration responseBest,
            @DefaultValue("48h") Duration responseWorst) {
    }

    /** Weights of the components; the merchant's overall score weighs its three dimensions. */
    public record Weights(
            @DefaultValue("0.30") double creatorRatings, @DefaultValue("0.15") double creatorNegativeReviews,
            @DefaultValue("0.20") double creatorQualityRefunds, @DefaultValue("0.15") double creatorRepurchase,
            @DefaultValue("0.10") double creatorComplaints, @DefaultValue("0.10") double creatorArbitrations,
            @DefaultValue("0.5") double productRatings, @DefaultValue("0.3") double productQualityRefunds,
            @DefaultValue("0.2") double productCounterfeit,
            @DefaultValue("0.6") double logisticsShippedOnTime, @DefaultValue("0.4") double logisticsDeliveryTime,
            @DefaultValue("0.3") double serviceResponseTime, @DefaultValue("0.3") double serviceSellerCancels,
            @DefaultValue("0.2") double serviceArbitrations, @DefaultValue("0.2") double serviceComplaints,
            @DefaultValue("0.4") double productDimension, @DefaultValue("0.3") double logisticsDimension,
            @DefaultValue("0.3") double serviceDimension) {
    }

    /**
     * Brushing (刷单) patterns toward one shop or creator within {@code window}: at least {@code orders} orders from new
     * or linked accounts, at least {@code instantReceipts} receipts confirmed within {@code instantReceiptWithin} of
     * shipment, at least {@code similarReviews} reviews whose normalised texts are at least {@code similarity} alike.
     */
    public record Brushing(
            @DefaultValue("24h") Duration window,
            @DefaultValue("5") int orders,
            @DefaultValue("5") int instantReceipts,
            @DefaultValue("30m") Duration instantReceiptWithin,
            @DefaultValue("3") int similarReviews,
            @DefaultValue("0.85") double similarity) {
    }
}
