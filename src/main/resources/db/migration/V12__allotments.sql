-- Allotments (配额): a reservation whose units are handed out again as child reservations, without touching the
-- SKU's stock row for each one. A flash sale holds its whole quantity as one allotment when it is created; each
-- order then carves its units from it, and one guarded update per batch of orders keeps carved <= quantity.
alter table stock_reservations add column parent_id bigint;
alter table stock_reservations add column carved bigint not null default 0;  -- units of an allotment held or confirmed by its children
alter table stock_reservations add constraint stock_reservations_carved check (carved >= 0 and carved <= quantity);
create index stock_reservations_by_parent on stock_reservations (parent_id, status);

-- the allotment an order line's units were carved from (null: reserved from the SKU's stock as usual)
alter table order_lines add column drawn_from bigint;
create index order_lines_by_allotment on order_lines (drawn_from);
