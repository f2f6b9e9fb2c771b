/**
 * What is for sale: the category tree, merchants' shops, products with their origin story, cost, reference
 * price and SKUs, search, and the source-direct badge. Reads stock levels from inventory and keeps the answer to
 * who may adjust a SKU's stock.
 */
@NullMarked
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"platform", "identity", "inventory"})
package io.laotie.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
