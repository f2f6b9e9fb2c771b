-- identity.Links looks accounts up by a shared phone number or delivery address on every trust signal.
create index addresses_by_phone on addresses (phone);
create index addresses_by_place on addresses (region, detail);
