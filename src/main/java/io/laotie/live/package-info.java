/**
 * Live rooms (直播间): live sessions scheduled → live → ended, bookings, the shelf (小黄车) with live prices and the
 * explaining item, the real-time room channel over WebSocket, moderation, and each session's counters and report.
 * Prices room purchases through the order module's pricing extension point, which also attributes the sale.
 */
@NullMarked
@ApplicationModule(displayName = "Live", allowedDependencies = {"platform", "identity", "catalog", "inventory", "order", "social"})
package io.laotie.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
