/**
 * The trust chain (信任链): fan journeys per (viewer, creator) through follow → engage → convert → trust → repurchase,
 * funnels per creator, reviews and complaints, reputation and experience scores smoothed toward a neutral prior,
 * trust guarantees (信任购) given through the order module's after-sales extension point, and the discounting that
 * makes manipulation gain nothing. It learns everything from the events of social, live and order; other modules
 * learn its results from its events and its extension-point implementations, never by calling it for writes.
 */
@NullMarked
@ApplicationModule(displayName = "Trust",
        allowedDependencies = {"platform", "identity", "catalog", "inventory", "ledger", "order", "social", "live"})
package io.laotie.trust;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
