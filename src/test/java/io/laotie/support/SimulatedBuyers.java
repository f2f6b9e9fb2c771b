package io.laotie.support;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Order histories drawn from the BG/NBD model, as import files: λ ~ Gamma(r, α) per day, p ~ Beta(a, b); after the
 * first purchase a buyer buys at Poisson rate λ and drops out for good with probability p after each repeat purchase.
 * Purchases fall on whole calendar days. Seeded, so a test or a benchmark gets the same file every time.
 */
public final class SimulatedBuyers {

    private SimulatedBuyers() {
    }

    /**
     * CSV lines ({@code buyer_reference,ordered_at,amount}) of {@code buyers} buyers whose first purchase falls on one of
     * the {@code spreadDays} days from {@code start}, observed until {@code end}; each order is 100 fen.
     *
     * @param truth r, α (in days), a, b
     */
    public static String csv(double[] truth, int buyers, LocalDate start, int spreadDays, LocalDate end, String tag,
                             SplittableRandom random) {
        double r = truth[0], alpha = truth[1], a = truth[2], b = truth[3];
        StringBuilder csv = new StringBuilder(buyers * 64);
        for (int i = 0; i < buyers; i++) {
            LocalDate first = start.plusDays(random.nextInt(spreadDays));
            double observed = end.toEpochDay() - first.toEpochDay();
            double lambda = gamma(r, random) / alpha;
            double x = gamma(a, random);
            double p = x / (x + gamma(b, random));
            String who = tag + "-" + i;
            csv.append(who).append(',').append(first).append(",100\n");
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > observed) {
                    break;
                }
                csv.append(who).append(',').append(first.plusDays((long) t)).append(",100\n");
                if (random.nextDouble() < p) {
                    break;
                }
            }
        }
        return csv.toString();
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang, boosted by U^(1/shape) for shapes below one. */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random), v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double normal(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
