-- Trust guarantees (信任购), see docs/trust-guarantees.md.

-- Shops that hold (or once held) the guarantees, as the trust module last heard their experience score.
create table guarantee_shops (
    shop_id    bigint primary key,
    held       boolean       not null,
    granted_at timestamp with time zone,            -- start of the current holding, or of the last one
    revoked_at timestamp with time zone,            -- end of the last holding; null while held
    score      numeric(3, 1) not null,              -- the experience score last heard
    label      varchar(12)   not null,
    scored_at  timestamp with time zone not null    -- when that score was reached; older news is ignored
);

-- Every grant and revocation, with the score that caused it.
create table guarantee_history (
    id      bigint primary key,
    shop_id bigint        not null,
    kind    varchar(10)   not null,                 -- GRANTED | REVOKED
    score   numeric(3, 1) not null,
    label   varchar(12)   not null,
    at      timestamp with time zone not null
);
create index guarantee_history_by_shop on guarantee_history (shop_id, at);

-- The order module's side: what a policy granted each after-sales request (AfterSalesCover) and what was paid under it.
alter table refund_requests add column cover_advance boolean not null default false;
alter table refund_requests add column cover_return_shipping bigint not null default 0;
alter table refund_requests add column cover_counterfeit_multiple int not null default 0;
alter table refund_requests add column cover_recover boolean not null default false;
alter table refund_requests add column advanced bigint not null default 0;
alter table refund_requests add column return_shipping_paid bigint not null default 0;
alter table refund_requests add column compensated bigint not null default 0;
alter table refund_requests add column recovered bigint not null default 0;
