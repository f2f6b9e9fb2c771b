/**
 * The fictional demo world seeded on first start of the embedded default, through the other modules' façades:
 * source-direct sellers of regional produce, a jade seller, a perfume brand, a bookshop, and buyers across city
 * tiers with ¥2,000 in their wallets; four of the sellers are creators with weeks of past broadcasts, rooms live now
 * and sessions booked for the coming days; and a simulated audience that keeps the simulated rooms busy.
 * {@code laotie.demo.enabled=false} switches the seeding off, {@code laotie.demo.simulated-audience=false} the audience.
 */
@NullMarked
@ApplicationModule(displayName = "Demo", allowedDependencies = {"platform", "identity", "catalog", "ledger", "order", "live", "social", "trust"})
package io.laotie.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
