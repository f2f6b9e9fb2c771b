package io.laotie.order;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Imports;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Order-history imports through the HTTP API: what an import keeps, and every way a file is refused. */
@LaotieTest
class OrderHistoryImportTests {

    @Autowired Api api;
    @Autowired Imports imports;
    @Autowired OrderDeadlines deadlines;

    @Test
    void importsEachLineAsACompletedOrderOfAPlaceholderBuyerCreditedToTheCreatorAndIsDoneOnceTheTrustChainAbsorbedIt() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        String ref = Api.unique("ref");
        String csv = """
                buyer_reference,ordered_at,amount
                %1$s-a,2025-03-01,6800\r
                %1$s-a,2025-03-09T20:15,12900
                "%1$s-b, the aunt",2025-04-02 09:00:00,0

                %1$s-c,2025-04-02T09:00:00+08:00,1990
                """.formatted(ref);

        var started = imports.post(target, operator, csv);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(started.text("status")).isIn("PROCESSING", "DONE");
        assertThat(started.body().path("orders").asInt()).isEqualTo(4);
        assertThat(started.body().path("buyers").asInt()).isEqualTo(3);
        assertThat(started.body().path("newBuyers").asInt()).isEqualTo(3);
        String path = "/api/operator/order-history-imports/" + started.id();
        io.laotie.support.Eventually.until("import done", () -> api.get(path, operator).text("status").equals("DONE"));
        JsonNode done = api.get(path, operator).body();
        assertThat(done.path("processedOrders").asInt()).isEqualTo(4);
        assertThat(done.path("processedChunks").asInt()).isEqualTo(done.path("chunks").asInt()).isEqualTo(1);

        deadlines.runDue(); // nothing time-driven applies to imported orders
        JsonNode orders = api.get("/api/orders?as=MERCHANT&size=100", target.merchant()).body().path("items");
        assertThat(orders).hasSize(4);
        Map<String, String> buyerOfTotal = new HashMap<>();
        for (JsonNode order : orders) {
            assertThat(order.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(order.path("creatorId").asString()).isEqualTo(target.creator().id());
            assertThat(order.path("refunded").asLong()).isZero();
            assertThat(order.path("dueAt").isMissingNode() || order.path("dueAt").isNull()).isTrue();
            buyerOfTotal.put(order.path("total").asString(), order.path("buyerId").asString());
        }
        assertThat(buyerOfTotal).containsOnlyKeys("6800", "12900", "0", "1990");
        assertThat(buyerOfTotal.get("6800")).isEqualTo(buyerOfTotal.get("12900"));
        JsonNode aunt = placeholder(operator, ref + "-b");
        assertThat(aunt.path("displayName").asString()).isEqualTo(ref + "-b, the aunt");
        assertThat(aunt.path("imported").asBoolean()).isTrue();
        assertThat(aunt.path("id").asString()).isEqualTo(buyerOfTotal.get("0"));

        // a later file of the shop: a known reference keeps its placeholder, a new one gets its own
        var later = imports.post(target, operator, ref + "-a,2025-05-01,500\n" + ref + "-d,2025-05-02,700\n");
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.body().path("buyers").asInt()).isEqualTo(2);
        assertThat(later.body().path("newBuyers").asInt()).isEqualTo(1);
        JsonNode all = api.get("/api/orders?as=MERCHANT&size=100", target.merchant()).body().path("items");
        String buyerOf500 = "";
        for (JsonNode order : all) {
            if (order.path("total").asLong() == 500) {
                buyerOf500 = order.path("buyerId").asString();
            }
        }
        assertThat(buyerOf500).isEqualTo(buyerOfTotal.get("6800"));
    }

    @Test
    void refusesAFileWithBadLinesWholeNamingEveryBadLineAndKeepsNothing() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        String ref = Api.unique("bad");
        String csv = String.join("\n",
                "buyer_reference,ordered_at,amount",
                ref + "-ok,2025-03-01,6800",
                ref + "-x,2025-13-01,6800",
                ref + "-x,2025-03-01,-5",
                ref + "-x,2025-03-01",
                ",2025-03-01,100",
                ref + "-x,2999-01-01,100",
                ref + "-x,2025-03-01,12.50",
                ref + "-ok2,2025-03-02,100");

        var refused = imports.post(target, operator, csv);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:laotie:problem:validation");
        List<Integer> lines = new ArrayList<>();
        refused.body().path("errors").forEach(e -> lines.add(e.path("line").asInt()));
        assertThat(lines).containsExactly(3, 4, 5, 6, 7, 8);
        JsonNode errors = refused.body().path("errors");
        assertThat(errors.get(0).path("message").asString()).contains("ordered_at");
        assertThat(errors.get(1).path("message").asString()).contains("amount");
        assertThat(errors.get(2).path("message").asString()).contains("expected 3 fields");
        assertThat(errors.get(3).path("message").asString()).contains("buyer_reference");
        assertThat(errors.get(4).path("message").asString()).contains("future");
        assertThat(errors.get(5).path("message").asString()).contains("amount");

        assertThat(api.get("/api/orders?as=MERCHANT", target.merchant()).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/operator/accounts?q=" + ref, operator).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/operator/order-history-imports?size=100", operator).body().path("items").toString())
                .doesNotContain("\"shopId\":\"" + target.shopId() + "\"");
    }

    @Test
    void refusesTheSameContentTwiceForAShopWhateverItsLineEndingsOrHeader() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        String ref = Api.unique("twice");
        String csv = ref + "-a,2025-03-01,6800\n" + ref + "-b,2025-03-02,100\n";
        var first = imports.post(target, operator, csv);
        assertThat(first.status()).isEqualTo(201);

        var again = imports.post(target, operator, "buyer_reference,ordered_at,amount\r\n" + csv.replace("\n", "\r\n"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asString()).as("names the earlier import").contains(first.id());
        var reordered = imports.post(target, operator, ref + "-b,2025-03-02,100\n" + ref + "-a,2025-03-01,6800\n");
        assertThat(reordered.status()).as("the same orders in another order: %s", reordered.body()).isEqualTo(409);
        assertThat(reordered.body().path("detail").asString()).contains(first.id());
        assertThat(api.get("/api/orders?as=MERCHANT", target.merchant()).body().path("total").asLong()).isEqualTo(2);
        assertThat(imports.post(imports.target(), operator, csv).status()).as("another shop's history").isEqualTo(201);
    }

    @Test
    void twoImportsForOneShopAtOnceBringingTheSameNewBuyerNeverFailWithA500() throws Exception {
        User operator = api.operator();
        Imports.Target target = imports.target();
        for (int round = 0; round < 5; round++) {
            String shared = Api.unique("both");
            List<String> files = List.of(shared + ",2025-04-01,500\n" + Api.unique("one") + ",2025-04-02,700\n",
                    shared + ",2025-04-03,900\n" + Api.unique("two") + ",2025-04-04,300\n");
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Api.Response>> posted = new ArrayList<>();
                for (String csv : files) {
                    posted.add(pool.submit(() -> {
                        start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        return imports.post(target, operator, csv);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (var answer : posted) {
                    Api.Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(response.status()).as("%s", response.body()).isIn(201, 409);
                    statuses.add(response.status());
                }
                assertThat(statuses).contains(201);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void onlyOperatorsImportAndFollowImports() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        String csv = Api.unique("who") + ",2025-03-01,6800\n";

        assertThat(imports.post(target, target.merchant(), csv).status()).isEqualTo(403);
        assertThat(imports.post(target, target.creator(), csv).status()).isEqualTo(403);
        assertThat(imports.post(target, null, csv).status()).isEqualTo(401);
        assertThat(api.get("/api/orders?as=MERCHANT", target.merchant()).body().path("total").asLong()).isZero();

        String id = imports.post(target, operator, csv).id();
        assertThat(api.get("/api/operator/order-history-imports/" + id, target.merchant()).status()).isEqualTo(403);
        assertThat(api.get("/api/operator/order-history-imports/" + id, operator).status()).isEqualTo(200);
        assertThat(api.get("/api/operator/order-history-imports/1", operator).status()).isEqualTo(404);
    }

    @Test
    void refusesAnUnknownShopOrCreatorAndAnEmptyFile() {
        User operator = api.operator();
        Imports.Target target = imports.target();
        String csv = Api.unique("who") + ",2025-03-01,6800\n";
        User notACreator = api.user("plain");

        var noShop = imports.post("/api/operator/order-history-imports?shopId=1&creatorId=" + target.creator().id(), operator, csv);
        var noCreator = imports.post("/api/operator/order-history-imports?shopId=" + target.shopId() + "&creatorId=" + notACreator.id(), operator, csv);
        var empty = imports.post(target, operator, "buyer_reference,ordered_at,amount\n");

        assertThat(noShop.status()).isEqualTo(422);
        assertThat(noShop.body().path("errors").get(0).path("field").asString()).isEqualTo("shopId");
        assertThat(noCreator.status()).isEqualTo(422);
        assertThat(noCreator.body().path("errors").get(0).path("field").asString()).isEqualTo("creatorId");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body().path("errors").get(0).path("line").asInt()).isEqualTo(1);
    }

    private JsonNode placeholder(User operator, String reference) {
        JsonNode found = api.get("/api/operator/accounts?q=" + reference, operator).body().path("items");
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
