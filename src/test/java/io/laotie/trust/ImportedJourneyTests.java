package io.laotie.trust;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.Imports;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Imported order history builds fan journeys by the same rules as live orders, and the import is DONE only then. */
@LaotieTest
class ImportedJourneyTests {

    @Autowired Api api;
    @Autowired Imports imports;

    @Test
    void importedBuyersConvertTrustAndRepurchaseOnTheirOrdersDates() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        String ref = Api.unique("fan");
        String csv = """
                buyer_reference,ordered_at,amount
                %1$s-a,2025-03-09T20:15,12900
                %1$s-a,2025-03-01,6800
                %1$s-a,2025-03-01T18:00,100
                %1$s-b,2025-04-02,1990
                """.formatted(ref);
        var started = imports.post(target, operator, csv);
        assertThat(started.status()).isEqualTo(201);
        String path = "/api/operator/order-history-imports/" + started.id();
        Eventually.until("import done", () -> api.get(path, operator).text("status").equals("DONE"));

        String creator = "/api/creators/" + target.creator().id();
        JsonNode page = api.get(creator + "/journeys", target.creator()).body();
        assertThat(page.path("total").asLong()).isEqualTo(2);
        Map<String, JsonNode> byName = new HashMap<>();
        page.path("items").forEach(j -> byName.put(j.path("viewerName").asString(), j));
        JsonNode a = byName.get(ref + "-a");
        JsonNode b = byName.get(ref + "-b");
        assertThat(a.path("stage").asString()).isEqualTo("REPURCHASING");
        assertThat(a.path("source").asString()).isEqualTo("IMPORT");
        assertThat(a.path("firstContactAt").asString()).isEqualTo("2025-02-28T16:00:00Z");
        assertThat(b.path("stage").asString()).as("kept: trusting").isEqualTo("TRUSTING");

        JsonNode steps = api.get(creator + "/journeys/" + a.path("viewerId").asString(), target.creator()).body().path("steps");
        List<String> moves = new ArrayList<>();
        steps.forEach(s -> moves.add(s.path("from").asString("-") + "→" + s.path("to").asString()));
        assertThat(moves).containsExactly("-→CONVERTED", "CONVERTED→TRUSTING", "TRUSTING→REPURCHASING");
        assertThat(steps.get(2).path("at").asString()).as("the second distinct day").isEqualTo("2025-03-09T12:15:00Z");

        JsonNode funnel = api.get(creator + "/funnel?source=IMPORT&from=2025-01-01&to=2025-12-31", target.creator()).body();
        assertThat(funnel.path("stages").valueStream().map(s -> s.path("count").asLong()).toList()).containsExactly(0L, 0L, 2L, 2L, 1L);
    }
}
