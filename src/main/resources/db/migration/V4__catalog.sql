-- catalog: the category tree (seeded here, whatever the demo setting), shops, products, images, SKUs,
-- and operator settings such as the source-direct markup threshold.

create table categories (
    id        bigint primary key,
    parent_id bigint references categories (id),
    name      varchar(32) not null,              -- Chinese name
    name_en   varchar(64) not null,
    standard  boolean     not null,              -- default standardness (标品) of goods under it
    position  int         not null
);

insert into categories (id, parent_id, name, name_en, standard, position) values
 (1000, null, '生鲜食品', 'Fresh food', false, 1),
 (1001, 1000, '水果', 'Fruit', false, 1),
 (1002, 1000, '干果蜜饯', 'Dried fruit & preserves', false, 2),
 (1003, 1000, '海鲜水产', 'Seafood', false, 3),
 (1004, 1000, '滋补养生', 'Tonics', false, 4),
 (1005, 1000, '粮油茶叶', 'Grain, oil & tea', false, 5),
 (2000, null, '珠宝文玩', 'Jewellery & collectibles', false, 2),
 (2001, 2000, '翡翠玉石', 'Jade', false, 1),
 (2002, 2000, '黄金饰品', 'Gold jewellery', false, 2),
 (2003, 2000, '文玩收藏', 'Collectibles', false, 3),
 (3000, null, '美妆个护', 'Beauty & care', true, 3),
 (3001, 3000, '香水', 'Perfume', true, 1),
 (3002, 3000, '护肤', 'Skincare', true, 2),
 (3003, 3000, '彩妆', 'Make-up', true, 3),
 (4000, null, '服饰鞋包', 'Clothing, shoes & bags', false, 4),
 (4001, 4000, '女装', 'Womenswear', false, 1),
 (4002, 4000, '男装', 'Menswear', false, 2),
 (4003, 4000, '鞋靴箱包', 'Shoes & bags', false, 3),
 (5000, null, '图书文具', 'Books & stationery', true, 5),
 (5001, 5000, '图书', 'Books', true, 1),
 (5002, 5000, '文具', 'Stationery', true, 2),
 (6000, null, '家居日用', 'Home & daily use', true, 6),
 (6001, 6000, '厨房用品', 'Kitchen', true, 1),
 (6002, 6000, '家纺', 'Home textiles', true, 2),
 (7000, null, '数码家电', 'Electronics & appliances', true, 7),
 (7001, 7000, '手机数码', 'Phones & gadgets', true, 1),
 (7002, 7000, '家用电器', 'Home appliances', true, 2);

create table shops (
    id          bigint primary key,
    owner_id    bigint        not null,          -- the merchant's account id
    name        varchar(64)   not null,
    description varchar(2000) not null,
    created_at  timestamp with time zone not null
);
create index shops_by_owner on shops (owner_id);

create table products (
    id               bigint primary key,
    shop_id          bigint        not null references shops (id),
    title            varchar(120)  not null,
    description      varchar(5000) not null,
    category_id      bigint        not null references categories (id),
    standard         boolean,                    -- null: the category's default
    origin_place     varchar(100),
    origin_story     varchar(5000),
    cost_price       bigint        not null,     -- fen; private to the shop owner and operators
    reference_price  bigint        not null,     -- fen; a typical market price of the same goods
    shipping_fee     bigint        not null,     -- fen; 0 means free shipping
    no_reason_return boolean       not null,     -- 7-day no-reason return (七天无理由)
    status           varchar(16)   not null,     -- ACTIVE | DELISTED
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index products_by_shop on products (shop_id, status);
create index products_by_category on products (category_id, status);

create table product_images (
    product_id bigint        not null references products (id),
    position   int           not null,
    url        varchar(1000) not null,
    primary key (product_id, position)
);

create table skus (
    id         bigint primary key,
    product_id bigint      not null references products (id),
    name       varchar(64) not null,
    price      bigint      not null,             -- fen
    position   int         not null,
    constraint skus_name_unique unique (product_id, name)
);
create index skus_by_product on skus (product_id);

create table catalog_settings (
    name  varchar(64) primary key,
    amount bigint      not null
);
-- A product earns the "source-direct" (源头直供) badge when price ÷ cost is below this (in thousandths: 2000 = 2.0×)
-- and it names its origin.
insert into catalog_settings (name, amount) values ('source-direct-max-markup-permille', 2000);
