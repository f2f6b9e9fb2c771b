package io.laotie.inventory;

/**
 * Who may adjust a SKU's stock. Inventory knows SKUs only by id; the module that owns SKUs (catalog) answers.
 * Implementations answer {@link Access#NONE} for a SKU that does not exist.
 */
public interface StockKeepers {

    enum Access {
        /** The SKU does not exist or the caller may not even see its stock. */
        NONE,
        /** The caller may see the SKU but not change its stock. */
        VIEW,
        /** The caller keeps this SKU's stock (shop owner or operator). */
        KEEP
    }

    Access accessOf(long skuId, long accountId, boolean operator);
}
