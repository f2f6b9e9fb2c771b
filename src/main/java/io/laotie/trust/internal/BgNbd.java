package io.laotie.trust.internal;

import static io.laotie.trust.internal.SpecialFunctions.logGamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way": while active, a buyer
 * buys at a Poisson rate λ ~ Gamma(r, α); after each repeat purchase they drop out for good with probability
 * p ~ Beta(a, b). Fitted by maximum likelihood to each buyer's (x, tₓ, T): x repeat purchases, the last at tₓ, observed
 * for T since the first. Pure functions of their arguments; thread-safe. Formulas and their numerics are in
 * docs/repurchase.md.
 */
public final class BgNbd {

    /** The four parameters. */
    public record Parameters(double r, double alpha, double a, double b) {

        double[] logs() {
            return new double[]{Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)};
        }

        static Parameters ofLogs(double[] logs) {
            return new Parameters(Math.exp(logs[0]), Math.exp(logs[1]), Math.exp(logs[2]), Math.exp(logs[3]));
        }

        double[] values() {
            return new double[]{r, alpha, a, b};
        }
    }

    /**
     * Buyers grouped by pattern: {@code count[i]} buyers made {@code x[i]} repeat purchases, the last
     * {@code recencyDays[i]} and observed {@code ageDays[i]} days after their first; times are divided by
     * {@code unitDays} (7 for weeks). Many buyers share a pattern, so the likelihood is summed per pattern.
     */
    public record Patterns(int[] x, int[] recencyDays, int[] ageDays, int[] count, int unitDays) {

        public int buyers() {
            int n = 0;
            for (int c : count) {
                n += c;
            }
            return n;
        }

        boolean anyRepeat() {
            for (int v : x) {
                if (v > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A fit: the parameters, the log-likelihood at them and their standard errors (from the numeric Hessian). */
    public record Fit(Parameters parameters, double logLikelihood, Parameters standardErrors, int buyers) {
    }

    private static final double LOG_BOUND = 25; // parameters between e⁻²⁵ and e²⁵: beyond is a degenerate fit

    private BgNbd() {
    }

    /**
     * The log-likelihood of FHL (2005, eq. 6) summed over the patterns, in a stable form:
     * ln L = A₁ + A₂ + ln(e^A₃ + [x>0] e^A₄) with
     * A₁ = lnΓ(r+x) − lnΓ(r) + r ln α, A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x),
     * A₃ = −(r+x) ln(α+T), A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ), the last sum by log-sum-exp.
     */
    public static double logLikelihood(Parameters p, Patterns data) {
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        double unit = data.unitDays();
        double lnA = Math.log(a);
        double shared = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
        int[] xs = data.x();
        int[] recency = data.recencyDays();
        int[] age = data.ageDays();
        int maxX = 0;
        int maxDay = 0;
        for (int i = 0; i < xs.length; i++) {
            maxX = Math.max(maxX, xs[i]);
            maxDay = Math.max(maxDay, age[i]);
        }
        // what depends on x alone, and ln(α + d/unit) per whole day d: computed once per evaluation
        double[] perX = new double[maxX + 1];
        double[] lnB = new double[maxX + 1];
        boolean[] seenX = new boolean[maxX + 1];
        for (int x : xs) {
            if (!seenX[x]) {
                seenX[x] = true;
                perX[x] = logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
                lnB[x] = x > 0 ? Math.log(b + x - 1) : 0;
            }
        }
        double[] lnAlphaPlus = new double[maxDay + 1];
        for (int d = 0; d <= maxDay; d++) {
            lnAlphaPlus[d] = Math.log(alpha + d / unit);
        }
        double total = 0;
        for (int i = 0; i < xs.length; i++) {
            int x = xs[i];
            double a3 = -(r + x) * lnAlphaPlus[age[i]];
            double tail = a3;
            if (x > 0) {
                double a4 = lnA - lnB[x] - (r + x) * lnAlphaPlus[recency[i]];
                double high = Math.max(a3, a4);
                tail = high + Math.log1p(Math.exp(Math.min(a3, a4) - high));
            }
            total += data.count()[i] * (shared + perX[x] + tail);
        }
        return total;
    }

    /**
     * The maximum-likelihood fit: Nelder–Mead over the logarithms of (r, α, a, b), so every step stays positive,
     * restarted from its own best point until a restart gains nothing; then the standard errors from the inverse of
     * the numeric Hessian of −ln L in the parameters themselves.
     *
     * @throws IllegalArgumentException when no buyer made a repeat purchase (the model cannot be identified)
     */
    public static Fit fit(Patterns data) {
        if (!data.anyRepeat()) {
            throw new IllegalArgumentException("no buyer made a repeat purchase");
        }
        double meanAge = 0;
        for (int i = 0; i < data.x().length; i++) {
            meanAge += (double) data.count()[i] * data.ageDays()[i] / data.unitDays();
        }
        meanAge /= data.buyers();
        double[] start = {0, Math.log(Math.max(meanAge, 1)), 0, 0};
        double[] best = NelderMead.minimize(logs -> negative(logs, data), start, 0.5);
        Parameters parameters = Parameters.ofLogs(best);
        return new Fit(parameters, logLikelihood(parameters, data), standardErrors(parameters, data), data.buyers());
    }

    private static double negative(double[] logs, Patterns data) {
        for (double v : logs) {
            if (Math.abs(v) > LOG_BOUND) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double value = -logLikelihood(Parameters.ofLogs(logs), data);
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    /** √diag of the inverse of the Hessian of −ln L, by central differences with steps of 10⁻⁴ of each parameter. */
    static Parameters standardErrors(Parameters p, Patterns data) {
        double[] at = p.values();
        int n = at.length;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 1e-4 * at[i];
        }
        double f0 = -logLikelihood(p, data);
        double[][] hessian = new double[n][n];
        for (int i = 0; i < n; i++) {
            double plus = f(at, data, i, h[i], -1, 0);
            double minus = f(at, data, i, -h[i], -1, 0);
            hessian[i][i] = (plus - 2 * f0 + minus) / (h[i] * h[i]);
            for (int j = 0; j < i; j++) {
                double pp = f(at, data, i, h[i], j, h[j]);
                double pm = f(at, data, i, h[i], j, -h[j]);
                double mp = f(at, data, i, -h[i], j, h[j]);
                double mm = f(at, data, i, -h[i], j, -h[j]);
                hessian[i][j] = hessian[j][i] = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
            }
        }
        double[][] covariance = invert(hessian);
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            se[i] = covariance == null || covariance[i][i] < 0 ? Double.NaN : Math.sqrt(covariance[i][i]);
        }
        return new Parameters(se[0], se[1], se[2], se[3]);
    }

    private static double f(double[] at, Patterns data, int i, double di, int j, double dj) {
        double[] moved = at.clone();
        moved[i] += di;
        if (j >= 0) {
            moved[j] += dj;
        }
        return -logLikelihood(new Parameters(moved[0], moved[1], moved[2], moved[3]), data);
    }

    /** Gauss–Jordan with partial pivoting; null when the matrix is singular. */
    static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-300) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double scale = m[col][col];
            for (int k = 0; k < 2 * n; k++) {
                m[col][k] /= scale;
            }
            for (int row = 0; row < n; row++) {
                if (row != col && m[row][col] != 0) {
                    double factor = m[row][col];
                    for (int k = 0; k < 2 * n; k++) {
                        m[row][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inverse[i], 0, n);
        }
        return inverse;
    }

    /**
     * P(alive | x, tₓ, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x))  (FHL 2005, eq. 13).
     */
    public static double probabilityAlive(Parameters p, int x, double recency, double age) {
        if (x == 0) {
            return 1.0;
        }
        double log = Math.log(p.a() / (p.b() + x - 1)) + (p.r() + x) * Math.log((p.alpha() + age) / (p.alpha() + recency));
        return 1.0 / (1.0 + Math.exp(log));
    }

    /**
     * E[Y(t) | x, tₓ, T], the expected purchases in the next {@code t} (FHL 2005, eq. 10):
     * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / D,
     * D = 1 + [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x). With c = a+b+x−1 and G the bracketed product, Pfaff's
     * transformation gives G = ₂F₁(r+x, a−1; c; w) with w = −t/(α+T); see {@link #oneMinusGOverAMinusOne}.
     */
    public static double expectedPurchases(Parameters p, int x, double recency, double age, double t) {
        if (t <= 0) {
            return 0;
        }
        double c = p.a() + p.b() + x - 1;
        double q = oneMinusGOverAMinusOne(p, x, age, t);
        double d = 1.0;
        if (x > 0) {
            d += Math.exp(Math.log(p.a() / (p.b() + x - 1)) + (p.r() + x) * Math.log((p.alpha() + age) / (p.alpha() + recency)));
        }
        return c * q / d;
    }

    /**
     * (1 − G) / (a − 1), without dividing by a − 1 where the series allows it. When t ≤ (α+T)/2, |w| ≤ 1/2 and the
     * Pfaff form's series has the factor (a−1)ₙ = (a−1)(a)ₙ₋₁ in every term, so (1 − G)/(a − 1) =
     * −Σₙ≥₁ (r+x)ₙ (a)ₙ₋₁ / ((c)ₙ n!) wⁿ, exact at a = 1 and free of cancellation. Otherwise z = t/(α+T+t) lies in
     * [1/3, 1) and, by Euler's transformation, G = (1−z)^(a−1) ₂F₁(c−r−x, a−1; c; z) (|z| < |w| there): unlike
     * (1−z)^(r+x) ₂F₁(r+x, b+x; c; z), whose series overflows while its factor underflows once x is in the hundreds,
     * both parts stay bounded. Near a = 1 the quotient is taken as the mean of its values at a ± 2·10⁻⁶, since it is
     * smooth in a. Where z is within about 10⁻⁶ of 1 (a horizon millions of times α+T) the series may not settle
     * within {@link SpecialFunctions#MAX_TERMS}: an {@link ArithmeticException}.
     */
    static double oneMinusGOverAMinusOne(Parameters p, int x, double age, double t) {
        double rx = p.r() + x;
        double c = p.a() + p.b() + x - 1;
        double w = -t / (p.alpha() + age);
        if (Math.abs(w) <= 0.5) {
            return -SpecialFunctions.hypergeometricTail(rx, p.a() - 1, c, w, 1, rx * w / c);
        }
        if (Math.abs(p.a() - 1) < 1e-6) {
            return 0.5 * (oneMinusGOverAMinusOne(new Parameters(p.r(), p.alpha(), 1 + 2e-6, p.b()), x, age, t)
                    + oneMinusGOverAMinusOne(new Parameters(p.r(), p.alpha(), 1 - 2e-6, p.b()), x, age, t));
        }
        double z = t / (p.alpha() + age + t);
        double g = Math.exp((p.a() - 1) * Math.log1p(-z)) * SpecialFunctions.hypergeometric(c - rx, p.a() - 1, c, z);
        return (1 - g) / (p.a() - 1);
    }
}
