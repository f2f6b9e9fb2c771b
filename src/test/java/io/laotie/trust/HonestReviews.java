package io.laotie.trust;

import java.util.List;

/** Twenty buyers, twenty different things to say: near-identical reviews would be flagged as brushing (刷单). */
public final class HonestReviews {

    public static final List<String> TEXTS = List.of("核桃很饱满，和直播间看到的一样", "包装结实，一个都没碎",
            "第二天就到了，比预想的快", "老人说比超市买的香", "个头均匀，没有空壳", "客服回复很及时，态度好",
            "价格实在，下次还来", "孩子当零食吃，很喜欢", "有点小贵但是值", "送朋友的，朋友说好吃",
            "剥起来不费劲，仁很完整", "比上次在别家买的新鲜多了", "物流信息更新得很勤", "主播讲的产地信息都对得上",
            "味道偏淡，但是健康", "收到时还有点温热，应该是新炒的", "袋子可以封口，很方便", "分量足，称了一下还多一点",
            "颜色自然，没有漂白", "回购第三次了，一直稳定");

    private HonestReviews() {
    }
}
