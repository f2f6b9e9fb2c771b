-- inventory: stock per SKU, reservations held for orders, and every stock movement with its reason.

-- available = on_hand - reserved. Every change is one guarded UPDATE, so no read-modify-write race can oversell.
create table stock_levels (
    sku_id   bigint primary key,
    on_hand  bigint not null,
    reserved bigint not null default 0,
    constraint stock_levels_non_negative check (on_hand >= 0 and reserved >= 0 and reserved <= on_hand)
);

create table stock_reservations (
    id          bigint primary key,
    sku_id      bigint      not null references stock_levels (sku_id),
    quantity    bigint      not null,
    returned    bigint      not null default 0,
    reference   varchar(64) not null,          -- what holds it, e.g. "order:123"
    status      varchar(16) not null,          -- HELD | CONFIRMED | RELEASED
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint stock_reservations_quantity check (quantity > 0 and returned >= 0 and returned <= quantity)
);
create index stock_reservations_by_sku on stock_reservations (sku_id, status);
create index stock_reservations_by_reference on stock_reservations (reference);

create table stock_movements (
    id         bigint primary key,
    sku_id     bigint       not null references stock_levels (sku_id),
    kind       varchar(16)  not null,          -- INITIAL | ADJUSTMENT | SALE | RETURN
    delta      bigint       not null,          -- change of on_hand
    reason     varchar(200) not null,
    actor_id   bigint,
    at         timestamp with time zone not null
);
create index stock_movements_by_sku on stock_movements (sku_id, at);
