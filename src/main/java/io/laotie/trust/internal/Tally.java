package io.laotie.trust.internal;

import java.util.EnumMap;
import java.util.Map;

/** The window's sums of one subject, per metric: n = Σ weight, s = Σ weight × value (milli-weights). Not thread-safe. */
public final class Tally {

    private final Map<Metric, long[]> sums = new EnumMap<>(Metric.class);

    public void add(Metric metric, long n, long s) {
        long[] sum = sums.computeIfAbsent(metric, m -> new long[2]);
        sum[0] += n;
        sum[1] += s;
    }

    /** Σ weight of a metric, in whole weights. */
    public double n(Metric metric) {
        long[] sum = sums.get(metric);
        return sum == null ? 0 : sum[0] / 1000.0;
    }

    /** Σ weight × value of a metric, in whole weights. */
    public double s(Metric metric) {
        long[] sum = sums.get(metric);
        return sum == null ? 0 : sum[1] / 1000.0;
    }

    /** The exact sums, for comparing two tallies. */
    public Map<Metric, long[]> raw() {
        return sums;
    }
}
