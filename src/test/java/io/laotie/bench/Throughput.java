package io.laotie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Measures calls per second of one operation made by many threads, for the in-process benchmarks. */
final class Throughput {

    /** One call of the measured operation; {@code n} counts from 0 to the number of calls. */
    interface Call {
        void run(long n) throws Exception;
    }

    private Throughput() {
    }

    /**
     * Answers calls per second for {@code calls} calls shared by {@code threads} threads. The clock starts when the
     * barrier opens and stops when the last worker finishes, as the workers see it: with 200 threads on few cores the
     * main thread may run long after either moment.
     */
    static double of(int threads, long calls, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong began = new AtomicLong();
        AtomicLong ended = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(threads, () -> began.set(System.nanoTime()));
        AtomicLong next = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                long n;
                while ((n = next.getAndIncrement()) < calls) {
                    call.run(n);
                }
                ended.accumulateAndGet(System.nanoTime(), Math::max);
                return null;
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        return calls / ((ended.get() - began.get()) / 1e9);
    }
}
