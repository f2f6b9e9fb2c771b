-- trust scores: the append-only log of score facts, per-(subject, day) bucket sums kept from it, the last published
-- score of each subject, the per-order and per-refund state that pairs events (paid → shipped, requested → decided),
-- and brushing flags. See docs/trust-scores.md.

create table score_facts (
    id           bigint primary key,
    kind         varchar(24)  not null,           -- ORDER_PAID | SHIPPED | DELIVERED | QUALITY_REFUND | ...
    ref_id       bigint       not null,           -- the order, refund, review or complaint the fact is about
    actor_id     bigint       not null,           -- the buyer (or complainant) whose signal it is
    order_id     bigint,
    creator_id   bigint,
    shop_id      bigint,
    product_ids  varchar(1000),                   -- comma-separated, for facts about goods
    weight_milli int          not null,           -- Integrity's weight × 1000, decided on arrival; 0 = does not count
    fact_value   bigint       not null,           -- a rating, minutes, or 0/1 (see FactKind)
    suspect      boolean      not null,           -- a brushing sign on arrival (new or linked buyer, instant receipt)
    review_text  varchar(2000),                   -- normalised review text, for near-identical reviews
    at           timestamp with time zone not null,
    bucket_day   date         not null,           -- at's calendar day in the platform zone: the bucket
    recorded_at  timestamp with time zone not null
);
create unique index score_facts_ref on score_facts (ref_id, kind);
create index score_facts_shop on score_facts (shop_id, kind, at);
create index score_facts_creator on score_facts (creator_id, kind, at);
create index score_facts_actor on score_facts (actor_id, creator_id);

create table score_buckets (
    subject_kind varchar(8)  not null,            -- CREATOR | SHOP | PRODUCT
    subject_id   bigint      not null,
    metric       varchar(24) not null,
    bucket_day   date        not null,
    n            bigint      not null,            -- Σ weight (milli)
    s            bigint      not null,            -- Σ weight (milli) × value
    primary key (subject_kind, subject_id, metric, bucket_day)
);

create table score_subjects (
    subject_kind varchar(8)   not null,
    subject_id   bigint       not null,
    score        decimal(2, 1),                   -- the last score published; null while NEW
    label        varchar(12)  not null,
    updated_at   timestamp with time zone not null,
    primary key (subject_kind, subject_id)
);

create table score_orders (
    order_id         bigint  primary key,
    buyer_id         bigint  not null,
    shop_id          bigint  not null,
    creator_id       bigint,
    product_ids      varchar(1000),
    weight_milli     int,                         -- what the order weighed when it was paid
    paid_at          timestamp with time zone,
    shipped_at       timestamp with time zone,
    quality_refunded boolean not null default false
);

create table score_first_purchases (              -- the first day a buyer paid for a creator's goods: repurchases
    buyer_id   bigint not null,
    creator_id bigint not null,
    first_day  date   not null,
    primary key (buyer_id, creator_id)
);

create table score_refunds (
    refund_id    bigint primary key,
    requested_at timestamp with time zone not null
);

create table brushing_flags (
    id          bigint primary key,
    target_kind varchar(8)  not null,              -- SHOP | CREATOR
    target_id   bigint      not null,
    status      varchar(8)  not null,              -- OPEN | CLEARED
    opened_at   timestamp with time zone not null,
    cleared_at  timestamp with time zone,
    cleared_by  bigint
);
create index brushing_flags_target on brushing_flags (target_kind, target_id, status);

create table brushing_flag_buyers (
    flag_id  bigint not null,
    buyer_id bigint not null,
    primary key (flag_id, buyer_id)
);

create table brushing_flag_reasons (
    flag_id bigint       not null,
    code    varchar(24)  not null,                 -- ORDER_BURST | INSTANT_RECEIPTS | SIMILAR_REVIEWS | SHARED_NETWORK
    detail  varchar(500) not null,
    hits    int          not null,
    primary key (flag_id, code)
);
