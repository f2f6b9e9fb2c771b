package io.laotie.live.internal;

import io.laotie.catalog.ProductView;
import io.laotie.catalog.Shops;
import io.laotie.live.GoodsSource;
import org.springframework.stereotype.Component;

/** A creator sells the goods of the shops it owns. */
@Component
class OwnShops implements GoodsSource {

    private final Shops shops;

    OwnShops(Shops shops) {
        this.shops = shops;
    }

    @Override
    public boolean maySell(long creatorId, ProductView product) {
        return shops.find(product.shopId()).map(shop -> shop.ownerId() == creatorId).orElse(false);
    }
}
