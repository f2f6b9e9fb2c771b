package io.laotie.trust;

import io.laotie.platform.Ids;
import io.laotie.social.CreatorFollowed;
import io.laotie.social.FollowSource;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust chain's inbox (docs/trust-inbox.md): what it hears is kept exactly when the publisher's transaction is; an
 * event that cannot be absorbed is set aside after its attempts without holding up the events behind it, and operators
 * see it and put it back in line.
 */
@LaotieTest
class TrustInboxTests {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void anEventThatCannotBeAbsorbedIsSetAsideHoldsUpNothingAndGoesBackInLineWhenAnOperatorSaysSo() {
        TrustWorld world = new TrustWorld(api);
        User late = world.buyer();
        long broken = ids.next();
        jdbc.sql("insert into trust_inbox (id, kind, payload, received_at) values (?, 'CreatorFollowed', ?, ?)")
                .params(broken, "{\"viewerId\": \"柿饼\", \"creatorId\": " + world.creator.id() + "}", Timestamp.from(Instant.now()))
                .update();
        try {
            User fan = world.buyer();
            world.follow(fan, "SEARCH");
            Eventually.until("the follow behind the broken event is absorbed",
                    () -> "FOLLOWED".equals(world.journey(fan).path("stage").asString()));
            Eventually.until("the broken event is set aside", Duration.ofSeconds(30),
                    () -> jdbc.sql("select failed_at is not null from trust_inbox where id = ?").param(broken).query(Boolean.class).single());

            User operator = api.operator();
            JsonNode listed = null;
            for (JsonNode event : api.get("/api/operator/trust/set-aside-events?size=100", operator).body().path("items")) {
                if (event.path("id").asString().equals(Long.toString(broken))) {
                    listed = event;
                }
            }
            assertThat(listed).as("the set-aside event, as operators see it").isNotNull();
            assertThat(listed.path("kind").asString()).isEqualTo("CreatorFollowed");
            assertThat(listed.path("attempts").asInt()).isEqualTo(5);
            assertThat(listed.path("error").asString()).contains("viewerId");
            assertThat(api.get("/api/operator/trust/backlog", operator).body().path("setAside").asLong()).isPositive();
            assertThat(api.get("/api/operator/trust/set-aside-events", fan).status()).isEqualTo(403);
            var badPage = api.get("/api/operator/trust/set-aside-events?size=0", operator);
            assertThat(badPage.status()).isEqualTo(400);
            assertThat(badPage.raw().getResponse().getContentType()).startsWith("application/problem+json");
            var badId = api.post("/api/operator/trust/set-aside-events/柿饼/retry", operator, null);
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.raw().getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(api.post("/api/operator/trust/set-aside-events/" + broken + "/retry", fan, null).status()).isEqualTo(403);

            // the cause is fixed (here: the row itself), and an operator puts the event back in line
            jdbc.sql("update trust_inbox set payload = ? where id = ?")
                    .params("{\"viewerId\": " + late.id() + ", \"creatorId\": " + world.creator.id()
                            + ", \"source\": \"SEARCH\", \"at\": \"" + Instant.now() + "\"}", broken)
                    .update();
            var retried = api.post("/api/operator/trust/set-aside-events/" + broken + "/retry", operator, null);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.text("status")).isEqualTo("WAITING");
            Eventually.until("the event put back in line is absorbed",
                    () -> "FOLLOWED".equals(world.journey(late).path("stage").asString()));
            assertThat(api.post("/api/operator/trust/set-aside-events/" + broken + "/retry", operator, null).status())
                    .as("absorbed: nothing set aside to retry").isEqualTo(404);
        } finally {
            jdbc.sql("delete from trust_inbox where id = ?").param(broken).update();
        }
    }

    @Test
    void whatARolledBackTransactionPublishedIsNeverHeard() {
        TrustWorld world = new TrustWorld(api);
        User ghost = world.buyer();
        User fan = world.buyer();
        long creator = Long.parseLong(world.creator.id());
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new CreatorFollowed(Long.parseLong(ghost.id()), creator, FollowSource.SEARCH, null, Instant.now()));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status ->
                events.publishEvent(new CreatorFollowed(Long.parseLong(fan.id()), creator, FollowSource.SEARCH, null, Instant.now())));
        Eventually.until("the committed follow is absorbed", () -> "FOLLOWED".equals(world.journey(fan).path("stage").asString()));
        TrustInboxes.awaitDrained(jdbc, Duration.ofSeconds(10));
        assertThat(api.get("/api/creators/" + creator + "/journeys/" + ghost.id(), world.creator).status()).isEqualTo(404);
    }
}
