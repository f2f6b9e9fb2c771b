package io.laotie.trust.internal;

/**
 * The special functions the BG/NBD model needs, written out so their accuracy is known: the log-gamma function
 * (Lanczos, g = 7, nine terms: about 15 significant digits for x > 0) and Gauss's hypergeometric series ₂F₁ with a
 * convergence check that bounds the tail it leaves out. See docs/repurchase.md.
 */
public final class SpecialFunctions {

    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Relative size of the left-out tail at which a series stops. */
    static final double EPSILON = 1e-15;
    /** Terms after which a series that has not converged is refused rather than trusted. */
    static final int MAX_TERMS = 10_000_000;

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x > 0. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new ArithmeticException("logGamma needs x > 0, was " + x);
        }
        if (x < 0.5) { // reflection keeps the approximation where it is accurate
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double y = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (y + i);
        }
        double t = y + 7.5;
        return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /**
     * Σ_{n ≥ from} of the hypergeometric terms (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, |z| < 1, where {@code first} is the term at
     * n = {@code from} and each next term is the last times (a+n)(b+n) / ((c+n)(n+1)) z. The sum stops once the terms
     * shrink geometrically and the bound on everything left out, |term| · ρ / (1 − ρ) with ρ the larger of the current
     * term ratio and |z| (past n > |a|, |b|, |c| the ratio moves monotonically toward |z|), is below
     * {@link #EPSILON} of the sum.
     *
     * @throws ArithmeticException when |z| ≥ 1, c is zero or a negative integer, or the series does not settle within
     *                             {@link #MAX_TERMS}
     */
    static double hypergeometricTail(double a, double b, double c, double z, int from, double first) {
        if (!(Math.abs(z) < 1)) {
            throw new ArithmeticException("the hypergeometric series needs |z| < 1, was " + z);
        }
        double settled = Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c))) + 1;
        double term = first;
        double sum = first;
        for (int n = from; n < MAX_TERMS; n++) {
            double denominator = (c + n) * (n + 1);
            if (denominator == 0) {
                throw new ArithmeticException("the hypergeometric series is undefined for c = " + c);
            }
            double ratio = (a + n) * (b + n) / denominator * z;
            term *= ratio;
            sum += term;
            if (term == 0) {
                return sum; // a or b is a non-positive integer: the series ends
            }
            double rho = Math.max(Math.abs(ratio), Math.abs(z));
            if (n > settled && rho < 1 && Math.abs(term) * rho / (1 - rho) <= EPSILON * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("the hypergeometric series did not converge for a=" + a + " b=" + b + " c=" + c + " z=" + z);
    }

    /** Gauss's hypergeometric function ₂F₁(a, b; c; z) for |z| < 1, by its series. */
    public static double hypergeometric(double a, double b, double c, double z) {
        return hypergeometricTail(a, b, c, z, 0, 1.0);
    }
}
