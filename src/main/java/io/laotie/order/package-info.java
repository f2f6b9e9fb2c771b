/**
 * Orders and after-sales: checkout from lines of one shop, the lifecycle pending-payment → paid → shipped →
 * delivered → completed (and cancelled, refunded), time-driven transitions, refund and return requests with merchant
 * decisions and operator arbitration. Owns attribution of each sale; reserves stock through inventory and moves
 * money through the ledger. Later modules plug in through {@link io.laotie.order.PricingStep} and
 * {@link io.laotie.order.AfterSalesPolicy} and learn everything else from its events.
 */
@NullMarked
@ApplicationModule(displayName = "Order", allowedDependencies = {"platform", "identity", "catalog", "inventory", "ledger"})
package io.laotie.order;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
