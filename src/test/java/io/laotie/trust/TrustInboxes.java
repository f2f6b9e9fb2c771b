package io.laotie.trust;

import io.laotie.support.Eventually;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for the trust chain to have absorbed everything published so far (its inbox, docs/trust-inbox.md). */
public final class TrustInboxes {

    private TrustInboxes() {
    }

    /** Waits until the inbox holds nothing to absorb, and fails if an event was set aside as failing. */
    public static void awaitDrained(JdbcClient jdbc, Duration within) {
        Eventually.until("the trust inbox drained", within,
                () -> jdbc.sql("select count(*) from trust_inbox where failed_at is null").query(Long.class).single() == 0);
        assertThat(jdbc.sql("select kind || ': ' || error from trust_inbox where failed_at is not null").query(String.class).list())
                .as("events the trust chain set aside").isEmpty();
    }
}
