package io.laotie.demo;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.NewProduct.NewSku;
import io.laotie.catalog.Origin;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.identity.NewAddress;
import io.laotie.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Seeds the demo world once, in one transaction, before the application takes requests (this runs while the
 * context starts, ahead of the web server). Everything goes through the modules' façades, so the demo obeys the
 * same rules as real users. A row in {@code demo_seeds} keeps later starts from seeding again.
 */
@Component
public class DemoWorld implements SmartInitializingSingleton {

    static final String SEED = "world-v1";
    private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);
    private static final String IMG = "/img/demo/";
    /** What each demo buyer finds in their wallet: ¥2,000. */
    private static final long WALLET_FEN = 200_000;

    private final DemoProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Accounts accounts;
    private final AddressBook addresses;
    private final Shops shops;
    private final Products products;
    private final Ledger ledger;
    private final DemoOrderHistory history;
    private final DemoLiveWorld liveWorld;

    DemoWorld(DemoProperties properties, JdbcClient jdbc, TransactionTemplate tx, Clock clock, Accounts accounts,
              AddressBook addresses, Shops shops, Products products, Ledger ledger, DemoOrderHistory history,
              DemoLiveWorld liveWorld) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.accounts = accounts;
        this.addresses = addresses;
        this.shops = shops;
        this.products = products;
        this.ledger = ledger;
        this.history = history;
        this.liveWorld = liveWorld;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.enabled()) {
            seed();
        }
    }

    /**
     * Seeds what was not seeded before: the shops, buyers and their month of orders, then the creators and their live
     * rooms (a second part, so a world seeded by an older version gains its rooms on the next start). Answers whether
     * anything was seeded now.
     */
    public boolean seed() {
        Boolean seeded = tx.execute(status -> {
            boolean world = claim(SEED);
            if (world) {
                seedWorld();
            }
            boolean live = claim(DemoLiveWorld.SEED);
            if (live) {
                liveWorld.seed();
            }
            return world || live;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Seeded the demo world; every demo account's password is '{}'", properties.password());
        }
        return Boolean.TRUE.equals(seeded);
    }

    /** Claims a part of the seed first, so two nodes starting at once cannot both seed it. */
    private boolean claim(String name) {
        return jdbc.sql("insert into demo_seeds (name, seeded_at) select ?, ? where not exists (select 1 from demo_seeds where name = ?)")
                .params(name, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), name).update() == 1;
    }

    private void seedWorld() {
        // Source-direct sellers of regional produce
        Caller fuping = merchant("fuping_orchard", "富平柿园·老王", "富平");
        Shop orchard = shops.open(fuping.accountId(), "富平柿园", "陕西富平的百年柿园，霜降后手工削皮、自然风干的吊柿饼。");
        var persimmons = products.create(orchard.id(), fuping, new NewProduct("富平吊柿饼 流心霜降柿饼",
                "霜降后采摘的尖顶柿，手工削皮，挂在柿园的架子上自然风干四十天，表面是柿子自己析出的糖霜。",
                1002L, null, new Origin("陕西渭南富平", "老王家三代种柿子。我们只收自家和邻村树龄二十年以上的尖顶柿，"
                + "每一串都挂在自家院子里晾，直播时你能看到每一层架子。"),
                2200L, 6800L, 0L, false, List.of(IMG + "persimmon.svg"),
                List.of(new NewSku("500克 约8个", 3990L, 300L), new NewSku("1000克 约16个", 6990L, 200L))));

        Caller xiapu = merchant("xiapu_sea", "霞浦海参·阿海", "霞浦");
        Shop sea = shops.open(xiapu.accountId(), "霞浦海参坊", "福建霞浦海域吊笼养殖，淡干无糖无盐。");
        var seaCucumbers = products.create(sea.id(), xiapu, new NewProduct("霞浦淡干海参 8-10头/500克",
                "冬季采捕的吊笼刺参，只用海水煮、自然晾干，不加糖不加盐，泡发率高。",
                1003L, null, new Origin("福建宁德霞浦", "阿海的渔排在霞浦外海，海参吊养三年才采。直播时我们从渔排现场连线，"
                + "你看得到每一只出水、煮制和晾晒。"),
                42000L, 128000L, 0L, false, List.of(IMG + "sea-cucumber.svg"),
                List.of(new NewSku("250克", 36800L, 80L), new NewSku("500克", 69800L, 50L))));

        Caller ginseng = merchant("changbai_ginseng", "长白山参农·金叔", "抚松");
        Shop mountain = shops.open(ginseng.accountId(), "长白山参园", "吉林抚松林下山参，十五年以上参龄，附参龄证明。");
        products.create(mountain.id(), ginseng, new NewProduct("长白山林下山参 15年参龄",
                "在长白山林下自然生长十五年以上的山参，整支带须，附参龄鉴定证书。",
                1004L, null, new Origin("吉林白山抚松", "金叔在抚松的林子里放山三十年。每一支参都是他带着徒弟一根根挖出来的，"
                + "须子不断，芦头完整。"),
                52000L, 198000L, 0L, false, List.of(IMG + "ginseng.svg"),
                List.of(new NewSku("单支 15年", 98000L, 20L), new NewSku("单支 20年", 168000L, 8L))));

        // A jade seller: non-standard goods where trust in the seller is everything
        Caller jade = merchant("hetian_jade", "和田玉·玉姐", "和田");
        Shop jadeShop = shops.open(jade.accountId(), "玉姐和田玉", "新疆和田籽料，一物一图，支持国检证书。");
        products.create(jadeShop.id(), jade, new NewProduct("和田玉籽料平安扣",
                "新疆和田籽料手工雕刻的平安扣，油润细腻，附国家珠宝玉石质量检验证书。",
                2001L, null, new Origin("新疆和田", "玉姐在和田玉龙喀什河边收料十二年，每块料都在直播里打光看结构。"),
                180000L, 680000L, 0L, true, List.of(IMG + "jade.svg"),
                List.of(new NewSku("直径18毫米", 268000L, 5L), new NewSku("直径22毫米", 368000L, 3L))));

        // A perfume brand: standard goods, a brand self-broadcasting later
        Caller perfume = merchant("wanxiang_perfume", "晚香 Evening Fragrance", "上海");
        Shop perfumeShop = shops.open(perfume.accountId(), "晚香官方旗舰店", "上海原创香氛品牌，东方花香调。");
        var perfumes = products.create(perfumeShop.id(), perfume, new NewProduct("晚香 白兰淡香水 50ml",
                "以上海弄堂里的白兰花为灵感的淡香水，前调柑橘，中调白兰，后调檀木。",
                3001L, null, new Origin("上海", null),
                9000L, 39900L, 0L, true, List.of(IMG + "perfume.svg"),
                List.of(new NewSku("30ml", 19900L, 500L), new NewSku("50ml", 29900L, 400L))));

        // A bookshop: standard goods, where shelf search does the work
        Caller books = merchant("sanwei_books", "三味书屋", "杭州");
        Shop bookshop = shops.open(books.accountId(), "三味书屋", "独立书店，选书有态度。");
        var earthbound = products.create(bookshop.id(), books, new NewProduct("《乡土中国》费孝通 精装版",
                "费孝通先生的经典之作，理解中国基层社会的入门书。",
                5001L, null, null, 2600L, 4500L, 600L, true, List.of(IMG + "book.svg"),
                List.of(new NewSku("精装", 3900L, 1000L))));
        products.create(bookshop.id(), books, new NewProduct("《舌尖上的中国》美食地理",
                "跟着纪录片走遍中国的产地与厨房。",
                5001L, null, null, 3000L, 6800L, 600L, true, List.of(IMG + "book.svg"),
                List.of(new NewSku("平装", 5200L, 600L))));

        // Buyers across city tiers
        buyer("buyer_beijing", "北京的小李", "北京", "北京市朝阳区", "建国路88号 3单元 1201");
        buyer("buyer_chengdu", "成都的小张", "成都", "四川省成都市武侯区", "人民南路四段 12号");
        buyer("buyer_xiamen", "厦门的阿美", "厦门", "福建省厦门市思明区", "鹭江道 100号");
        buyer("buyer_luoyang", "洛阳的王姐", "洛阳", "河南省洛阳市西工区", "中州路 26号");
        buyer("buyer_weinan", "渭南的刘哥", "渭南", "陕西省渭南市临渭区", "朝阳大街 9号");
        buyer("buyer_fuping", "富平的赵婶", "富平", "陕西省渭南市富平县", "城关镇 东街 5号");

        history.write(new DemoOrderHistory.Goods(persimmons.skus().get(0).id(), persimmons.skus().get(1).id(),
                seaCucumbers.skus().get(0).id(), perfumes.skus().get(0).id(), earthbound.skus().get(0).id()));
    }

    private Caller merchant(String handle, String displayName, String city) {
        Account account = accounts.signUp(new NewAccount(handle, properties.password(), displayName, city), ClientInfo.INTERNAL);
        return new Caller(account.id(), account.handle(), account.roles());
    }

    private void buyer(String handle, String displayName, String city, String region, String detail) {
        Account account = accounts.signUp(new NewAccount(handle, properties.password(), displayName, city), ClientInfo.INTERNAL);
        addresses.add(account.id(), new NewAddress(displayName.substring(displayName.length() - 2), "13800138000", region, detail, true));
        ledger.topUp(account.id(), WALLET_FEN, "demo:" + handle);
    }
}
