-- live: live sessions (直播场次) with their counters, bookings (预约), the shelf (小黄车) with live prices,
-- orders paid in each room, and moderation (blocked words, mutes).

create table live_sessions (
    id                 bigint primary key,
    creator_id         bigint        not null,
    title              varchar(100)  not null,
    cover_url          varchar(500),
    status             varchar(20)   not null,   -- SCHEDULED | LIVE | ENDED | CANCELLED
    live_slot          bigint unique,            -- the creator id while LIVE, else null: at most one LIVE session each
    scheduled_at       timestamp with time zone not null,
    started_at         timestamp with time zone,
    ended_at           timestamp with time zone,
    explaining_item_id bigint,
    bookings           int           not null default 0,
    -- counters, written by guarded increments or by the room as it samples itself
    peak_viewers       int           not null default 0,
    viewer_samples     bigint        not null default 0,  -- sum of per-second viewer counts while live
    sampled_seconds    bigint        not null default 0,
    watch_seconds      bigint        not null default 0,
    likes              bigint        not null default 0,
    comments           bigint        not null default 0,
    new_followers      int           not null default 0,
    fan_club_joins     int           not null default 0,
    orders             int           not null default 0,
    paid_gmv           bigint        not null default 0,  -- fen
    simulated          boolean       not null default false, -- a demo room whose audience is simulated
    created_at         timestamp with time zone not null
);
create index live_sessions_by_creator on live_sessions (creator_id, scheduled_at);
create index live_sessions_by_status on live_sessions (status, scheduled_at);

create table live_bookings (
    live_session_id bigint not null,
    viewer_id       bigint not null,
    booked_at       timestamp with time zone not null,
    primary key (live_session_id, viewer_id)
);

create table shelf_items (
    id              bigint primary key,
    live_session_id bigint not null,
    product_id      bigint not null,
    position        int    not null,
    views           bigint not null default 0,   -- viewers who saw it as the explaining item (讲解中)
    orders          int    not null default 0,   -- paid orders with a line from it
    units           int    not null default 0,
    paid_amount     bigint not null default 0,
    added_at        timestamp with time zone not null,
    unique (live_session_id, product_id)
);
create index shelf_items_by_session on shelf_items (live_session_id, position);

create table shelf_live_prices (
    shelf_item_id bigint not null,
    sku_id        bigint not null,
    price         bigint not null,              -- fen; never above the SKU's price
    primary key (shelf_item_id, sku_id)
);

-- One row per paid order attributed to a room, so a redelivered OrderPaid counts once.
create table live_session_orders (
    order_id        bigint primary key,
    live_session_id bigint not null,
    total           bigint not null,
    paid_at         timestamp with time zone not null
);

create table blocked_words (
    word       varchar(50) primary key,
    added_by   bigint not null,
    added_at   timestamp with time zone not null
);

create table live_mutes (
    live_session_id bigint not null,
    viewer_id       bigint not null,
    muted_by        bigint not null,
    muted_at        timestamp with time zone not null,
    primary key (live_session_id, viewer_id)
);
