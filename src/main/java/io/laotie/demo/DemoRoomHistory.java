package io.laotie.demo;

import io.laotie.identity.Caller;
import io.laotie.ledger.Ledger;
import io.laotie.order.OrderDeadlines;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.platform.PlatformClock;
import io.laotie.social.RoomSignals;
import io.laotie.trust.NewReview;
import io.laotie.trust.Reviews;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Three weeks of broadcasts for the demo's creators, written through the façades on the platform clock set back 21
 * days (as {@link DemoOrderHistory} writes the shop orders): each creator's sessions with a shelf at live prices, the
 * explaining item, viewers' questions and the creator's answers, likes, and orders bought in the room — attributed
 * to the session and its creator by the live pricing step — which the merchant ships the next day and the buyer
 * receives a few days later. In each creator's latest past session viewers follow and join the fan club from the
 * room, so the trust chain reads follow → like → convert → repurchase when the same buyers buy again live now.
 */
@Component
class DemoRoomHistory {

    /** What each demo buyer gets on top of their wallet for three weeks of live shopping: ¥3,000. */
    private static final long BUYER_TOP_UP_FEN = 300_000;

    private final PlatformClock clock;
    private final DemoRooms rooms;
    private final Orders orders;
    private final OrderDeadlines deadlines;
    private final Ledger ledger;
    private final RoomSignals signals;
    private final Reviews reviews;
    private final ZoneId zone;

    DemoRoomHistory(PlatformClock clock, DemoRooms rooms, Orders orders, OrderDeadlines deadlines, Ledger ledger, RoomSignals signals, Reviews reviews,
                    ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.rooms = rooms;
        this.orders = orders;
        this.deadlines = deadlines;
        this.ledger = ledger;
        this.signals = signals;
        this.reviews = reviews;
    }

    void write(DemoLiveWorld.Stalls stalls) {
        Caller beijing = buyer("buyer_beijing");
        Caller chengdu = buyer("buyer_chengdu");
        Caller xiamen = buyer("buyer_xiamen");
        Caller luoyang = buyer("buyer_luoyang");
        Caller weinan = buyer("buyer_weinan");
        Caller fuping = buyer("buyer_fuping");
        Timeline timeline = new Timeline(clock.instant());

        clock.startHistory(Duration.between(timeline.day(21, 18, 0), clock.instant()));
        try {
            for (Caller buyer : List.of(beijing, chengdu, xiamen, luoyang, weinan, fuping)) {
                ledger.topUp(buyer.accountId(), BUYER_TOP_UP_FEN, "demo-live:" + buyer.handle());
            }

            // Three weeks ago: the persimmon farmer's first broadcast of the season
            timeline.until(21, 19, 30);
            DemoRooms.Room first = rooms.create(stalls.orchard(), "霜降后第一批柿饼出架", null, false)
                    .shelve(10, "吊柿饼", "礼盒", "尖顶柿", "柿子醋").start().explain("吊柿饼");
            first.answer("大家好，我是富平的老王，今年第一批柿饼今天下架，一层层给大家看。")
                    .say(beijing, "老王，柿饼上的白霜是什么？是面粉吗")
                    .answer("是柿霜，柿子晾的时候自己析出来的糖，不是面粉，舔一下是甜的。")
                    .say(weinan, "渭南的，离富平不远，支持老乡")
                    .say(chengdu, "流心的能寄到成都吗，路上会不会压坏")
                    .answer("每个柿饼单独托盘，箱子里有隔板，压不坏。")
                    .like(beijing, 40).like(weinan, 25);
            timeline.minutes(40);
            timeline.sold(first.buy(beijing, "吊柿饼", 0, 2), beijing, stalls.orchard());
            timeline.sold(first.buy(weinan, "礼盒", 0, 1), weinan, stalls.orchard());
            timeline.minutes(30);
            first.explain("柿子醋").say(luoyang, "柿子醋怎么吃？").answer("拌凉菜、蘸饺子，兑水喝也行，一天一小杯。");
            timeline.sold(first.buy(luoyang, "柿子醋", 0, 1), luoyang, stalls.orchard());
            timeline.end(first);

            // The sea farmer streams from the raft as the sea cucumbers come out of the water
            timeline.until(18, 6, 0);
            DemoRooms.Room raft = rooms.create(stalls.seaFarm(), "渔排现场：冬季刺参出水", null, false)
                    .shelve(8, "淡干海参", "紫菜", "虾皮", "海带结").start().explain("淡干海参");
            raft.answer("现在是早上六点，吊笼刚拉上来，大家看这一笼的刺参。")
                    .say(chengdu, "淡干海参泡发要几天？")
                    .answer("冷水泡两天，每天换水，再煮二十分钟，泡一天就好。")
                    .say(xiamen, "我在厦门，这个是真的霞浦的吗")
                    .answer("就在霞浦外海，镜头往左转你能看到三沙的灯塔。")
                    .like(chengdu, 30).like(xiamen, 18);
            timeline.minutes(50);
            timeline.sold(raft.buy(chengdu, "淡干海参", 0, 1), chengdu, stalls.seaFarm());
            raft.explain("紫菜");
            timeline.sold(raft.buy(xiamen, "紫菜", 0, 2), xiamen, stalls.seaFarm());
            timeline.sold(raft.buy(fuping, "海带结", 0, 1), fuping, stalls.seaFarm());
            timeline.end(raft);

            // The ginseng digger takes the camera into the forest
            timeline.until(15, 10, 0);
            DemoRooms.Room forest = rooms.create(stalls.mountain(), "跟金叔进山：林下参怎么看参龄", null, false)
                    .shelve(8, "林下山参", "蜜片", "秋木耳", "蓝莓果干").start().explain("林下山参");
            forest.answer("这根参长在这棵椴树底下十五年了，看芦头上的碗，一个碗一年。")
                    .say(beijing, "有参龄证书吗？")
                    .answer("每一支都有鉴定证书，发货时放在盒子里。")
                    .say(luoyang, "蜜片给老人吃合适吗")
                    .answer("一天一两片就够，不要多吃。")
                    .like(beijing, 22).like(luoyang, 35);
            timeline.minutes(45);
            forest.explain("蜜片");
            timeline.sold(forest.buy(luoyang, "蜜片", 0, 1), luoyang, stalls.mountain());
            timeline.sold(forest.buy(beijing, "秋木耳", 0, 1), beijing, stalls.mountain());
            timeline.end(forest);

            // The jade seller lights every stone from behind before anyone buys
            timeline.until(12, 16, 0);
            DemoRooms.Room river = rooms.create(stalls.jade(), "玉龙喀什河边收料，一物一图", null, false)
                    .shelve(10, "平安扣", "手串", "吊坠", "戒面").start().explain("吊坠");
            river.answer("这块福瓜吊坠，手电从背面打，大家看，没有裂，这一点是料子自己的棉。")
                    .say(xiamen, "能再打一次光看看背面吗")
                    .answer("好的，慢一点转，背面留了一点原皮。")
                    .say(beijing, "籽料和山料怎么分？")
                    .answer("籽料在河里滚了千万年，有毛孔和皮色，山料断口是新的。证书上也写。")
                    .like(xiamen, 16);
            timeline.minutes(60);
            timeline.sold(river.buy(xiamen, "吊坠", 0, 1), xiamen, stalls.jade());
            timeline.end(river);

            // A week ago: the viewers come back, follow and join the fan clubs
            timeline.until(8, 19, 30);
            DemoRooms.Room racks = rooms.create(stalls.orchard(), "柿园晾晒架直播：捏饼的第三天", null, false)
                    .shelve(12, "吊柿饼", "礼盒", "柿叶茶", "尖顶柿").start().explain("吊柿饼");
            racks.answer("第三遍捏饼，要把柿子里面的芯捏散，出来才是流心。")
                    .say(beijing, "上次买的收到了，家里老人说是小时候的味道")
                    .follow(beijing).join(beijing)
                    .say(fuping, "我就在富平县城，周末能去园子里看看吗")
                    .answer("来呀，庄里镇，到了村口问老王家柿园。")
                    .follow(fuping).join(fuping).follow(weinan).follow(chengdu)
                    .like(beijing, 60).like(fuping, 30).like(weinan, 20);
            timeline.minutes(40);
            timeline.sold(racks.buy(beijing, "吊柿饼", 1, 1), beijing, stalls.orchard()); // a repeat purchase
            timeline.sold(racks.buy(fuping, "尖顶柿", 0, 1), fuping, stalls.orchard());
            timeline.end(racks);

            timeline.until(6, 20, 0);
            DemoRooms.Room teaching = rooms.create(stalls.seaFarm(), "海参泡发教学 + 渔排答疑", null, false)
                    .shelve(8, "淡干海参", "虾皮", "海蛎干").start().explain("淡干海参");
            teaching.answer("上次好多人问泡发，今天一步一步演示给大家看。")
                    .say(chengdu, "上次买的泡出来很大，谢谢阿海")
                    .follow(chengdu)
                    .say(xiamen, "虾皮是淡的吗？给宝宝吃")
                    .answer("不加盐，海水煮完直接晒，宝宝吃也放心。")
                    .join(xiamen)
                    .like(chengdu, 24).like(xiamen, 40);
            timeline.minutes(35);
            timeline.sold(teaching.buy(xiamen, "虾皮", 0, 1), xiamen, stalls.seaFarm());
            timeline.sold(teaching.buy(chengdu, "海蛎干", 0, 1), chengdu, stalls.seaFarm());
            timeline.end(teaching);

            timeline.until(4, 10, 30);
            DemoRooms.Room harvest = rooms.create(stalls.mountain(), "长白山秋木耳采收", null, false)
                    .shelve(8, "秋木耳", "蓝莓果干", "红参须").start().explain("秋木耳");
            harvest.answer("秋耳比春耳肉厚，大家看这一朵，背面是灰的，正面黑亮。")
                    .say(luoyang, "金叔，上次的蜜片老人很喜欢")
                    .join(luoyang).follow(beijing)
                    .like(luoyang, 28);
            timeline.minutes(30);
            harvest.explain("蓝莓果干");
            timeline.sold(harvest.buy(luoyang, "蓝莓果干", 0, 1), luoyang, stalls.mountain());
            timeline.end(harvest);

            timeline.until(2, 20, 30);
            DemoRooms.Room questions = rooms.create(stalls.jade(), "玉姐答疑：戒面和平安扣怎么挑", null, false)
                    .shelve(10, "戒面", "平安扣").start().explain("戒面");
            questions.answer("今天不急着卖，大家有什么问题都可以问。")
                    .say(beijing, "戒面镶嵌去哪里做比较好？")
                    .answer("找本地老银匠就行，镶之前量好指圈。")
                    .follow(beijing).join(xiamen)
                    .like(beijing, 12).like(xiamen, 20);
            timeline.minutes(50);
            timeline.sold(questions.buy(beijing, "戒面", 0, 1), beijing, stalls.jade());
            timeline.end(questions);
            timeline.until(0, 23, 59); // up to the present
        } finally {
            clock.endHistory();
        }
        deadlines.runDue();
        ledger.releaseDue();
    }

    /** What demo buyers say of what they bought in the rooms. */
    private record DemoReview(int rating, String text, List<String> tags) {
        static final List<DemoReview> ALL = List.of(
                new DemoReview(5, "和直播间里说的一样，很新鲜，家里人都爱吃", List.of("AS_DESCRIBED", "FRESH")),
                new DemoReview(5, "第二次买了，包装很用心，发货也快", List.of("GOOD_PACKAGING", "FAST_DELIVERY", "WILL_BUY_AGAIN")),
                new DemoReview(4, "味道不错，就是快递慢了一天", List.of("TASTY")),
                new DemoReview(5, "主播讲得很实在，东西对得起价格", List.of("AS_DESCRIBED", "GOOD_VALUE")),
                new DemoReview(3, "还行吧，有几个个头偏小", List.of()),
                new DemoReview(5, "客服态度很好，有问必答", List.of("ATTENTIVE_SERVICE")),
                new DemoReview(2, "收到时有点压坏了，不太新鲜", List.of("DAMAGED_PACKAGING", "NOT_FRESH")));
    }

    private Caller buyer(String handle) {
        return rooms.caller(handle);
    }

    /**
     * Moves the history clock on to the next broadcast a day at a time, doing what fell due on the way (a merchant
     * ships the day after the broadcast, the buyer confirms receipt three days later) and letting order deadlines
     * and payouts run, as they would have.
     */
    private final class Timeline {

        private record Due(Instant at, Runnable action) {
        }

        private final Instant present;
        private final LocalDate today;
        private final List<Due> due = new ArrayList<>();

        Timeline(Instant present) {
            this.present = present;
            this.today = LocalDate.ofInstant(present, zone);
        }

        /** {@code daysAgo} days before today at the given time of day in the platform zone. */
        Instant day(int daysAgo, int hour, int minute) {
            return today.minusDays(daysAgo).atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
        }

        /** On to {@code daysAgo} days before today at the given time, or to the present if that is sooner. */
        void until(int daysAgo, int hour, int minute) {
            Instant target = day(daysAgo, hour, minute);
            if (target.isAfter(present)) {
                target = present;
            }
            while (clock.instant().isBefore(target)) {
                Duration left = Duration.between(clock.instant(), target);
                clock.advance(left.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : left);
                Instant now = clock.instant();
                List<Due> ready = due.stream().filter(d -> !d.at().isAfter(now)).sorted(Comparator.comparing(Due::at)).toList();
                due.removeAll(ready);
                ready.forEach(d -> d.action().run());
                deadlines.runDue();
                ledger.releaseDue();
            }
        }

        void minutes(int minutes) {
            clock.advance(Duration.ofMinutes(minutes));
        }

        /** An order paid in the room: shipped the next day and received three days after that. */
        void sold(long orderId, Caller buyer, DemoRooms.Stall stall) {
            Instant now = clock.instant();
            Caller merchant = stall.creator();
            due.add(new Due(now.plus(Duration.ofDays(1)), () -> orders.ship(orderId, merchant, "顺丰速运",
                    "SF" + (2_000_000_000L + Math.abs(orderId % 7_000_000_000L)))));
            due.add(new Due(now.plus(Duration.ofDays(4)), () -> {
                if (orders.view(orderId, buyer).status() == OrderStatus.SHIPPED) {
                    orders.confirmReceipt(orderId, buyer);
                }
            }));
            due.add(new Due(now.plus(Duration.ofDays(5)), () -> review(orderId, buyer)));
        }

        /** Most buyers say something a day after receipt: mostly praise, now and then a complaint about freshness. */
        private void review(long orderId, Caller buyer) {
            OrderView order = orders.view(orderId, buyer);
            int pick = (int) Math.floorMod(orderId / 7, 10);
            if (order.status() != OrderStatus.DELIVERED || pick >= 7) {
                return;
            }
            DemoReview said = DemoReview.ALL.get(pick);
            reviews.post(orderId, buyer, new NewReview(List.of(new NewReview.Line(order.lines().getFirst().id(), said.rating(),
                    said.text(), said.tags(), null))));
        }

        /** The broadcast ends: its likes are stored at the time they were given. */
        void end(DemoRooms.Room room) {
            minutes(20);
            signals.flush();
            room.end();
        }
    }
}
