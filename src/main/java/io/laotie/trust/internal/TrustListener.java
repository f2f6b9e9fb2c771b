package io.laotie.trust.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What {@code @ApplicationModuleListener} is (after the publisher's commit, asynchronously, in a transaction of its own,
 * kept in the event publication registry until it finishes), but on the trust module's own threads
 * ({@link TrustEvents}). The trust chain is an observer: a burst of orders for one hot shop makes its listeners queue
 * on that shop's rows, and they must not hold up the listeners the buying path waits for (a flash sale giving back the
 * units of a cancelled order) on the application's shared async threads.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async(TrustEvents.EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
public @interface TrustListener {
}
