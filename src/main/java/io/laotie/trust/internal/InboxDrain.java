package io.laotie.trust.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Takes the trust chain's events out of its inbox ({@link TrustInbox}) in batches, oldest first, and hands each batch
 * to the fan journeys, the scores and the repurchase inputs, in that order, in one transaction that also deletes the
 * batch's rows: a batch is absorbed whole or stays in the inbox. One thread drains; rows are claimed with
 * {@code for update skip locked}, so a second application on the same database takes other rows, never the same.
 * <p>
 * When a batch fails, its events are absorbed one at a time, each in its own transaction, so one bad event holds up
 * nothing else. An event that fails alone is tried again on the next rounds; after
 * {@code laotie.trust.inbox.max-attempts} it is set aside ({@code failed_at}, with the error) and logged, and stays in
 * the inbox for someone to look at.
 */
@Component
class InboxDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxDrain.class);

    /**
     * @param batchSize   events absorbed in one transaction at most
     * @param maxAttempts tries of an event that fails alone before it is set aside
     * @param idlePoll    how often an idle drain looks for rows nobody told it about (written by another application)
     */
    @ConfigurationProperties("laotie.trust.inbox")
    record Settings(@DefaultValue("1000") int batchSize, @DefaultValue("5") int maxAttempts,
                    @DefaultValue("1s") Duration idlePoll) {
    }

    private record Row(long id, String kind, String payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final Settings settings;
    private final List<InboxConsumer> consumers;
    private final Semaphore news = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    InboxDrain(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock, Settings settings,
               JourneySignals journeys, ScoreIntake scores, LivePurchases purchases) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.consumers = List.of(journeys, scores, purchases);
    }

    /** Rows were written: drain now rather than at the next poll. */
    void wake() {
        news.release();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("trust-inbox").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (drainOnce() == 0) {
                    news.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    news.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("The trust inbox could not be read; trying again", e);
                sleep();
            }
        }
    }

    /**
     * Absorbs one batch, or its events one by one when the batch fails.
     *
     * @return how many rows were taken up (absorbed or tried)
     */
    int drainOnce() {
        try {
            Integer taken = transactions.execute(status -> {
                List<Row> rows = claim(settings.batchSize());
                absorb(rows);
                return rows.size();
            });
            return taken == null ? 0 : taken;
        } catch (RuntimeException batchFailed) {
            log.debug("A batch of the trust inbox failed; absorbing its events one by one", batchFailed);
        }
        List<Row> rows = jdbc.sql("select id, kind, payload, attempts from trust_inbox where failed_at is null order by id limit ?")
                .param(settings.batchSize()).query(InboxDrain::row).list();
        for (Row row : rows) {
            try {
                transactions.executeWithoutResult(status -> {
                    List<Row> claimed = jdbc.sql("select id, kind, payload, attempts from trust_inbox where id = ? and failed_at is null for update skip locked")
                            .param(row.id()).query(InboxDrain::row).list();
                    absorb(claimed);
                });
            } catch (RuntimeException failed) {
                failedAlone(row, failed);
            }
        }
        return rows.size();
    }

    private List<Row> claim(int limit) {
        return jdbc.sql("select id, kind, payload, attempts from trust_inbox where failed_at is null order by id limit ? for update skip locked")
                .param(limit).query(InboxDrain::row).list();
    }

    private void absorb(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Class<?> type = TrustInbox.KINDS.get(row.kind());
            if (type == null) {
                throw new IllegalStateException("unknown kind of event in the trust inbox: " + row.kind());
            }
            events.add(json.readValue(row.payload(), type));
        }
        for (InboxConsumer consumer : consumers) {
            consumer.absorb(events);
        }
        jdbc.sql("delete from trust_inbox where id in (:ids)").param("ids", rows.stream().map(Row::id).toList()).update();
    }

    private void failedAlone(Row row, RuntimeException failed) {
        int attempts = row.attempts() + 1;
        boolean setAside = attempts >= settings.maxAttempts();
        String error = String.valueOf(failed);
        jdbc.sql("update trust_inbox set attempts = ?, error = ?, failed_at = ? where id = ?")
                .params(attempts, error.length() > 2000 ? error.substring(0, 2000) : error,
                        setAside ? Timestamp.from(clock.instant()) : null, row.id())
                .update();
        if (setAside) {
            log.error("Trust inbox event {} ({}) failed {} times and is set aside", row.id(), row.kind(), attempts, failed);
        } else {
            log.warn("Trust inbox event {} ({}) failed (attempt {}): {}", row.id(), row.kind(), attempts, error);
        }
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("payload"), rs.getInt("attempts"));
    }

    private void sleep() {
        try {
            Thread.sleep(settings.idlePoll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
