/**
 * Stock per SKU and reservations that can never oversell: placing an order reserves, paying confirms, cancelling
 * or timing out releases, an approved return puts goods back. Knows SKUs only by id; who may adjust a SKU's
 * stock is asked through {@link io.laotie.inventory.StockKeepers}, which the catalog implements.
 */
@NullMarked
@ApplicationModule(displayName = "Inventory", allowedDependencies = {"platform", "identity"})
package io.laotie.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
