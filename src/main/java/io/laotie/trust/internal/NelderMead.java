package io.laotie.trust.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder–Mead simplex method (reflection 1, expansion 2, contraction ½, shrink ½), restarted from its best point
 * with a fresh simplex until a restart improves the value by less than 10⁻¹⁰ of it: a simplex that collapsed early on a
 * ridge gets a second look, which is what makes the method dependable for a smooth likelihood of a few parameters.
 * Deterministic; minimises.
 */
final class NelderMead {

    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 20;
    private static final double TOLERANCE = 1e-12;

    private NelderMead() {
    }

    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double step) {
        double[] best = start.clone();
        double value = f.applyAsDouble(best);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            double[] next = run(f, best, restart == 0 ? step : step / 4);
            double nextValue = f.applyAsDouble(next);
            boolean gained = nextValue < value - 1e-10 * Math.max(1, Math.abs(value));
            if (nextValue < value) {
                best = next;
                value = nextValue;
            }
            if (!gained && restart > 0) {
                break;
            }
        }
        return best;
    }

    private static double[] run(ToDoubleFunction<double[]> f, double[] start, double step) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
        }
        Integer[] order = new Integer[n + 1];
        int evaluations = n + 1;
        while (evaluations < MAX_EVALUATIONS) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            final double[] v = values;
            Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
            double[][] s = new double[n + 1][];
            double[] sv = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                s[i] = simplex[order[i]];
                sv[i] = values[order[i]];
            }
            simplex = s;
            values = sv;
            if (Math.abs(values[n] - values[0]) <= TOLERANCE * Math.max(1, Math.abs(values[0])) && spread(simplex) < 1e-9) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    centroid[k] += simplex[i][k] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -1);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < values[0]) {
                double[] expanded = along(centroid, simplex[n], -2);
                double fe = f.applyAsDouble(expanded);
                evaluations++;
                if (fe < fr) {
                    simplex[n] = expanded;
                    values[n] = fe;
                } else {
                    simplex[n] = reflected;
                    values[n] = fr;
                }
            } else if (fr < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = fr;
            } else {
                boolean outside = fr < values[n];
                double[] contracted = along(centroid, simplex[n], outside ? -0.5 : 0.5);
                double fc = f.applyAsDouble(contracted);
                evaluations++;
                if (fc < (outside ? fr : values[n])) {
                    simplex[n] = contracted;
                    values[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                    evaluations += n;
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** centroid + t · (point − centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] result = new double[centroid.length];
        for (int k = 0; k < result.length; k++) {
            result[k] = centroid[k] + t * (point[k] - centroid[k]);
        }
        return result;
    }

    private static double spread(double[][] simplex) {
        double max = 0;
        for (int i = 1; i < simplex.length; i++) {
            for (int k = 0; k < simplex[0].length; k++) {
                max = Math.max(max, Math.abs(simplex[i][k] - simplex[0][k]));
            }
        }
        return max;
    }
}
