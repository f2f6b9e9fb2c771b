-- social: creator profiles, follows, fan clubs with intimacy, room comments, likes and watch time aggregated per
-- viewer and interval, and the in-app inbox.

create table creators (
    id              bigint primary key,          -- the creator's account id
    display_name    varchar(40)  not null,
    avatar_url      varchar(500),
    bio             varchar(500) not null,
    followers       int          not null default 0,  -- kept by guarded increments with each follow and unfollow
    fan_club_members int         not null default 0,
    created_at      timestamp with time zone not null
);

create table follows (
    viewer_id       bigint      not null,
    creator_id      bigint      not null,
    source          varchar(20) not null,         -- ROOM | CREATOR_PAGE | SEARCH
    live_session_id bigint,                       -- the room the follow came from, when it did
    followed_at     timestamp with time zone not null,
    primary key (viewer_id, creator_id)
);
create index follows_of_creator on follows (creator_id, followed_at);

create table fan_club_members (
    creator_id  bigint not null,
    viewer_id   bigint not null,
    intimacy    bigint not null default 0,        -- 亲密度 points
    level       int    not null default 1,
    points_day  date,                             -- the platform-zone day of points_today, for the daily cap
    points_today bigint not null default 0,
    joined_at   timestamp with time zone not null,
    primary key (creator_id, viewer_id)
);
create index fan_club_by_viewer on fan_club_members (viewer_id);

create table room_comments (
    id              bigint primary key,
    live_session_id bigint        not null,
    creator_id      bigint        not null,
    author_id       bigint        not null,
    text            varchar(500)  not null,
    created_at      timestamp with time zone not null
);
create index room_comments_by_session on room_comments (live_session_id, id);

-- Likes and watch time per viewer, session and interval: counts, aggregated in memory before they are stored.
create table room_signals (
    live_session_id bigint not null,
    viewer_id       bigint not null,
    interval_start  timestamp with time zone not null,
    creator_id      bigint not null,
    likes           bigint not null default 0,
    watched_seconds bigint not null default 0,
    primary key (live_session_id, viewer_id, interval_start)
);

create table inbox_messages (
    id              bigint primary key,
    account_id      bigint       not null,
    kind            varchar(32)  not null,        -- SESSION_STARTED | ...
    creator_id      bigint,
    live_session_id bigint,
    title           varchar(200) not null,        -- the session's or subject's own words; the page adds the language
    created_at      timestamp with time zone not null,
    read_at         timestamp with time zone
);
create index inbox_by_account on inbox_messages (account_id, id);
