-- order: the live room's shelf item (小黄车) a line was bought from, verified by the live module's pricing step.
alter table order_lines add column shelf_item_id bigint;
