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

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust chain's inbox (docs/trust-inbox.md): what it hears is kept exactly when the publisher's transaction is, and
 * an event that cannot be absorbed is set aside after its attempts without holding up the events behind it.
 */
@LaotieTest
class TrustInboxTests {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void anEventThatCannotBeAbsorbedIsSetAsideAndHoldsUpNothingBehindIt() {
        TrustWorld world = new TrustWorld(api);
        long broken = ids.next();
        jdbc.sql("insert into trust_inbox (id, kind, payload, received_at) values (?, 'OrderPaid', '{\"orderId\": \"柿饼\"}', ?)")
                .params(broken, Timestamp.from(Instant.now())).update();
        try {
            User fan = world.buyer();
            world.follow(fan, "SEARCH");
            Eventually.until("the follow behind the broken event is absorbed",
                    () -> "FOLLOWED".equals(world.journey(fan).path("stage").asString()));
            Eventually.until("the broken event is set aside", Duration.ofSeconds(30),
                    () -> jdbc.sql("select failed_at is not null from trust_inbox where id = ?").param(broken).query(Boolean.class).single());
            assertThat(jdbc.sql("select attempts from trust_inbox where id = ?").param(broken).query(Integer.class).single()).isEqualTo(5);
            assertThat(jdbc.sql("select error from trust_inbox where id = ?").param(broken).query(String.class).single()).contains("orderId");
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
