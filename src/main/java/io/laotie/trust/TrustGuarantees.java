package io.laotie.trust;

import io.laotie.catalog.Shops;
import io.laotie.platform.NotFound;
import io.laotie.trust.internal.GuaranteeRules;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trust guarantees (信任购): which shops hold them, since when, and what they promise. A shop holds them while
 * its experience score (商家体验分) is at or above {@code laotie.trust.guarantees.threshold} and no longer NEW; the
 * trust module grants and revokes them as it hears {@link ExperienceChanged} and announces each change with
 * {@link TrustGuaranteeGranted} or {@link TrustGuaranteeRevoked}. The order module learns of them only through the
 * after-sales policy this module plugs in. Reads only; names and explanations are in the current request's language.
 */
@Service
public class TrustGuarantees {

    private final JdbcClient jdbc;
    private final Shops shops;
    private final GuaranteeRules rules;
    private final MessageSource messages;

    TrustGuarantees(JdbcClient jdbc, Shops shops, GuaranteeRules rules, MessageSource messages) {
        this.jdbc = jdbc;
        this.shops = shops;
        this.rules = rules;
        this.messages = messages;
    }

    /** Whether the shop holds the guarantees now; false for a shop never heard of. */
    public boolean holds(long shopId) {
        return since(shopId).isPresent();
    }

    /**
     * The guarantees the shop offers now, each with the start of the current holding; empty when it holds none.
     * What a shop's experience answer embeds.
     */
    public List<Guarantee> of(long shopId) {
        return since(shopId).map(this::guarantees).orElse(List.of());
    }

    /**
     * The public answer for a shop: guaranteed or not, since when, the badge's explanation, the guarantees and the
     * history of grants and revocations (oldest first).
     *
     * @throws NotFound no such shop
     */
    public ShopGuarantees forShop(long shopId) {
        shops.find(shopId).orElseThrow(() -> new NotFound("Shop", shopId));
        Optional<Instant> since = since(shopId);
        List<ShopGuarantees.Change> history = jdbc.sql("select kind, score, at from guarantee_history where shop_id = ? order by at, id")
                .param(shopId)
                .query((rs, n) -> new ShopGuarantees.Change(ShopGuarantees.Kind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("score").toPlainString(), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
        String threshold = rules.threshold().toPlainString();
        return new ShopGuarantees(shopId, since.isPresent(), since.orElse(null), text("trust.guarantee.badge"),
                text(since.isPresent() ? "trust.guarantee.explanation" : "trust.guarantee.explanation.none", threshold),
                threshold, since.map(this::guarantees).orElse(List.of()), history);
    }

    private Optional<Instant> since(long shopId) {
        return jdbc.sql("select granted_at from guarantee_shops where shop_id = ? and held")
                .param(shopId).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    private List<Guarantee> guarantees(Instant since) {
        List<Guarantee> all = new java.util.ArrayList<>();
        all.add(new Guarantee(GuaranteeCode.REFUND_ON_RETURN_SHIPMENT, text("trust.guarantee.REFUND_ON_RETURN_SHIPMENT"),
                text("trust.guarantee.REFUND_ON_RETURN_SHIPMENT.explanation"), since));
        if (rules.returnShipping() > 0) {
            String yuan = String.format(Locale.ROOT, "%d.%02d", rules.returnShipping() / 100, rules.returnShipping() % 100);
            all.add(new Guarantee(GuaranteeCode.RETURN_SHIPPING, text("trust.guarantee.RETURN_SHIPPING"),
                    text("trust.guarantee.RETURN_SHIPPING.explanation", yuan), since));
        }
        if (rules.counterfeitMultiple() > 0) {
            int times = rules.counterfeitMultiple();
            all.add(new Guarantee(GuaranteeCode.COUNTERFEIT_COMPENSATION,
                    text("trust.guarantee.COUNTERFEIT_COMPENSATION", times, chineseNumeral(times)),
                    text(rules.recoverCompensation() ? "trust.guarantee.COUNTERFEIT_COMPENSATION.explanation"
                            : "trust.guarantee.COUNTERFEIT_COMPENSATION.explanation.platform", times), since));
        }
        return List.copyOf(all);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    /** 假一赔三, 假一赔十: the multiple as its Chinese numeral up to ten, digits beyond. */
    private static String chineseNumeral(int n) {
        String digits = "零一二三四五六七八九十";
        return n >= 0 && n <= 10 ? String.valueOf(digits.charAt(n)) : Integer.toString(n);
    }
}
