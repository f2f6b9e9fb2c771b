package io.laotie.trust;

import io.laotie.platform.JsonId;

import java.util.List;

/**
 * A creator's BG/NBD repurchase model (复购模型) for one calibration period: the fitted parameters r, α, a, b with
 * their standard errors, the log-likelihood, the number of buyers, and one page of buyers by expected purchases in
 * the next {@code horizon} units, highest first.
 */
public record RepurchaseModel(double r, double alpha, double a, double b, double logLikelihood, int buyers,
                              StandardErrors standardErrors, RepurchaseUnit unit, int horizon, List<Item> items,
                              int page, int size, long total) {

    /** The standard errors of the parameters, from the inverse of the numeric Hessian at the optimum. */
    public record StandardErrors(double r, double alpha, double a, double b) {
    }

    /**
     * One buyer: repeat purchase days (frequency), recency and age in units, what the model expects them to buy in the
     * horizon, the probability they are still active, and what they spent with the creator up to calibrationEnd (fen;
     * orders refunded in full left out, partial refunds not subtracted).
     */
    public record Item(@JsonId long accountId, int frequency, double recency, double age, double expectedPurchases,
                       double probabilityAlive, long pastValue) {
    }
}
