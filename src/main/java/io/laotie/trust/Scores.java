package io.laotie.trust;

import io.laotie.catalog.Products;
import io.laotie.catalog.Shops;
import io.laotie.social.Creators;
import io.laotie.identity.Caller;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import io.laotie.trust.internal.Brushing;
import io.laotie.trust.internal.ScoreBook;
import io.laotie.trust.internal.ScoreIntake;
import io.laotie.trust.internal.ScoreRules;
import io.laotie.trust.internal.Scoring;
import io.laotie.trust.internal.Subject;
import io.laotie.trust.internal.SubjectKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reputation (带货口碑分) and experience (商家体验分) scores, read over the rolling window as they stand now, with every
 * component; brushing flags for operators; the orders behind a shop's weak points for its owner. Scores are public;
 * flags and weak orders are checked here (operators; the shop's owner or an operator).
 */
@Service
public class Scores {

    private static final List<String> DIMENSIONS = List.of("product", "logistics", "service");

    private final ScoreBook book;
    private final Scoring scoring;
    private final ScoreRules rules;
    private final Brushing brushing;
    private final ScoreIntake intake;
    private final Shops shops;
    private final Creators creators;
    private final Products products;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TrustGuarantees guarantees;

    Scores(ScoreBook book, ScoreRules rules, Brushing brushing, ScoreIntake intake, Shops shops, Creators creators,
           Products products, JdbcClient jdbc, Clock clock, TrustGuarantees guarantees) {
        this.creators = creators;
        this.products = products;
        this.book = book;
        this.scoring = new Scoring(rules);
        this.guarantees = guarantees;
        this.rules = rules;
        this.brushing = brushing;
        this.intake = intake;
        this.shops = shops;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A creator's reputation now; NEW with the prior's score when nothing is known of them. */
    public CreatorTrust creator(long creatorId) {
        creators.get(creatorId);
        return new CreatorTrust(scoring.reputation(book.tally(Subject.creator(creatorId), clock)));
    }

    /** A shop's experience now, by dimension. */
    public ShopExperience shop(long shopId) {
        shops.get(shopId);
        return scoring.shop(book.tally(Subject.shop(shopId), clock), guarantees.of(shopId));
    }

    /** A product's experience now: its own ratings and refunds. */
    public TrustScore product(long productId, Optional<Caller> caller) {
        products.view(productId, caller);
        return scoring.product(book.tally(Subject.product(productId), clock));
    }

    /**
     * The orders behind a dimension's weak points over the window, newest first; the shop's owner or an operator only
     * (anyone else is answered 404).
     */
    public PageOf<WeakOrder> weakOrders(Caller caller, long shopId, String dimension, PageRequest page) {
        var shop = shops.get(shopId);
        if (!caller.isOperator() && !caller.is(shop.ownerId())) {
            throw new NotFound("Shop experience", shopId);
        }
        String d = dimension.toLowerCase(Locale.ROOT);
        String condition = switch (d) {
            case "product" -> "(kind in ('QUALITY_REFUND', 'COUNTERFEIT_RULING') or (kind = 'REVIEW' and fact_value <= 2))";
            case "logistics" -> "((kind = 'SHIPPED' and fact_value = 0) or (kind = 'DELIVERED' and fact_value > "
                    + rules.times().deliveryPrior().toMinutes() + "))";
            case "service" -> "((kind = 'RESPONSE' and fact_value > " + rules.times().responsePrior().toMinutes()
                    + ") or kind in ('SELLER_CANCEL', 'ARBITRATION_LOST', 'COMPLAINT_UPHELD'))";
            default -> throw ValidationFailed.of("dimension", "must be one of " + String.join(", ", DIMENSIONS));
        };
        String where = " from score_facts where shop_id = :shop and weight_milli > 0 and bucket_day >= :from and " + condition;
        var from = book.windowStart(clock);
        long total = jdbc.sql("select count(*)" + where).param("shop", shopId).param("from", from).query(Long.class).single();
        List<WeakOrder> items = jdbc.sql("select kind, order_id, fact_value, at" + where + " order by at desc, id desc limit :size offset :offset")
                .param("shop", shopId).param("from", from).param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    String kind = rs.getString(1);
                    long value = rs.getLong(3);
                    String reason = switch (kind) {
                        case "SHIPPED" -> "LATE_SHIPMENT";
                        case "DELIVERED" -> "SLOW_DELIVERY";
                        case "COUNTERFEIT_RULING" -> "COUNTERFEIT";
                        case "REVIEW" -> "NEGATIVE_REVIEW";
                        case "RESPONSE" -> "SLOW_RESPONSE";
                        default -> kind;
                    };
                    Double figure = switch (kind) {
                        case "DELIVERED", "RESPONSE" -> Math.round(value / 6.0) / 10.0; // hours, one decimal
                        case "REVIEW" -> (double) value;
                        default -> null;
                    };
                    return new WeakOrder(rs.getObject(2, Long.class), d, reason, figure,
                            rs.getObject(4, OffsetDateTime.class).toInstant());
                }).list();
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    /** Brushing flags, open ones first; operators only (the security chain keeps /api/operator to them). */
    public PageOf<BrushingFlag> flags(Caller caller, @Nullable String status, PageRequest page) {
        requireOperator(caller);
        return brushing.list(status, page);
    }

    /** An operator clears a false flag: its buyers' signals count again. 409 when it is not open. */
    public void clearFlag(Caller caller, long flagId) {
        requireOperator(caller);
        intake.clear(flagId, caller.accountId());
    }

    /** How the published scores of creators, shops and products spread. */
    public List<ScoreDistribution> distributions(Caller caller) {
        requireOperator(caller);
        List<ScoreDistribution> out = new ArrayList<>();
        for (SubjectKind kind : SubjectKind.values()) {
            Map<ScoreLabel, Long> labels = new EnumMap<>(ScoreLabel.class);
            for (ScoreLabel label : ScoreLabel.values()) {
                labels.put(label, 0L);
            }
            long[] bands = new long[10];
            jdbc.sql("select label, score from score_subjects where subject_kind = ?").param(kind.name())
                    .query(rs -> {
                        ScoreLabel label = ScoreLabel.valueOf(rs.getString(1));
                        labels.merge(label, 1L, Long::sum);
                        var score = rs.getBigDecimal(2);
                        if (label != ScoreLabel.NEW && score != null) {
                            bands[Math.min(9, (int) (score.doubleValue() * 2))]++;
                        }
                    });
            List<ScoreDistribution.Band> bandList = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                bandList.add(new ScoreDistribution.Band(i / 2.0, (i + 1) / 2.0, bands[i]));
            }
            out.add(new ScoreDistribution(kind.name(), labels.entrySet().stream()
                    .map(e -> new ScoreDistribution.LabelCount(e.getKey(), e.getValue())).toList(), bandList));
        }
        return out;
    }

    /** Whether the caller may see a shop's weak orders (its owner or an operator). */
    public boolean mayManage(Optional<Caller> caller, long shopId) {
        return caller.map(c -> c.isOperator() || shops.find(shopId).map(s -> c.is(s.ownerId())).orElse(false)).orElse(false);
    }

    private static void requireOperator(Caller caller) {
        if (!caller.isOperator()) {
            throw new NotFound("Flags are for operators");
        }
    }
}
