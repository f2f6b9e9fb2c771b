-- trust: buyers' reviews of the lines of delivered orders, with one follow-up (追评) and one merchant reply each;
-- reports of abusive reviews that operators uphold (the review is hidden) or dismiss; complaints (投诉) about a
-- creator or a shop that operators uphold or dismiss. Only the trust module reads these tables.

create table reviews (
    id                  bigint primary key,
    order_id            bigint        not null,
    order_line_id       bigint        not null unique,  -- each line of an order is reviewed once
    product_id          bigint        not null,
    product_title       varchar(200)  not null,         -- as the order line named it
    sku_name            varchar(100)  not null,         -- which option the buyer had, as the order line named it
    shop_id             bigint        not null,
    merchant_id         bigint        not null,         -- who may reply
    creator_id          bigint,                         -- the creator who sold the goods (the order's attribution)
    buyer_id            bigint        not null,
    rating              int           not null,
    text                varchar(1000) not null,
    image_urls          varchar(5000) not null,         -- one URL a line; empty when none
    delivered_at        timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    follow_up_text      varchar(1000),
    follow_up_image_urls varchar(5000),
    follow_up_at        timestamp with time zone,
    reply_text          varchar(1000),
    reply_at            timestamp with time zone,
    removed_at          timestamp with time zone,       -- an operator upheld a report: hidden everywhere
    constraint reviews_rating check (rating between 1 and 5)
);
create index reviews_of_product on reviews (product_id, removed_at, id);
create index reviews_of_creator on reviews (creator_id, removed_at, id);
create index reviews_of_order on reviews (order_id);

-- One row per tag of a review, so listings filter and count by tag.
create table review_tags (
    review_id   bigint      not null,
    tag         varchar(32) not null,
    primary key (review_id, tag)
);
create index review_tags_by_tag on review_tags (tag, review_id);

create table review_reports (
    id          bigint primary key,
    review_id   bigint       not null,
    reporter_id bigint       not null,
    reason      varchar(500) not null,
    status      varchar(16)  not null,   -- OPEN | UPHELD | DISMISSED
    created_at  timestamp with time zone not null,
    ruled_by    bigint,
    ruled_at    timestamp with time zone,
    constraint review_reports_once unique (review_id, reporter_id)
);
create index review_reports_by_status on review_reports (status, id);

create table complaints (
    id             bigint primary key,
    complainant_id bigint        not null,
    creator_id     bigint,                  -- exactly one of creator_id and shop_id
    shop_id        bigint,
    order_id       bigint,
    reason         varchar(32)   not null,
    text           varchar(1000) not null,
    status         varchar(16)   not null,  -- OPEN | UPHELD | DISMISSED
    created_at     timestamp with time zone not null,
    ruled_by       bigint,
    ruled_at       timestamp with time zone,
    ruling_note    varchar(500),
    constraint complaints_one_target check ((creator_id is null) <> (shop_id is null))
);
create index complaints_by_status on complaints (status, id);
create index complaints_by_complainant on complaints (complainant_id, id);
create index complaints_of_creator on complaints (creator_id, id);
create index complaints_of_shop on complaints (shop_id, id);
