package io.laotie.trust.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.platform.ValidationFailed;
import io.laotie.platform.web.Notices;
import io.laotie.trust.Repurchase;
import io.laotie.trust.RepurchaseModel;
import io.laotie.trust.RepurchaseUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The creator studio's repurchase page (复购): "fans likely to come back" (highest expected purchases in the horizon)
 * and "fans slipping away" (repeat buyers the model thinks are probably gone, by what they spent), each linking to the
 * fan's journey, above the model's parameters in plain words. The period, unit and horizon are a GET form, so a view
 * can be bookmarked. Operators open any creator's with {@code ?creatorId=}.
 */
@Controller
class RepurchasePages {

    static final int SHOWN = 20;
    /** Below this probability of still being active, a repeat buyer is "slipping away". */
    static final double SLIPPING = 0.5;

    /** A fan as the page lists them. */
    record Fan(long accountId, String name, int frequency, String recency, String expected, int alivePercent, long pastValue) {
    }

    private final Repurchase repurchase;
    private final Accounts accounts;
    private final Notices notices;
    private final Clock clock;
    private final ZoneId zone;

    RepurchasePages(Repurchase repurchase, Accounts accounts, Notices notices, Clock clock, ZoneId platformZone) {
        this.repurchase = repurchase;
        this.accounts = accounts;
        this.notices = notices;
        this.clock = clock;
        this.zone = platformZone;
    }

    @GetMapping("/studio/repurchase")
    String page(Caller caller, @RequestParam(required = false) @Nullable Long creatorId,
                @RequestParam(defaultValue = "") String calibrationStart, @RequestParam(defaultValue = "") String calibrationEnd,
                @RequestParam(defaultValue = "WEEK") String unit, @RequestParam(defaultValue = "") String horizon, Model model) {
        long creator = creatorId == null ? caller.accountId() : creatorId;
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate end = date(calibrationEnd, today);
        LocalDate start = date(calibrationStart, end.minusYears(1));
        RepurchaseUnit chosen = "DAY".equals(unit) ? RepurchaseUnit.DAY : RepurchaseUnit.WEEK;
        int defaultHorizon = chosen == RepurchaseUnit.WEEK ? 12 : 90;
        int length = number(horizon, defaultHorizon);
        model.addAttribute("creatorId", creator);
        model.addAttribute("onBehalf", creator != caller.accountId());
        model.addAttribute("calibrationStart", start.toString());
        model.addAttribute("calibrationEnd", end.toString());
        model.addAttribute("unit", chosen.name());
        model.addAttribute("horizon", length);
        try {
            Repurchase.Outlook outlook = repurchase.outlook(caller, creator, start, end, chosen, length);
            List<RepurchaseModel.Item> items = outlook.items();
            List<RepurchaseModel.Item> likely = items.stream()
                    .sorted(Comparator.comparingDouble(RepurchaseModel.Item::expectedPurchases).reversed()).limit(SHOWN).toList();
            List<RepurchaseModel.Item> slipping = items.stream()
                    .filter(i -> i.frequency() > 0 && i.probabilityAlive() < SLIPPING)
                    .sorted(Comparator.comparingLong(RepurchaseModel.Item::pastValue).reversed()
                            .thenComparingDouble(RepurchaseModel.Item::probabilityAlive)).limit(SHOWN).toList();
            Set<Long> people = new HashSet<>();
            likely.forEach(i -> people.add(i.accountId()));
            slipping.forEach(i -> people.add(i.accountId()));
            Map<Long, String> names = accounts.displayNames(people);
            model.addAttribute("fit", outlook.fit());
            model.addAttribute("likely", likely.stream().map(i -> fan(i, names)).toList());
            model.addAttribute("slipping", slipping.stream().map(i -> fan(i, names)).toList());
            model.addAttribute("repeatBuyers", items.stream().filter(i -> i.frequency() > 0).count());
        } catch (ValidationFailed refused) { // a period without buyers, a horizon out of range: said on the page
            model.addAttribute("refusal", notices.describe(refused));
        }
        return "studio/repurchase";
    }

    private static Fan fan(RepurchaseModel.Item item, Map<Long, String> names) {
        return new Fan(item.accountId(), names.getOrDefault(item.accountId(), "#" + item.accountId()), item.frequency(),
                String.format(Locale.ROOT, "%.1f", item.recency()), String.format(Locale.ROOT, "%.2f", item.expectedPurchases()),
                (int) Math.round(100 * item.probabilityAlive()), item.pastValue());
    }

    private static LocalDate date(String typed, LocalDate otherwise) {
        try {
            return typed.isBlank() ? otherwise : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            return otherwise;
        }
    }

    private static int number(String typed, int otherwise) {
        try {
            return typed.isBlank() ? otherwise : Integer.parseInt(typed.strip());
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }
}
