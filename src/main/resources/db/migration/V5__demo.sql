-- demo: remembers that the demo world was seeded, so later starts do not seed it again.
create table demo_seeds (
    name      varchar(64) primary key,
    seeded_at timestamp with time zone not null
);
