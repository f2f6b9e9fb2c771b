package io.laotie.trust.internal;

import org.junit.jupiter.api.Test;

import static io.laotie.trust.internal.SpecialFunctions.hypergeometric;
import static io.laotie.trust.internal.SpecialFunctions.logGamma;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The model's special functions and formulas against closed forms and an independent route: the conditional
 * expectation computed by quadrature over the dropout probability p, where the integral over λ has a closed form.
 */
class BgNbdTests {

    static final BgNbd.Parameters CDNOW = new BgNbd.Parameters(0.243, 4.414, 0.793, 2.426);

    @Test
    void logGammaMatchesKnownValues() {
        assertThat(logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
        assertThat(logGamma(10)).isCloseTo(Math.log(362_880), within(1e-12));
        assertThat(logGamma(0.1)).isCloseTo(Math.log(9.513507698668731836), within(1e-13));
        assertThat(logGamma(1001)).isCloseTo(5912.128178488163, within(1e-8)); // ln 1000!
    }

    @Test
    void hypergeometricSeriesMatchesClosedFormsUpToCloseToOne() {
        for (double z : new double[]{-0.9, -0.3, 0.0, 0.3, 0.9, 0.99, 0.999}) {
            double logForm = z == 0 ? 1 : -Math.log1p(-z) / z; // ₂F₁(1, 1; 2; z)
            assertThat(hypergeometric(1, 1, 2, z)).isCloseTo(logForm, within(1e-12 * Math.abs(logForm)));
            double power = Math.pow(1 - z, -0.7); // ₂F₁(a, b; b; z) = (1 − z)^−a
            assertThat(hypergeometric(0.7, 2.3, 2.3, z)).isCloseTo(power, within(1e-12 * power));
        }
        assertThatThrownBy(() -> hypergeometric(1, 1, 2, 1.0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void expectedPurchasesAgreeWithQuadratureOnBothSidesOfThePfaffSwitch() {
        BgNbd.Parameters nearOne = new BgNbd.Parameters(0.5, 3.0, 1.0000001, 2.0);
        BgNbd.Parameters wide = new BgNbd.Parameters(1.7, 12.0, 2.5, 6.0);
        for (BgNbd.Parameters p : new BgNbd.Parameters[]{CDNOW, nearOne, wide}) {
            for (double[] c : new double[][]{{0, 0, 38.86, 39}, {2, 30.43, 38.86, 39}, {2, 30.43, 38.86, 5}, {7, 35, 38, 2},
                    {1, 1, 60, 200}, {0, 0, 0.1, 52}, {12, 37.9, 38.9, 1}}) {
                int x = (int) c[0];
                double expected = BgNbd.expectedPurchases(p, x, c[1], c[2], c[3]);
                double integral = byQuadrature(p, x, c[1], c[2], c[3]);
                assertThat(expected).as("%s x=%d tx=%s T=%s t=%s", p, x, c[1], c[2], c[3])
                        .isCloseTo(integral, within(2e-6 * Math.max(1, integral)));
            }
        }
    }

    @Test
    void dailyBuyersOfManyDaysOverATenYearHorizonGetTheirExpectationNotNaN() {
        // unit DAY: α in days, hundreds of repeat days, a 3,650-day horizon (the untransformed series overflowed to ∞
        // while its factor underflowed to 0)
        BgNbd.Parameters daily = new BgNbd.Parameters(0.243, 30.9, 0.793, 2.426);
        BgNbd.Parameters wide = new BgNbd.Parameters(1.7, 12.0, 2.5, 6.0);
        for (BgNbd.Parameters p : new BgNbd.Parameters[]{daily, wide}) {
            for (double[] c : new double[][]{{300, 2900, 3000, 3650}, {600, 3300, 3400, 3650}, {1000, 3640, 3649, 3650}}) {
                int x = (int) c[0];
                double expected = BgNbd.expectedPurchases(p, x, c[1], c[2], c[3]);
                double integral = scaledQuadrature(p, x, c[1], c[2], c[3]);
                assertThat(expected).as("%s x=%d tx=%s T=%s t=%s", p, x, c[1], c[2], c[3])
                        .isFinite().isCloseTo(integral, within(2e-6 * Math.max(1, integral)));
            }
        }
    }

    @Test
    void aBuyerOfTheLastDayWithATinyAlphaIsAnsweredOrRefusedNeverNaN() {
        BgNbd.Parameters tiny = new BgNbd.Parameters(0.243, 0.5, 0.793, 2.426);
        double expected = BgNbd.expectedPurchases(tiny, 0, 0, 0, 3650);
        assertThat(expected).isCloseTo(scaledQuadrature(tiny, 0, 0, 0, 3650), within(2e-6 * Math.max(1, expected)));
        // α + T a million times smaller than the horizon: the series would need some 10⁸ terms; refused, not a NaN
        assertThatThrownBy(() -> BgNbd.expectedPurchases(new BgNbd.Parameters(0.243, 0.0001, 0.793, 2.426), 0, 0, 0, 3650))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theWorkedExampleOfThePaperGivesItsExpectation() {
        // FHL (2005): a CDNOW buyer with x = 2, tₓ = 30.43, T = 38.86 is expected to buy 1.226 times in the next 39 weeks
        assertThat(BgNbd.expectedPurchases(CDNOW, 2, 30.43, 38.86, 39)).isCloseTo(1.226, within(0.001));
    }

    @Test
    void probabilityAliveIsOneWithoutRepeatsAndFallsWithTimeSinceTheLast() {
        assertThat(BgNbd.probabilityAlive(CDNOW, 0, 0, 38)).isEqualTo(1.0);
        double recent = BgNbd.probabilityAlive(CDNOW, 3, 37, 38);
        double long_ago = BgNbd.probabilityAlive(CDNOW, 3, 5, 38);
        assertThat(recent).isGreaterThan(long_ago).isLessThan(1.0);
        assertThat(long_ago).isGreaterThan(0.0);
    }

    @Test
    void theLogLikelihoodOfAPatternIsTheLogOfItsLikelihoodIntegratedOverTheMixing() {
        BgNbd.Patterns one = new BgNbd.Patterns(new int[]{2}, new int[]{213}, new int[]{272}, new int[]{1}, 7);
        double ll = BgNbd.logLikelihood(CDNOW, one);
        assertThat(ll).isCloseTo(Math.log(likelihoodByQuadrature(CDNOW, 2, 213 / 7.0, 272 / 7.0)), within(1e-6));
    }

    /**
     * E[Y(t) | x, tₓ, T] = ∫ f(p) (1−p)ˣ/p [(α+T)^−(r+x) − (α+T+pt)^−(r+x)] dp / ∫ f(p) [(1−p)ˣ (α+T)^−(r+x)
     * + [x>0] p (1−p)^(x−1) (α+tₓ)^−(r+x)] dp, f the Beta(a, b) density; the λ integrals are closed (common factors
     * cancel). An alive buyer with rate λ and dropout p buys (1 − e^−λpt)/p in the next t. Simpson's rule after
     * p = s^(1/a) where a is small, which takes the p^(a−1) singularity away.
     */
    static double byQuadrature(BgNbd.Parameters p, int x, double tx, double T, double t) {
        double rx = p.r() + x;
        double a = p.a(), b = p.b(), alpha = p.alpha();
        int n = 200_000;
        double k = a < 1.5 ? 1 / a : 1; // p = s^k: for a small a, p^(a−1) dp becomes ds / a
        double top = 0, bottom = 0;
        for (int i = 0; i <= n; i++) {
            double s = (double) i / n;
            double weight = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double q = Math.pow(s, k);
            if (q >= 1) {
                continue; // (1 − p)^(b−1) vanishes there (b > 1 in every case here)
            }
            double density = k * Math.pow(s, k * a - 1) * Math.pow(1 - q, b - 1); // p^(a−1) dp
            double alive = Math.pow(1 - q, x) * Math.pow(alpha + T, -rx);
            double gone = x > 0 ? q * Math.pow(1 - q, x - 1) * Math.pow(alpha + tx, -rx) : 0;
            double ahead = q == 0 ? rx * t * Math.pow(alpha + T, -rx - 1) // the limit as p → 0
                    : Math.pow(1 - q, x) / q * (Math.pow(alpha + T, -rx) - Math.pow(alpha + T + q * t, -rx));
            top += weight * density * ahead;
            bottom += weight * density * (alive + gone);
        }
        return top / bottom;
    }

    /**
     * {@link #byQuadrature} with both integrands divided by (α+T)^−(r+x), which underflows to 0 for x in the hundreds;
     * the p integral over p = s^(1/a) near 0, where (1−p)^x puts all the weight for a large x, on a finer grid.
     */
    static double scaledQuadrature(BgNbd.Parameters p, int x, double tx, double T, double t) {
        double rx = p.r() + x;
        double a = p.a(), b = p.b(), alpha = p.alpha();
        double k = a < 1.5 ? 1 / a : 1;
        double top = 0, bottom = 0;
        // split [0, 1] in s at points where (1−p)^x has fallen off, each part by Simpson's rule
        double[] cuts = {0, Math.pow(Math.min(1, 50.0 / (x + 1)), 1 / k), 1};
        for (int part = 0; part + 1 < cuts.length; part++) {
            int n = 200_000;
            double from = cuts[part], width = cuts[part + 1] - cuts[part];
            if (width <= 0) {
                continue;
            }
            double h = width / n;
            for (int i = 0; i <= n; i++) {
                double s = from + i * h;
                double weight = ((i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2)) * h / 3;
                double q = Math.pow(s, k);
                if (q >= 1 || s == 0 && k * a - 1 > 0) {
                    continue;
                }
                double density = s == 0 ? k : k * Math.pow(s, k * a - 1) * Math.pow(1 - q, b - 1);
                double alive = Math.pow(1 - q, x);
                double gone = x > 0 ? q * Math.pow(1 - q, x - 1) * Math.pow((alpha + T) / (alpha + tx), rx) : 0;
                double ahead = q == 0 ? rx * t / (alpha + T)
                        : Math.pow(1 - q, x) / q * -Math.expm1(rx * Math.log((alpha + T) / (alpha + T + q * t)));
                top += weight * density * ahead;
                bottom += weight * density * (alive + gone);
            }
        }
        return top / bottom;
    }

    /** L(x, tₓ, T) = B(a,b)⁻¹ ∫ pᵃ⁻¹(1−p)ᵇ⁻¹ Γ(r+x)αʳ/Γ(r) [(1−p)ˣ(α+T)^−(r+x) + [x>0] p(1−p)^(x−1)(α+tₓ)^−(r+x)] dp. */
    static double likelihoodByQuadrature(BgNbd.Parameters p, int x, double tx, double T) {
        double rx = p.r() + x;
        double a = p.a(), b = p.b(), alpha = p.alpha();
        int n = 200_000;
        double sum = Math.pow(alpha + T, -rx) / a; // the end point p = 0; at p = 1 the integrand vanishes (b > 1)
        for (int i = 1; i < n; i++) {
            double s = (double) i / n;
            double weight = i % 2 == 1 ? 4 : 2;
            double q = Math.pow(s, 1 / a);
            double density = Math.pow(1 - q, b - 1) / a;
            sum += weight * density * (Math.pow(1 - q, x) * Math.pow(alpha + T, -rx)
                    + (x > 0 ? q * Math.pow(1 - q, x - 1) * Math.pow(alpha + tx, -rx) : 0));
        }
        double integral = sum / (3.0 * n);
        double logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
        return Math.exp(logGamma(rx) - logGamma(p.r()) + p.r() * Math.log(alpha) - logBeta) * integral;
    }
}
