package io.laotie.trust;

/** What a complaint (投诉) is about, so operators can sort them; OTHER when the buyer names nothing. */
public enum ComplaintReason {
    FALSE_CLAIMS,       // 虚假宣传: claims in the room or on the page the goods do not keep
    MISLEADING_PRICE,   // 价格误导: a "discount" from a made-up price, a live price not honoured
    RUDE_SERVICE,       // 服务态度差
    SLOW_SHIPPING,      // 发货慢、不发货
    OTHER
}
