-- live, media server: each creator's secret stream key, and the interrupted state of a session whose stream dropped.

-- The key is stored as it is, because its owner may ask to see it again; it is never logged nor shown to anyone else.
create table stream_keys (
    creator_id  bigint primary key,
    stream_key  varchar(64) not null unique,
    created_at  timestamp with time zone not null,
    rotated_at  timestamp with time zone
);

-- live_sessions.status may now also be INTERRUPTED: the stream dropped and the creator has laotie.live.media.reconnect-grace
-- to come back. live_slot stays held meanwhile, so the creator still has one session on air.
alter table live_sessions add column interrupted_at timestamp with time zone;
create index live_sessions_by_interruption on live_sessions (status, interrupted_at);
