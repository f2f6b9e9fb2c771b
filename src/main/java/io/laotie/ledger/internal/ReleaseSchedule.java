package io.laotie.ledger.internal;

import io.laotie.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases merchants' settled money once the payout hold has passed, every {@code laotie.ledger.release-interval}. */
@Component
class ReleaseSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReleaseSchedule.class);

    private final Ledger ledger;

    ReleaseSchedule(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${laotie.ledger.release-interval:5s}", initialDelayString = "${laotie.ledger.release-interval:5s}")
    void releaseDue() {
        int released = ledger.releaseDue();
        if (released > 0) {
            log.info("Released the pending money of {} settled orders", released);
        }
    }
}
