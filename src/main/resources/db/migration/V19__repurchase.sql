-- Repurchase (复购), issue 7: the order module's history imports and the trust module's inputs to the BG/NBD model.

-- order: an order brought in with a shop's past history. It is COMPLETED on its date, attributed to the creator the
-- operator named, moved no money and is never settled; import_chunk says which chunk event announced it.
alter table orders add column imported boolean not null default false;
alter table orders add column import_id bigint;
alter table orders add column import_chunk int;
create index orders_by_import on orders (import_id, import_chunk);

-- order: one import of a CSV file of past orders; the same content twice for one shop is refused (content_hash).
create table order_history_imports (
    id              bigint      primary key,
    shop_id         bigint      not null,
    merchant_id     bigint      not null,
    creator_id      bigint      not null,
    operator_id     bigint      not null,
    content_hash    varchar(64) not null,   -- SHA-256 of the rows as read (see docs/repurchase.md)
    orders          int         not null,
    buyers          int         not null,   -- distinct buyer references in the file
    new_buyers      int         not null,   -- of those, placeholders made by this import
    chunks          int         not null,
    created_at      timestamp with time zone not null,
    done_at         timestamp with time zone, -- when every module following imports had absorbed every chunk
    constraint order_history_imports_once unique (shop_id, content_hash)
);

-- order: the placeholder buyer account behind a buyer reference of a shop's history; a later file reuses it.
create table imported_buyers (
    shop_id    bigint      not null,
    reference  varchar(64) not null,
    account_id bigint      not null,
    primary key (shop_id, reference)
);

-- trust: attributed purchases, the BG/NBD model's inputs: one row per order credited to a creator (imported or paid
-- live), with its calendar day in the platform zone. A fully refunded order stays as a tombstone (refunded = true)
-- so a refund heard before the payment cannot bring it back.
create table repurchase_purchases (
    order_id   bigint  primary key,
    creator_id bigint  not null,
    buyer_id   bigint  not null,
    bought_on  date    not null,          -- the calendar day in the platform zone
    amount     bigint  not null,           -- fen
    refunded   boolean not null default false
);
create index repurchase_purchases_by_creator on repurchase_purchases (creator_id, buyer_id, bought_on);

-- trust: a counter per creator, raised with every change of the creator's inputs; cached fits carry the revision
-- they were made from, so any node sees at once that a fit is stale.
create table repurchase_inputs (
    creator_id bigint primary key,
    revision   bigint not null
);

-- trust: which chunks of an order-history import the trust module has absorbed (inputs, and whatever else the
-- chunk listener builds), in the same transaction as what it built from them.
create table imported_history_chunks (
    import_id   bigint not null,
    chunk       int    not null,
    orders      int    not null,
    absorbed_at timestamp with time zone not null,
    primary key (import_id, chunk)
);
