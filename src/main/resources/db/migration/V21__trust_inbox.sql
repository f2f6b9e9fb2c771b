-- The trust chain's inbox (docs/trust-inbox.md): every event the chain hears, written in the publisher's transaction
-- and taken out, in id order and in batches, by the transaction that absorbs it (trust/internal/InboxDrain).
create table trust_inbox (
    id          bigint primary key,
    kind        varchar(100) not null,              -- the event's simple class name (TrustInbox.KINDS)
    payload     varchar(1000000) not null,          -- the event as JSON
    received_at timestamp with time zone not null,
    attempts    int not null default 0,             -- failed tries of this event alone
    error       varchar(2000),                      -- the last failure
    failed_at   timestamp with time zone            -- set aside after too many failures; skipped until cleared
);
