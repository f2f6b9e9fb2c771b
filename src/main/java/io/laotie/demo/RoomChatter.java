package io.laotie.demo;

import io.laotie.live.ShelfItem;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a simulated viewer says in a room: the questions real viewers ask about goods they cannot touch — where it
 * comes from, how fresh it is, how it ships, whether it can be returned — worded for the item on the shelf and the
 * viewer's own city. Picks with the caller's random source, so a seeded audience says the same things again.
 */
final class RoomChatter {

    /** What sort of goods an item is, which decides the questions worth asking. */
    enum Goods {
        FOOD, JADE, OTHER;

        /** By the demo catalogue's top-level category (the categories' ids run in blocks of a thousand). */
        static Goods ofCategory(long categoryId) {
            if (categoryId >= 1000 && categoryId < 2000) {
                return FOOD;
            }
            return categoryId >= 2000 && categoryId < 3000 ? JADE : OTHER;
        }
    }

    private static final List<String> ANY = List.of(
            "主播好，刚进来，现在讲的是哪个？",
            "{goods}还有货吗？",
            "直播价{price}元是真的吗？比店里便宜不少",
            "发什么快递？到{city}要几天？",
            "偏远地区包邮吗？",
            "支持七天无理由吗？",
            "已经拍了，主播早点发货呀",
            "上次买的收到了，回购！",
            "第一次来，先关注了，看看再说",
            "能再近一点给看看细节吗？",
            "这个我买过，确实不错，老铁们放心",
            "{city}的来报到",
            "主播辛苦了，喝口水歇一歇",
            "{goods}有大一点的规格吗？",
            "收到了要是不满意怎么办？",
            "能送人吗？包装好看吗");

    private static final List<String> ORIGIN = List.of(
            "是{place}产地直发的吗？",
            "真的是{place}的吗？有产地证明吗",
            "我老家离{place}不远，支持一下",
            "从{place}直接发货还是从仓库发？",
            "{place}现在天气怎么样？",
            "去过{place}，那边的东西确实好");

    private static final List<String> FOOD = List.of(
            "新鲜吗？是今年的新货吗",
            "保质期多久？要放冰箱吗",
            "甜不甜？给老人吃合适吗",
            "路上坏了包赔吗？",
            "有没有添加剂？",
            "小孩能吃吗？",
            "{goods}怎么保存比较好？",
            "夏天发货会不会坏？",
            "是自家种的还是收的？");

    private static final List<String> JADE = List.of(
            "能打光看看有没有裂吗？",
            "有国检证书吗？",
            "是籽料还是山料？",
            "尺寸多大？戴着会不会太大",
            "这块油性怎么样？",
            "实物和直播会不会有色差？",
            "能再转一圈看看背面吗？");

    private static final List<String> OTHER = List.of(
            "是正品吗？有防伪吗",
            "能开发票吗？",
            "有没有小样？");

    private RoomChatter() {
    }

    /** A comment about {@code item} from a viewer living in {@code city}. */
    static String about(ShelfItem item, Goods goods, String city, RandomGenerator random) {
        double roll = random.nextDouble();
        List<String> pool;
        if (roll < 0.4) {
            pool = switch (goods) {
                case FOOD -> FOOD;
                case JADE -> JADE;
                case OTHER -> OTHER;
            };
        } else if (roll < 0.65 && item.origin().named()) {
            pool = ORIGIN;
        } else {
            pool = ANY;
        }
        String template = pool.get(random.nextInt(pool.size()));
        long price = item.livePrice() != null ? item.livePrice() : item.price();
        return template
                .replace("{goods}", shortName(item.title()))
                .replace("{place}", item.origin().named() ? item.origin().place() : "产地")
                .replace("{city}", city)
                .replace("{price}", yuan(price));
    }

    /** The title up to its first space: 富平吊柿饼 of 富平吊柿饼 流心霜降柿饼. */
    static String shortName(String title) {
        int space = title.indexOf(' ');
        return space > 0 ? title.substring(0, space) : title;
    }

    private static String yuan(long fen) {
        return fen % 100 == 0 ? Long.toString(fen / 100) : String.format("%d.%02d", fen / 100, fen % 100);
    }
}
