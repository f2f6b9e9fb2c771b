package io.laotie.trust.internal;

import java.util.List;

/**
 * A part of the trust chain fed from the inbox ({@link InboxDrain}): it gets each batch of events in the order they were
 * written, inside the transaction that takes them out of the inbox, and ignores the kinds it has no use for.
 */
interface InboxConsumer {

    void absorb(List<?> events);
}
