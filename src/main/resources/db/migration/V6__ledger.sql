-- ledger: double-entry accounts in fen, their transactions and entries, what each order holds in escrow, merchant
-- money waiting for its release, and payouts. Also the platform's idempotency_keys table (the shared kernel's
-- memory of Idempotency-Key answers), which arrives with the ledger because top-ups and withdrawals first need it.

-- One account per (kind, owner). Platform accounts have owner 0 and no balance: they are touched by every payment,
-- so their balance is the sum of their entries rather than a hot row every payment would queue on. Accounts that
-- must not go negative keep a balance changed only by a guarded UPDATE (balance + amount >= 0), and count their
-- entries so each entry gets its place in the account's chain of running balances.
create table ledger_accounts (
    id          bigint primary key,
    kind        varchar(32) not null,          -- BUYER_WALLET | ESCROW | MERCHANT_PENDING | MERCHANT_AVAILABLE | ...
    owner_id    bigint      not null,          -- the identity account it belongs to; 0 for platform accounts
    balance     bigint,                        -- null for platform accounts
    entry_count bigint      not null default 0,
    created_at  timestamp with time zone not null,
    constraint ledger_accounts_kind_owner unique (kind, owner_id),
    constraint ledger_accounts_balance_non_negative check (balance is null or balance >= 0)
);

-- The platform's own accounts exist from the start, with small fixed ids that no generated id can take
-- (generated ids count milliseconds since 2026 in their high bits).
insert into ledger_accounts (id, kind, owner_id, balance, entry_count, created_at) values
    (1, 'ESCROW', 0, null, 0, current_timestamp),
    (2, 'PLATFORM_REVENUE', 0, null, 0, current_timestamp),
    (3, 'PLATFORM_SUBSIDY', 0, null, 0, current_timestamp),
    (4, 'EXTERNAL', 0, null, 0, current_timestamp);

-- A business fact posted once: (kind, reference) is unique, so posting the same payment twice finds the first.
create table ledger_transactions (
    id         bigint primary key,
    kind       varchar(16)  not null,          -- PAYMENT | REFUND | SETTLEMENT | RELEASE | TOP_UP | CREDIT | WITHDRAWAL
    reference  varchar(96)  not null,          -- e.g. "order:123", "refund:456", "top-up:789"
    order_id   bigint,                         -- the order a payment, refund, settlement or release is about
    memo       varchar(200) not null,
    created_at timestamp with time zone not null,
    constraint ledger_transactions_reference unique (kind, reference)
);
create index ledger_transactions_by_order on ledger_transactions (order_id);

-- Signed amounts in fen; the entries of one transaction sum to zero. balance_after and seq (the entry's place in
-- its account) are kept for accounts with a balance row; platform accounts leave them null.
create table ledger_entries (
    id             bigint primary key,
    transaction_id bigint not null references ledger_transactions (id),
    account_id     bigint not null references ledger_accounts (id),
    amount         bigint not null,
    balance_after  bigint,
    seq            bigint,
    created_at     timestamp with time zone not null,
    constraint ledger_entries_amount check (amount <> 0)
);
create index ledger_entries_by_account on ledger_entries (account_id, created_at);
create index ledger_entries_by_transaction on ledger_entries (transaction_id);

-- What each paid order still holds in escrow: refunds take from it, settlement empties it. A guarded UPDATE keeps
-- one order from ever giving back or paying out money that belongs to other orders.
create table ledger_escrow (
    order_id    bigint primary key,
    buyer_id    bigint not null,
    paid        bigint not null,
    held        bigint not null,
    merchant_id bigint,                        -- set when settled
    settled_at  timestamp with time zone,
    created_at  timestamp with time zone not null,
    constraint ledger_escrow_held check (held >= 0 and held <= paid)
);

-- Merchant money of a settled order, pending until due_at and then released to the merchant's available account.
create table ledger_releases (
    order_id    bigint primary key,
    merchant_id bigint not null,
    amount      bigint not null,
    due_at      timestamp with time zone not null,
    released_at timestamp with time zone,
    constraint ledger_releases_amount check (amount > 0)
);
create index ledger_releases_due on ledger_releases (released_at, due_at);
create index ledger_releases_by_merchant on ledger_releases (merchant_id);

-- Money paid out to an outside account, with what the payment gateway answered.
create table ledger_payouts (
    id             bigint primary key,
    account_id     bigint      not null references ledger_accounts (id),
    owner_id       bigint      not null,
    amount         bigint      not null,
    transaction_id bigint      not null references ledger_transactions (id),
    gateway        varchar(32) not null,
    status         varchar(16) not null,       -- REQUESTED | PAID
    created_at     timestamp with time zone not null,
    constraint ledger_payouts_amount check (amount > 0)
);
create index ledger_payouts_by_owner on ledger_payouts (owner_id, created_at);

-- platform: the first answer to each Idempotency-Key of each account, replayed for the same request. The row is
-- inserted, the request carried out and the answer stored in one transaction, so a crash leaves no half-claimed key
-- and a second request with the same key waits on the first one's row.
create table idempotency_keys (
    account_id      bigint       not null,
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64)  not null,     -- SHA-256 of method, path and body
    status          int          not null,
    body            varchar,
    created_at      timestamp with time zone not null,
    primary key (account_id, idempotency_key)
);
create index idempotency_keys_by_age on idempotency_keys (created_at);
