package io.laotie.demo;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.NewProduct.NewSku;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
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
import io.laotie.platform.PageRequest;
import io.laotie.social.Creators;
import io.laotie.social.FollowSource;
import io.laotie.social.Follows;
import io.laotie.social.NewCreator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo world's creators and live rooms, seeded once after the shops and buyers of {@link DemoWorld}: four
 * source-direct merchants become creators (the Fuping persimmon farmer, the Xiapu sea farmer, the Changbai ginseng
 * digger, the Hetian jade seller) with more goods of their own; three weeks of ended sessions with comments, follows
 * and room orders ({@link DemoRoomHistory}); three sessions live now whose audience is simulated
 * ({@link SimulatedAudience}); and sessions in the coming days that demo buyers have booked.
 */
@Component
class DemoLiveWorld {

    static final String SEED = "live-v1";
    private static final String IMG = "/img/demo/";
    /** What each simulated viewer finds in their wallet: ¥3,000. */
    private static final long VIEWER_WALLET_FEN = 300_000;

    private final DemoProperties properties;
    private final Clock clock;
    private final ZoneId zone;
    private final Accounts accounts;
    private final AddressBook addresses;
    private final Shops shops;
    private final Products products;
    private final Ledger ledger;
    private final Creators creators;
    private final Follows follows;
    private final DemoRooms rooms;
    private final DemoRoomHistory history;

    DemoLiveWorld(DemoProperties properties, Clock clock, ZoneId zone, Accounts accounts, AddressBook addresses, Shops shops,
                  Products products, Ledger ledger, Creators creators, Follows follows, DemoRooms rooms, DemoRoomHistory history) {
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
        this.accounts = accounts;
        this.addresses = addresses;
        this.shops = shops;
        this.products = products;
        this.ledger = ledger;
        this.creators = creators;
        this.follows = follows;
        this.rooms = rooms;
        this.history = history;
    }

    /** The demo's live rooms, the same four stalls in every part of the seed. */
    record Stalls(DemoRooms.Stall orchard, DemoRooms.Stall seaFarm, DemoRooms.Stall mountain, DemoRooms.Stall jade) {
    }

    void seed() {
        Stalls stalls = new Stalls(orchard(), seaFarm(), mountain(), jade());
        simulatedViewers();
        history.write(stalls);
        liveNow(stalls);
        comingDays(stalls);
    }

    private DemoRooms.Stall orchard() {
        Caller farmer = become("fuping_orchard", "富平柿农老王", "陕西富平人，家里三代种尖顶柿。霜降后在自家柿园直播削皮、挂晒、捏饼，"
                + "柿饼上那层白霜是柿子自己析出的糖，不是面粉。价格就是园子里的价，中间不转手。");
        Origin origin = new Origin("陕西渭南富平", "老王家的柿园在富平庄里镇，树龄二十年以上的尖顶柿，直播时你能看到每一棵树和每一层晾架。");
        return stall(farmer,
                product("富平尖顶柿 脆甜鲜柿子", "柿园现摘的尖顶柿，七八成熟时摘下发货，到家放两三天变软，剥皮就能吃。", 1001L, origin, 2000L, 5900L,
                        "persimmon.svg", sku("5斤 约20个", 3590L, 200L), sku("10斤 约40个", 6590L, 120L)),
                product("富平柿饼礼盒 12枚装", "挑个头匀称的吊柿饼，一枚一袋独立包装，适合走亲访友。", 1002L, origin, 3500L, 12800L,
                        "persimmon.svg", sku("12枚 独立包装", 6800L, 150L)),
                product("富平柿子醋 自然发酵", "熟透的柿子装缸自然发酵一年，不勾兑，酸味柔和，拌凉菜、蘸饺子都好。", 1005L, origin, 1200L, 3900L,
                        "persimmon.svg", sku("500毫升×2瓶", 2290L, 200L)),
                product("富平柿叶茶 手工炒制", "霜降前采柿树嫩叶，手工杀青炒制，汤色黄绿，有淡淡的果香。", 1005L, origin, 1500L, 4800L,
                        "persimmon.svg", sku("100克 罐装", 2800L, 150L)));
    }

    private DemoRooms.Stall seaFarm() {
        Caller fisher = become("xiapu_sea", "霞浦渔排阿海", "在福建霞浦外海守着一片渔排，吊笼养刺参三年才采。直播带你看出水、海水煮制和晾晒，"
                + "淡干不加糖不加盐，泡发多少就是多少。");
        Origin origin = new Origin("福建宁德霞浦", "阿海的渔排在霞浦外海，滩涂和竹架就在渔排边上，直播时能看到采收和晾晒的每一步。");
        return stall(fisher,
                product("霞浦头水紫菜 无沙免洗", "冬至前后开采的第一水紫菜，当天采当天晾，薄、嫩、无沙，打汤不用洗。", 1003L, origin, 1800L, 5900L,
                        "sea-cucumber.svg", sku("100克", 3290L, 300L), sku("250克", 7590L, 150L)),
                product("霞浦淡晒虾皮 无盐", "渔船回港当天用海水煮、太阳晒，不加盐，给老人孩子做菜都放心。", 1003L, origin, 2200L, 6800L,
                        "sea-cucumber.svg", sku("250克", 3990L, 200L)),
                product("霞浦海带结 淡干", "渔排边吊养的海带，打结晒干，泡开就能炖汤。", 1003L, origin, 900L, 2500L,
                        "sea-cucumber.svg", sku("500克", 1690L, 300L)),
                product("霞浦海蛎干 自然晾晒", "霞浦滩涂的野生海蛎，剥壳后在竹匾上晒干，煲粥煲汤提鲜。", 1003L, origin, 4000L, 12800L,
                        "sea-cucumber.svg", sku("250克", 7580L, 100L)));
    }

    private DemoRooms.Stall mountain() {
        Caller digger = become("changbai_ginseng", "放山人金叔", "在吉林抚松放山三十年，林下参一根根手挖，须子不断、芦头完整。"
                + "直播进山，参龄怎么看、证书怎么查，都讲给你听。");
        Origin origin = new Origin("吉林白山抚松", "金叔和徒弟在抚松的林子里采收，山货都是自家晾晒和挑拣的，直播时进山现场看。");
        return stall(digger,
                product("长白山人参蜜片 20片礼盒", "五年园参切片，用椴树蜜浸渍后低温烘干，含一片回甘。", 1004L, origin, 4500L, 16800L,
                        "ginseng.svg", sku("20片 礼盒", 8800L, 150L)),
                product("长白山秋木耳 小碗耳", "长白山椴木秋耳，朵小肉厚，泡发率高，凉拌炒菜都脆。", 1005L, origin, 2000L, 6900L,
                        "ginseng.svg", sku("250克", 3800L, 200L)),
                product("长白山野生蓝莓果干 无添加", "林区采摘的野生笃斯蓝莓，自然晾干，不加糖不加油。", 1002L, origin, 2500L, 7900L,
                        "ginseng.svg", sku("200克", 4690L, 200L)),
                product("长白山红参须 精选", "六年红参的参须，蒸制晾干，泡水煲汤都可以。", 1004L, origin, 6000L, 19800L,
                        "ginseng.svg", sku("250克", 11800L, 80L)));
    }

    private DemoRooms.Stall jade() {
        Caller seller = become("hetian_jade", "和田玉姐", "在玉龙喀什河边收料十二年。一物一图，直播打光看结构、看裂、看棉，附国检证书；"
                + "不懂的先问清楚再买，不催单。");
        Origin origin = new Origin("新疆和田", "玉姐在和田的河边和巴扎上收料，每块料直播打光看过才上架。");
        return stall(seller,
                product("和田玉籽料手串 8毫米", "同一块籽料开出的珠子，颜色匀，油性好，附国检证书。", 2001L, origin, 60000L, 298000L,
                        "jade.svg", sku("8毫米 约23颗", 118000L, 5L)),
                product("和田玉籽料吊坠 福瓜", "小块籽料手工雕的福瓜，留了一点原皮，附国检证书。", 2001L, origin, 30000L, 128000L,
                        "jade.svg", sku("约30×20毫米", 58000L, 6L)),
                product("和田玉籽料戒面 素面蛋面", "白度好的小料磨成蛋面，可以自己找师傅镶嵌。", 2001L, origin, 20000L, 88000L,
                        "jade.svg", sku("约12×10毫米", 38000L, 8L)));
    }

    /** Simulated viewers: labelled accounts with an address and money for the simulated audience to buy with. */
    private void simulatedViewers() {
        for (SimulatedViewers.Viewer viewer : SimulatedViewers.ALL) {
            Account account = accounts.signUp(new NewAccount(viewer.handle(), properties.password(), viewer.displayName(), viewer.city()),
                    ClientInfo.INTERNAL);
            addresses.add(account.id(), new NewAddress(viewer.displayName(), "13900139000", viewer.region(), viewer.detail(), true));
            ledger.topUp(account.id(), VIEWER_WALLET_FEN, "demo:" + viewer.handle());
        }
    }

    /** Three rooms live now; the simulated audience keeps them busy when it is on. */
    private void liveNow(Stalls stalls) {
        Caller beijing = rooms.caller("buyer_beijing");
        Caller chengdu = rooms.caller("buyer_chengdu");
        Caller luoyang = rooms.caller("buyer_luoyang");
        Caller weinan = rooms.caller("buyer_weinan");
        // A viewer of a past session who followed from the creator's page since, and hears of the next broadcast
        follows.follow(luoyang.accountId(), stalls.orchard().creator().accountId(), FollowSource.CREATOR_PAGE, null);

        DemoRooms.Room orchard = rooms.create(stalls.orchard(), "柿园直播：今年的吊柿饼出架啦", null, true)
                .shelve(12, "吊柿饼", "礼盒", "尖顶柿", "柿叶茶", "柿子醋").start().explain("吊柿饼");
        orchard.answer("老铁们好，我是老王，今天在晾架底下播，柿饼刚捏完第三遍，大家看这层霜。")
                .say(weinan, "老王，渭南的来了，今年的霜看着比去年厚")
                .answer("今年霜降后天冷得早，出霜好，直播价比店里便宜一成多。")
                .like(weinan, 30).like(beijing, 12);
        orchard.buy(beijing, "吊柿饼", 1, 1); // a repeat purchase by a fan

        DemoRooms.Room seaFarm = rooms.create(stalls.seaFarm(), "渔排连线：头水紫菜开采了", null, true)
                .shelve(10, "紫菜", "淡干海参", "虾皮", "海蛎干").start().explain("紫菜");
        seaFarm.answer("欢迎来到阿海的渔排，今天第一水紫菜开采，大家看竹架上这一片。")
                .say(chengdu, "阿海，紫菜到成都要几天？")
                .answer("顺丰发，一般两三天到成都。")
                .like(chengdu, 20);
        seaFarm.buy(chengdu, "紫菜", 0, 2);

        rooms.create(stalls.mountain(), "金叔进山：林下参和秋木耳", null, true)
                .shelve(8, "秋木耳", "蜜片", "蓝莓果干", "林下山参").start().explain("秋木耳")
                .answer("今天带大家进山看木耳段，顺便讲讲林下参的参龄怎么看。")
                .say(luoyang, "金叔，上次的蓝莓干孩子很爱吃")
                .like(luoyang, 15);
    }

    /** Sessions of the coming days, with their shelves ready and demo buyers who booked them. */
    private void comingDays(Stalls stalls) {
        Caller beijing = rooms.caller("buyer_beijing");
        Caller chengdu = rooms.caller("buyer_chengdu");
        Caller xiamen = rooms.caller("buyer_xiamen");
        Caller luoyang = rooms.caller("buyer_luoyang");
        Caller weinan = rooms.caller("buyer_weinan");
        Caller fuping = rooms.caller("buyer_fuping");

        rooms.create(stalls.seaFarm(), "海蛎干开晒，渔排答疑", evening(1, 19, 30), true)
                .shelve(10, "海蛎干", "虾皮", "海带结").book(chengdu).book(xiamen);
        rooms.create(stalls.orchard(), "柿饼礼盒预售：年货提前订", evening(2, 20, 0), true)
                .shelve(15, "礼盒", "吊柿饼").book(fuping).book(weinan).book(luoyang);
        rooms.create(stalls.jade(), "玉姐收料直播：一物一图看籽料", evening(3, 20, 0), true)
                .shelve(10, "平安扣", "手串", "吊坠", "戒面").book(xiamen).book(beijing);
        rooms.create(stalls.mountain(), "人参蜜片是怎么做出来的", evening(4, 20, 0), true)
                .shelve(10, "蜜片", "红参须").book(luoyang);
        rooms.create(stalls.jade(), "平安扣专场：尺寸怎么选", evening(6, 20, 30), true)
                .shelve(12, "平安扣", "戒面").book(beijing);
    }

    /** {@code days} from today at the given time of day in the platform zone. */
    private OffsetDateTime evening(int days, int hour, int minute) {
        return LocalDate.ofInstant(clock.instant(), zone).plusDays(days).atTime(LocalTime.of(hour, minute)).atZone(zone).toOffsetDateTime();
    }

    private Caller become(String handle, String name, String bio) {
        Caller merchant = rooms.caller(handle);
        creators.become(merchant, new NewCreator(name, bio, null));
        return rooms.caller(handle); // with the CREATOR role now
    }

    /** The creator's shop with the new goods listed beside what it sold before. */
    private DemoRooms.Stall stall(Caller owner, NewProduct... more) {
        Shop shop = shops.ownedBy(owner.accountId()).getFirst();
        for (NewProduct product : more) {
            products.create(shop.id(), owner, product);
        }
        List<ProductView> goods = new ArrayList<>(products.ofShop(shop.id(), Optional.of(owner), PageRequest.of(0, 50)).items());
        return new DemoRooms.Stall(owner, List.copyOf(goods.reversed())); // oldest (the shop's first product) first
    }

    private static NewProduct product(String title, String description, long categoryId, Origin origin, long cost, long reference,
                                      String image, NewSku... skus) {
        boolean noReasonReturn = categoryId >= 2000; // food goes without the seven-day no-reason return; jade keeps it
        return new NewProduct(title, description, categoryId, null, origin, cost, reference, 0L, noReasonReturn, List.of(IMG + image),
                List.of(skus));
    }

    private static NewSku sku(String name, long price, long stock) {
        return new NewSku(name, price, stock);
    }
}
