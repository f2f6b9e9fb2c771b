package io.laotie.live;

import io.laotie.catalog.ProductView;

/**
 * Where a creator's goods may come from. A product may go on a creator's shelf when any source allows it; today the
 * only source is the creator's own shops ({@code OwnShops}); the alliance (好物联盟) adds its listings as another.
 */
public interface GoodsSource {

    boolean maySell(long creatorId, ProductView product);
}
