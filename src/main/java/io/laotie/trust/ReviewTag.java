package io.laotie.trust;

/**
 * The fixed set of tags a buyer may put on a review (评价标签). The codes are stable: they are stored, sent in the API
 * and counted by listings and scores, so a tag is never renamed, only added. {@code positive} says which way it leans,
 * for readers who weigh tags (the words shown are in messages*.properties under {@code review.tag.<CODE>}).
 */
public enum ReviewTag {
    AS_DESCRIBED(true),       // 如实描述
    FRESH(true),              // 新鲜
    FAST_DELIVERY(true),      // 发货快
    GOOD_PACKAGING(true),     // 包装好
    GOOD_VALUE(true),         // 性价比高
    TASTY(true),              // 好吃
    ATTENTIVE_SERVICE(true),  // 服务周到
    WILL_BUY_AGAIN(true),     // 会回购
    NOT_AS_DESCRIBED(false),  // 与描述不符
    NOT_FRESH(false),         // 不新鲜
    SLOW_DELIVERY(false),     // 发货慢
    DAMAGED_PACKAGING(false); // 包装破损

    private final boolean positive;

    ReviewTag(boolean positive) {
        this.positive = positive;
    }

    public boolean positive() {
        return positive;
    }

    /** The tag of a code, or null when no tag has it. */
    public static @org.jspecify.annotations.Nullable ReviewTag of(String code) {
        for (ReviewTag tag : values()) {
            if (tag.name().equals(code)) {
                return tag;
            }
        }
        return null;
    }
}
