package io.laotie.trust;

import io.laotie.identity.Caller;
import io.laotie.platform.Forbidden;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import io.laotie.social.Creators;
import io.laotie.trust.internal.BgNbd;
import io.laotie.trust.internal.PurchaseHistories;
import io.laotie.trust.internal.PurchaseHistories.BuyerDays;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Repurchase (复购): per creator, the BG/NBD model fitted to the attributed purchase days of the buyers whose first
 * purchase falls in a calibration period, and what it says of each buyer: expected purchases in a horizon and the
 * probability of still being active. The creator and operators may read it (anyone else 403; an unknown creator
 * 404). Fits are cached per (creator, calibration, unit) and dropped when the creator's inputs change.
 */
@Service
public class Repurchase {

    /** The longest horizon asked for, in days (ten years). */
    public static final int MAX_HORIZON_DAYS = 3650;
    private static final int CACHED_FITS = 16;

    /** What a fit was made for. */
    private record Key(long creatorId, LocalDate start, LocalDate end, RepurchaseUnit unit) {
    }

    /** A fit with the buyers it was made from (parallel arrays) and the input revision it saw. */
    private record Cached(long revision, BgNbd.Fit fit, long[] buyerIds, int[] x, int[] recencyDays, int[] ageDays, long[] values) {
    }

    private final PurchaseHistories histories;
    private final Creators creators;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Key, Cached> fits = new LinkedHashMap<>(CACHED_FITS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > CACHED_FITS;
        }
    };

    /** Fits being made, so concurrent misses of one key wait for one fit. */
    private final ConcurrentHashMap<Key, CompletableFuture<Cached>> fitting = new ConcurrentHashMap<>();

    Repurchase(PurchaseHistories histories, Creators creators, Clock clock, ZoneId platformZone) {
        this.histories = histories;
        this.creators = creators;
        this.clock = clock;
        this.zone = platformZone;
    }

    /**
     * The model and one page of buyers by expected purchases in the next {@code horizon} units, highest first (ties by
     * account id).
     *
     * @throws NotFound         no such creator
     * @throws Forbidden        the caller is neither the creator nor an operator
     * @throws ValidationFailed 400 for parameters out of range, 422 when the period has no buyer or no repeat purchase
     */
    public RepurchaseModel model(Caller caller, long creatorId, LocalDate start, LocalDate end, RepurchaseUnit unit,
                                 int horizon, PageRequest page) {
        Outlook outlook = outlook(caller, creatorId, start, end, unit, horizon);
        Integer[] order = IntStream.range(0, outlook.items().size()).boxed().toArray(Integer[]::new);
        List<RepurchaseModel.Item> items = outlook.items();
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -items.get(i).expectedPurchases())
                .thenComparingLong(i -> items.get(i).accountId()));
        List<RepurchaseModel.Item> shown = new ArrayList<>();
        for (long i = page.offset(); i < Math.min(order.length, page.offset() + page.size()); i++) {
            shown.add(items.get(order[(int) i]));
        }
        return outlook.model(shown, page, items.size());
    }

    /** Everything the model says of every buyer, unsorted, for pages that pick their own. */
    public record Outlook(BgNbd.Fit fit, RepurchaseUnit unit, int horizon, List<RepurchaseModel.Item> items) {

        RepurchaseModel model(List<RepurchaseModel.Item> shown, PageRequest page, long total) {
            BgNbd.Parameters p = fit.parameters();
            BgNbd.Parameters se = fit.standardErrors();
            return new RepurchaseModel(p.r(), p.alpha(), p.a(), p.b(), fit.logLikelihood(), fit.buyers(),
                    new RepurchaseModel.StandardErrors(se.r(), se.alpha(), se.a(), se.b()), unit, horizon, shown,
                    page.page(), page.size(), total);
        }
    }

    /** The fit and every buyer's expectation and probability of being active; same checks as {@link #model}. */
    public Outlook outlook(Caller caller, long creatorId, LocalDate start, LocalDate end, RepurchaseUnit unit, int horizon) {
        creators.find(creatorId).orElseThrow(() -> new NotFound("creator", creatorId));
        if (!caller.is(creatorId) && !caller.isOperator()) {
            throw new Forbidden("Only the creator and operators see the creator's repurchase model");
        }
        check(start, end, unit, horizon);
        try {
            return outlook(fitted(new Key(creatorId, start, end, unit)), unit, horizon);
        } catch (ArithmeticException unsettled) { // a series that does not settle (see BgNbd.oneMinusGOverAMinusOne)
            throw ValidationFailed.unprocessable("horizon", "the model cannot be evaluated for these buyers and this horizon ("
                    + unsettled.getMessage() + "); try a shorter horizon, a longer calibration period or unit WEEK");
        }
    }

    private static Outlook outlook(Cached cached, RepurchaseUnit unit, int horizon) {
        double unitDays = unit.days();
        Map<Long, double[]> byPattern = new HashMap<>(); // many buyers share (x, recency, age)
        List<RepurchaseModel.Item> items = new ArrayList<>(cached.buyerIds().length);
        BgNbd.Parameters p = cached.fit().parameters();
        for (int i = 0; i < cached.buyerIds().length; i++) {
            int x = cached.x()[i];
            double recency = cached.recencyDays()[i] / unitDays;
            double age = cached.ageDays()[i] / unitDays;
            long pattern = ((long) x << 40) | ((long) cached.recencyDays()[i] << 20) | cached.ageDays()[i];
            double[] said = byPattern.computeIfAbsent(pattern, k -> new double[]{
                    BgNbd.expectedPurchases(p, x, recency, age, horizon), BgNbd.probabilityAlive(p, x, recency, age)});
            items.add(new RepurchaseModel.Item(cached.buyerIds()[i], x, recency, age, said[0], said[1], cached.values()[i]));
        }
        return new Outlook(cached.fit(), unit, horizon, items);
    }

    private void check(LocalDate start, LocalDate end, RepurchaseUnit unit, int horizon) {
        if (start.isAfter(end)) {
            throw ValidationFailed.of("calibrationStart", "must not be after calibrationEnd");
        }
        if (end.isAfter(LocalDate.ofInstant(clock.instant(), zone))) {
            throw ValidationFailed.of("calibrationEnd", "must not lie in the future");
        }
        int max = MAX_HORIZON_DAYS / unit.days();
        if (horizon < 1 || horizon > max) {
            throw ValidationFailed.of("horizon", "must be from 1 to " + max + " " + unit.name().toLowerCase() + "s");
        }
    }

    /**
     * The cached fit when it saw the creator's current inputs; otherwise fits once however many ask at the same time:
     * the first request of a key fits, the others wait for its fit (and fit again only if it saw older inputs).
     */
    private Cached fitted(Key key) {
        while (true) {
            long revision = histories.revision(key.creatorId());
            synchronized (fits) {
                Cached cached = fits.get(key);
                if (cached != null && cached.revision() == revision) {
                    return cached;
                }
            }
            CompletableFuture<Cached> mine = new CompletableFuture<>();
            CompletableFuture<Cached> running = fitting.putIfAbsent(key, mine);
            if (running == null) {
                try {
                    Cached made = fit(key, revision);
                    synchronized (fits) {
                        fits.put(key, made);
                    }
                    mine.complete(made);
                    return made;
                } catch (RuntimeException | Error failed) {
                    mine.completeExceptionally(failed);
                    throw failed;
                } finally {
                    fitting.remove(key, mine);
                }
            }
            Cached made;
            try {
                made = running.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failed;
            }
            if (made.revision() >= revision) {
                return made;
            }
        }
    }

    private Cached fit(Key key, long revision) {
        List<BuyerDays> buyers = histories.firstBuyingBetween(key.creatorId(), key.start(), key.end());
        if (buyers.isEmpty()) {
            throw ValidationFailed.unprocessable("calibrationStart", "no buyer of this creator made a first purchase from "
                    + key.start() + " to " + key.end());
        }
        int n = buyers.size();
        long[] ids = new long[n];
        int[] x = new int[n];
        int[] recency = new int[n];
        int[] age = new int[n];
        long[] values = new long[n];
        Map<Long, int[]> patterns = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            BuyerDays b = buyers.get(i);
            ids[i] = b.buyerId();
            x[i] = b.days() - 1;
            recency[i] = (int) ChronoUnit.DAYS.between(b.first(), b.last());
            age[i] = (int) ChronoUnit.DAYS.between(b.first(), key.end());
            values[i] = b.value();
            long pattern = ((long) x[i] << 40) | ((long) recency[i] << 20) | age[i];
            int[] counted = patterns.computeIfAbsent(pattern, k -> new int[4]);
            counted[0] = x[i];
            counted[1] = recency[i];
            counted[2] = age[i];
            counted[3]++;
        }
        int m = patterns.size();
        int[] px = new int[m], pr = new int[m], pa = new int[m], pc = new int[m];
        int j = 0;
        for (int[] counted : patterns.values()) {
            px[j] = counted[0];
            pr[j] = counted[1];
            pa[j] = counted[2];
            pc[j] = counted[3];
            j++;
        }
        BgNbd.Fit fit;
        try {
            fit = BgNbd.fit(new BgNbd.Patterns(px, pr, pa, pc, key.unit().days()));
        } catch (IllegalArgumentException noRepeat) {
            throw ValidationFailed.unprocessable("calibrationEnd", "no buyer first buying in this period bought again by "
                    + key.end() + "; the model needs repeat purchases");
        }
        return new Cached(revision, fit, ids, x, recency, age, values);
    }
}
