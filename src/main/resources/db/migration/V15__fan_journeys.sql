-- Fan journeys (粉丝旅程) of the trust module: one per (viewer, creator), with the first contact and the first time
-- each stage was reached (for funnels), the current stage (null once an unfollow ended a FOLLOWED-only journey) and
-- every step forward or back with its cause.
create table fan_journeys (
    id                 bigint primary key,
    viewer_id          bigint      not null,
    creator_id         bigint      not null,
    source             varchar(16) not null,   -- ROOM | CREATOR_PAGE | SEARCH | PURCHASE | IMPORT
    first_contact_at   timestamp with time zone not null,
    stage              varchar(16),            -- null: ended
    following          boolean     not null,
    followed_at        timestamp with time zone,
    engaged_at         timestamp with time zone,
    converted_at       timestamp with time zone,
    trusting_at        timestamp with time zone,
    repurchasing_at    timestamp with time zone,
    updated_at         timestamp with time zone not null,
    constraint fan_journeys_pair unique (creator_id, viewer_id)
);
create index fan_journeys_by_creator_contact on fan_journeys (creator_id, first_contact_at);
create index fan_journeys_by_creator_stage on fan_journeys (creator_id, stage);
create index fan_journeys_by_viewer on fan_journeys (viewer_id);

create table fan_journey_steps (
    id          bigint primary key,
    journey_id  bigint      not null references fan_journeys (id),
    from_stage  varchar(16),
    to_stage    varchar(16),
    advanced    boolean     not null,
    cause       varchar(64) not null,          -- e.g. OrderPaid:123
    at          timestamp with time zone not null
);
create index fan_journey_steps_by_journey on fan_journey_steps (journey_id, at);

-- Interaction points per (creator, viewer, platform-zone day), capped per day: a day with points is an engaged day.
create table fan_engagement_days (
    creator_id bigint  not null,
    viewer_id  bigint  not null,
    on_day     date    not null,
    points     integer not null,
    primary key (creator_id, viewer_id, on_day)
);

-- Paid orders attributed to the creator, as the journey sees them: a fully refunded order no longer counts. A refund
-- heard before its payment leaves a row without journey and day, so the payment, when it comes, converts nobody; a
-- sign of trust heard before the payment is kept the same way and applied with it.
create table fan_journey_orders (
    order_id    bigint  primary key,
    journey_id  bigint  references fan_journeys (id),
    paid_day    date,
    refunded    boolean not null,
    quality_refund boolean not null default false,  -- a quality-related refund was paid on it
    trust_sign  boolean not null default false      -- kept, or reviewed with 4–5 stars, heard before the payment
);
create index fan_journey_orders_by_journey on fan_journey_orders (journey_id);

-- One row per (viewer, creator) that every signal locks first, so signals of one pair apply one after the other even
-- before the pair has a journey; and when the latest follow or unfollow applied happened, so an older one is ignored.
create table fan_pairs (
    creator_id         bigint not null,
    viewer_id          bigint not null,
    follow_changed_at  timestamp with time zone,
    primary key (creator_id, viewer_id)
);

-- Every signal applied, by its identity (RefundPaid:123, RoomCommented:456, …): a signal delivered again changes nothing.
create table fan_signals (
    creator_id bigint      not null,
    viewer_id  bigint      not null,
    signal     varchar(96) not null,
    primary key (creator_id, viewer_id, signal)
);
