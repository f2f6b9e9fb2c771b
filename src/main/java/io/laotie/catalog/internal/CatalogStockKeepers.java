package io.laotie.catalog.internal;

import io.laotie.inventory.StockKeepers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A SKU's stock is kept by the owner of the shop that sells it, and by operators. */
@Component
class CatalogStockKeepers implements StockKeepers {

    private final JdbcClient jdbc;

    CatalogStockKeepers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Access accessOf(long skuId, long accountId, boolean operator) {
        return jdbc.sql("select s.owner_id, p.status from skus k join products p on p.id = k.product_id join shops s on s.id = p.shop_id where k.id = ?")
                .param(skuId)
                .query((rs, n) -> {
                    boolean keeper = operator || rs.getLong(1) == accountId;
                    if (keeper) {
                        return Access.KEEP;
                    }
                    return "ACTIVE".equals(rs.getString(2)) ? Access.VIEW : Access.NONE;
                })
                .optional().orElse(Access.NONE);
    }
}
