package io.laotie.trust;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Imports;
import io.laotie.support.LaotieTest;
import io.laotie.support.SimulatedBuyers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The BG/NBD repurchase model end to end: histories imported through the HTTP import, fitted through the API. The
 * CDNOW sample reproduces Fader, Hardie and Lee's published estimates; a population simulated from known parameters
 * gives them back within their standard errors.
 */
@LaotieTest
class RepurchaseModelTests {

    static final Duration IMPORT = Duration.ofSeconds(60);

    @Autowired Api api;
    @Autowired Imports imports;

    @Test
    void theCdnowSampleReproducesThePublishedEstimates() throws IOException {
        User operator = api.operator();
        Imports.Target target = imports.target();
        imports.imported(target, operator, cdnow(), IMPORT);

        var fitted = api.get(model(target.creator(), "1997-01-01", "1997-09-30", "WEEK", 39, 0, 100), target.creator());

        assertThat(fitted.status()).as(fitted.body().toString()).isEqualTo(200);
        JsonNode m = fitted.body();
        assertThat(m.path("r").asDouble()).isCloseTo(0.243, within(0.243 * 0.01));
        assertThat(m.path("alpha").asDouble()).isCloseTo(4.414, within(4.414 * 0.01));
        assertThat(m.path("a").asDouble()).isCloseTo(0.793, within(0.793 * 0.01));
        assertThat(m.path("b").asDouble()).isCloseTo(2.426, within(2.426 * 0.01));
        assertThat(m.path("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.5));
        assertThat(m.path("buyers").asInt()).isEqualTo(2357);
        assertThat(m.path("total").asLong()).isEqualTo(2357);
        assertThat(m.path("items")).hasSize(100);

        int repeatDays = 0;
        double previous = Double.MAX_VALUE;
        for (int page = 0; page * 100 < 2357; page++) {
            JsonNode items = api.get(model(target.creator(), "1997-01-01", "1997-09-30", "WEEK", 39, page, 100), operator).body().path("items");
            for (JsonNode item : items) {
                repeatDays += item.path("frequency").asInt();
                double expected = item.path("expectedPurchases").asDouble();
                assertThat(expected).isLessThanOrEqualTo(previous);
                previous = expected;
                assertThat(item.path("probabilityAlive").asDouble()).isBetween(0.0, 1.0);
                assertThat(item.path("age").asDouble()).isBetween(38.0 - 13, 39.0);
            }
        }
        assertThat(repeatDays).as("repeat purchase days in the calibration period").isEqualTo(2457);
    }

    /**
     * 4,000 buyers simulated from r = 0.5, α = 20, a = 0.7, b = 2.5 in days (a seeded generator): first purchases
     * spread over the first half of 2024, observed to its end; each estimate lies within two of its standard errors
     * of the truth (two, not one: four estimates each within one would hold only about one time in five).
     */
    @Test
    void aSimulatedPopulationGivesItsParametersBackWithinTheirStandardErrors() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        double[] truth = {0.5, 20, 0.7, 2.5};
        String csv = SimulatedBuyers.csv(truth, 4_000, LocalDate.of(2024, 1, 1), 182, LocalDate.of(2024, 12, 31), Api.unique("sim"),
                new SplittableRandom(20261125));
        imports.imported(target, operator, csv, IMPORT);

        JsonNode m = api.get(model(target.creator(), "2024-01-01", "2024-12-31", "DAY", 90, 0, 10), operator).body();

        assertThat(m.path("buyers").asInt()).isEqualTo(4_000);
        String[] names = {"r", "alpha", "a", "b"};
        for (int i = 0; i < names.length; i++) {
            double estimate = m.path(names[i]).asDouble();
            double se = m.path("standardErrors").path(names[i]).asDouble();
            assertThat(se).as("standard error of " + names[i]).isPositive().isLessThan(truth[i]);
            assertThat(Math.abs(estimate - truth[i])).as("%s = %s ± %s, truth %s", names[i], estimate, se, truth[i])
                    .isLessThanOrEqualTo(2 * se);
        }
    }

    @Test
    void onlyTheCreatorAndOperatorsSeeTheModel() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        imports.imported(target, operator, Api.unique("fan") + ",2025-01-05,100\n" + Api.unique("fan") + ",2025-01-06,100\n", IMPORT);
        String path = model(target.creator(), "2025-01-01", "2025-01-31", "WEEK", 4, 0, 10);
        User anotherCreator = imports.target().creator();

        assertThat(api.get(path, anotherCreator).status()).isEqualTo(403);
        assertThat(api.get(path, target.merchant()).status()).isEqualTo(403);
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path.replace("/creators/" + target.creator().id(), "/creators/1"), operator).status()).isEqualTo(404);
    }

    @Test
    void refusesBadParametersAndPeriodsWithoutBuyersOrRepeatPurchases() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        imports.imported(target, operator, Api.unique("once") + ",2025-01-05,100\n" + Api.unique("once") + ",2025-01-06,100\n", IMPORT);
        User creator = target.creator();
        String base = "/api/creators/" + creator.id() + "/repurchase-model";

        assertThat(api.get(base + "?calibrationStart=2025-02-01&calibrationEnd=2025-01-01", creator).status()).isEqualTo(400);
        assertThat(api.get(base + "?calibrationStart=2025-13-01&calibrationEnd=2025-01-31", creator).status()).isEqualTo(400);
        assertThat(api.get(base + "?calibrationEnd=2025-01-31", creator).status()).isEqualTo(400);
        assertThat(api.get(base + "?calibrationStart=2025-01-01&calibrationEnd=2025-01-31&unit=MONTH", creator).status()).isEqualTo(400);
        assertThat(api.get(base + "?calibrationStart=2025-01-01&calibrationEnd=2025-01-31&horizon=0", creator).status()).isEqualTo(400);
        assertThat(api.get(base + "?calibrationStart=2025-01-01&calibrationEnd=2999-01-31", creator).status()).isEqualTo(400);
        assertThat(api.get(base + "?calibrationStart=2025-01-01&calibrationEnd=2025-01-31&size=101", creator).status()).isEqualTo(400);
        var nobody = api.get(base + "?calibrationStart=2024-01-01&calibrationEnd=2024-12-31", creator);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.text("type")).isEqualTo("urn:laotie:problem:validation");
        assertThat(api.get(base + "?calibrationStart=2025-01-01&calibrationEnd=2025-01-31", creator).status())
                .as("no one bought twice").isEqualTo(422);
    }

    /** The sample as an import file: one order per line, the buyer by master id, the dollars as cents. */
    static String cdnow() throws IOException {
        try (InputStream in = RepurchaseModelTests.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            StringBuilder csv = new StringBuilder("buyer_reference,ordered_at,amount\n");
            for (String line : text.split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                String date = f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6, 8);
                long cents = new BigDecimal(f[4]).movePointRight(2).longValueExact();
                csv.append("cdnow-").append(f[0]).append(',').append(date).append(',').append(cents).append('\n');
            }
            return csv.toString();
        }
    }

    static String model(User creator, String start, String end, String unit, int horizon, int page, int size) {
        return "/api/creators/" + creator.id() + "/repurchase-model?calibrationStart=" + start + "&calibrationEnd=" + end
                + "&unit=" + unit + "&horizon=" + horizon + "&page=" + page + "&size=" + size;
    }
}
