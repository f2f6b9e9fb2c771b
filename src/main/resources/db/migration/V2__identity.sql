-- identity: accounts, roles, API tokens, login records, address books, and the city-tier table.

create table accounts (
    id               bigint primary key,
    handle           varchar(32)  not null,
    handle_key       varchar(32)  not null,   -- lower-cased handle: handles are unique regardless of case
    display_name     varchar(64)  not null,
    password_hash    varchar(255) not null,
    city             varchar(32),
    status           varchar(16)  not null,   -- ACTIVE | SUSPENDED
    suspended_reason varchar(500),
    imported         boolean      not null default false,
    created_at       timestamp with time zone not null,
    constraint accounts_handle_key_unique unique (handle_key)
);

create table account_roles (
    account_id bigint      not null references accounts (id),
    role       varchar(16) not null,          -- VIEWER | CREATOR | MERCHANT | TEAM_LEADER | OPERATOR
    granted_at timestamp with time zone not null,
    primary key (account_id, role)
);

create table api_tokens (
    id           bigint primary key,
    account_id   bigint      not null references accounts (id),
    token_hash   varchar(64) not null,        -- SHA-256 of the token; the token itself is never stored
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    constraint api_tokens_hash_unique unique (token_hash)
);
create index api_tokens_by_account on api_tokens (account_id);

-- Who logged in from where: later modules read this to spot linked accounts (same device, same address).
create table login_records (
    id         bigint primary key,
    account_id bigint,
    handle     varchar(64) not null,
    channel    varchar(8)  not null,          -- WEB | API
    success    boolean     not null,
    ip         varchar(64),
    user_agent varchar(512),
    device_id  varchar(128),
    at         timestamp with time zone not null
);
create index login_records_by_account on login_records (account_id, at);
create index login_records_by_device on login_records (device_id);
create index login_records_by_ip on login_records (ip);

create table addresses (
    id         bigint primary key,
    account_id bigint       not null references accounts (id),
    recipient  varchar(64)  not null,
    phone      varchar(32)  not null,
    region     varchar(128) not null,
    detail     varchar(256) not null,
    is_default boolean      not null,
    created_at timestamp with time zone not null
);
create index addresses_by_account on addresses (account_id);

-- City tiers (城市等级) as commonly used in Chinese retail analysis. A city not listed has no tier.
create table cities (
    name    varchar(32) primary key,
    name_en varchar(64) not null,
    tier    varchar(16) not null              -- TIER_1 | NEW_TIER_1 | TIER_2 | TIER_3 | TIER_4 | TIER_5
);
insert into cities (name, name_en, tier) values
 ('北京', 'Beijing', 'TIER_1'), ('上海', 'Shanghai', 'TIER_1'), ('广州', 'Guangzhou', 'TIER_1'), ('深圳', 'Shenzhen', 'TIER_1'),
 ('成都', 'Chengdu', 'NEW_TIER_1'), ('杭州', 'Hangzhou', 'NEW_TIER_1'), ('重庆', 'Chongqing', 'NEW_TIER_1'),
 ('武汉', 'Wuhan', 'NEW_TIER_1'), ('苏州', 'Suzhou', 'NEW_TIER_1'), ('西安', 'Xi''an', 'NEW_TIER_1'),
 ('南京', 'Nanjing', 'NEW_TIER_1'), ('长沙', 'Changsha', 'NEW_TIER_1'), ('天津', 'Tianjin', 'NEW_TIER_1'),
 ('郑州', 'Zhengzhou', 'NEW_TIER_1'), ('东莞', 'Dongguan', 'NEW_TIER_1'), ('青岛', 'Qingdao', 'NEW_TIER_1'),
 ('昆明', 'Kunming', 'NEW_TIER_1'), ('宁波', 'Ningbo', 'NEW_TIER_1'), ('合肥', 'Hefei', 'NEW_TIER_1'),
 ('佛山', 'Foshan', 'TIER_2'), ('沈阳', 'Shenyang', 'TIER_2'), ('无锡', 'Wuxi', 'TIER_2'), ('济南', 'Jinan', 'TIER_2'),
 ('厦门', 'Xiamen', 'TIER_2'), ('福州', 'Fuzhou', 'TIER_2'), ('温州', 'Wenzhou', 'TIER_2'), ('哈尔滨', 'Harbin', 'TIER_2'),
 ('石家庄', 'Shijiazhuang', 'TIER_2'), ('大连', 'Dalian', 'TIER_2'), ('南宁', 'Nanning', 'TIER_2'), ('长春', 'Changchun', 'TIER_2'),
 ('泉州', 'Quanzhou', 'TIER_2'), ('贵阳', 'Guiyang', 'TIER_2'), ('南昌', 'Nanchang', 'TIER_2'), ('太原', 'Taiyuan', 'TIER_2'),
 ('烟台', 'Yantai', 'TIER_2'), ('嘉兴', 'Jiaxing', 'TIER_2'), ('南通', 'Nantong', 'TIER_2'), ('金华', 'Jinhua', 'TIER_2'),
 ('珠海', 'Zhuhai', 'TIER_2'), ('惠州', 'Huizhou', 'TIER_2'), ('徐州', 'Xuzhou', 'TIER_2'), ('海口', 'Haikou', 'TIER_2'),
 ('乌鲁木齐', 'Urumqi', 'TIER_2'), ('兰州', 'Lanzhou', 'TIER_2'), ('呼和浩特', 'Hohhot', 'TIER_2'),
 ('洛阳', 'Luoyang', 'TIER_3'), ('桂林', 'Guilin', 'TIER_3'), ('威海', 'Weihai', 'TIER_3'), ('赣州', 'Ganzhou', 'TIER_3'),
 ('吉林', 'Jilin', 'TIER_3'), ('大理', 'Dali', 'TIER_3'), ('西宁', 'Xining', 'TIER_3'), ('银川', 'Yinchuan', 'TIER_3'),
 ('拉萨', 'Lhasa', 'TIER_3'), ('三亚', 'Sanya', 'TIER_3'), ('日照', 'Rizhao', 'TIER_3'), ('宜昌', 'Yichang', 'TIER_3'),
 ('延边', 'Yanbian', 'TIER_4'), ('通化', 'Tonghua', 'TIER_4'), ('白山', 'Baishan', 'TIER_4'), ('富平', 'Fuping', 'TIER_5'),
 ('长白', 'Changbai', 'TIER_5'), ('抚松', 'Fusong', 'TIER_5'), ('霞浦', 'Xiapu', 'TIER_5'), ('和田', 'Hotan', 'TIER_4'),
 ('安吉', 'Anji', 'TIER_5'), ('阳朔', 'Yangshuo', 'TIER_5'), ('汉中', 'Hanzhong', 'TIER_4'), ('渭南', 'Weinan', 'TIER_4');
