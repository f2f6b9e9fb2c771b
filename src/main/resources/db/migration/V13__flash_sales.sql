-- Flash sales (秒杀): a special price on one shelf item's SKU for a few minutes, for a quantity held from stock as
-- one inventory allotment when the sale is created. Buyers are counted in memory and their orders carve units from
-- the allotment, so no buyer waits on a row another buyer holds.
create table flash_sales (
    id               bigint primary key,
    live_session_id  bigint       not null,
    creator_id       bigint       not null,
    shelf_item_id    bigint       not null,
    product_id       bigint       not null,
    sku_id           bigint       not null,
    price            bigint       not null,      -- fen
    usual_price      bigint       not null,      -- what a room purchase paid without the sale (live price, or the SKU's) when it was created, fen
    quantity         int          not null,
    per_buyer_limit  int          not null,
    allotment_id     bigint       not null,      -- the inventory reservation that holds the quantity
    open_key         varchar(48)  unique,        -- "<session>:<sku>" until it ends: one open sale per SKU and session
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null,
    ended_at         timestamp with time zone,   -- when it ended and its unsold units went back to stock
    end_reason       varchar(16),                -- TIME_UP | ENDED_EARLY | SESSION_ENDED
    sold             int,                        -- units held or sold by orders when it ended
    created_by       bigint       not null,
    created_at       timestamp with time zone not null,
    constraint flash_sales_amounts check (price > 0 and quantity > 0 and per_buyer_limit > 0 and per_buyer_limit <= quantity)
);
create index flash_sales_by_session on flash_sales (live_session_id, created_at);
create index flash_sales_open on flash_sales (ended_at);
