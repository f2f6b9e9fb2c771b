-- order: orders with their lines, the timeline of every transition, and after-sales (售后) requests.

create table orders (
    id               bigint primary key,
    buyer_id         bigint       not null,
    shop_id          bigint       not null,
    merchant_id      bigint       not null,
    status           varchar(20)  not null,   -- PENDING_PAYMENT | PAID | SHIPPED | DELIVERED | COMPLETED | CANCELLED | REFUNDED
    items_total      bigint       not null,   -- fen
    shipping_fee     bigint       not null,
    total            bigint       not null,
    refunded         bigint       not null default 0,
    currency         varchar(3)   not null,
    recipient        varchar(64)  not null,   -- the address, copied: later edits of the address book change no order
    phone            varchar(32)  not null,
    region           varchar(128) not null,
    address_detail   varchar(256) not null,
    creator_id       bigint,                  -- attribution, set by the server from the context of the sale
    live_session_id  bigint,
    listing_id       bigint,
    campaign_id      bigint,
    impression_id    bigint,
    client_ip        varchar(64),
    user_agent       varchar(512),
    carrier          varchar(64),
    tracking_number  varchar(64),
    cancelled_by     varchar(16),             -- BUYER | MERCHANT | OPERATOR | SYSTEM
    cancel_reason    varchar(32),
    cancel_note      varchar(500),
    placed_at        timestamp with time zone not null,
    paid_at          timestamp with time zone,
    shipped_at       timestamp with time zone,
    delivered_at     timestamp with time zone,
    completed_at     timestamp with time zone,
    closed_at        timestamp with time zone, -- cancelled or refunded
    due_at           timestamp with time zone  -- when the next time-driven transition falls due, if any
);
create index orders_by_buyer on orders (buyer_id, id);
create index orders_by_merchant on orders (merchant_id, id);
create index orders_due on orders (due_at);

create table order_lines (
    id             bigint primary key,
    order_id       bigint       not null references orders (id),
    sku_id         bigint       not null,
    product_id     bigint       not null,
    title          varchar(120) not null,
    sku_name       varchar(64)  not null,
    quantity       int          not null,
    unit_price     bigint       not null,      -- what the buyer pays per unit, after every pricing step
    list_price     bigint       not null,      -- the SKU's price at the time
    reservation_id bigint       not null,
    returned       int          not null default 0
);
create index order_lines_by_order on order_lines (order_id);

create table refund_requests (
    id                 bigint primary key,
    order_id           bigint        not null references orders (id),
    buyer_id           bigint        not null,
    merchant_id        bigint        not null,
    kind               varchar(20)   not null,  -- REFUND_ONLY | RETURN_AND_REFUND
    stage              varchar(20)   not null,  -- BEFORE_SHIPMENT | AFTER_SHIPMENT | AFTER_DELIVERY
    amount             bigint        not null,
    reason             varchar(24)   not null,
    text               varchar(1000) not null,
    photo_urls         varchar(9000),           -- one URL per line
    status             varchar(20)   not null,
    merchant_reason    varchar(500),
    return_carrier     varchar(64),
    return_tracking    varchar(64),
    ruling_outcome     varchar(10),
    ruling_amount      bigint,
    ruling_fault       varchar(10),
    ruling_counterfeit boolean,
    refunded           bigint        not null default 0,
    created_at         timestamp with time zone not null,
    due_at             timestamp with time zone
);
create index refund_requests_by_order on refund_requests (order_id);
create index refund_requests_due on refund_requests (due_at);
create index refund_requests_by_status on refund_requests (status);

-- What happened to an order and its after-sales requests, in order, with who did it.
create table order_timeline (
    id          bigint primary key,
    order_id    bigint       not null references orders (id),
    refund_id   bigint,
    status      varchar(20)  not null,
    actor       varchar(16)  not null,          -- BUYER | MERCHANT | OPERATOR | SYSTEM
    actor_id    bigint,
    note        varchar(500),
    at          timestamp with time zone not null
);
create index order_timeline_by_order on order_timeline (order_id, id);
