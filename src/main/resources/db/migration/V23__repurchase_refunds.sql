-- trust: money refunded on orders that stay purchases (a partial refund), so a buyer's past value is what they kept
-- paying, not what they first paid; one row per refund, so a refund heard twice is subtracted once.
create table repurchase_refunds (
    refund_id  bigint primary key,
    order_id   bigint not null,
    creator_id bigint not null,
    amount     bigint not null            -- fen
);
create index repurchase_refunds_by_creator on repurchase_refunds (creator_id, order_id);
