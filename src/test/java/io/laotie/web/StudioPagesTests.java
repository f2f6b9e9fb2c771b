package io.laotie.web;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.identity.Role;
import io.laotie.live.FlashSale;
import io.laotie.live.FlashSales;
import io.laotie.live.LivePrice;
import io.laotie.live.LiveSessions;
import io.laotie.live.Moderation;
import io.laotie.live.NewLiveSession;
import io.laotie.live.NewShelfItem;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.platform.PageRequest;
import io.laotie.social.Creators;
import io.laotie.social.NewCreator;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The creator studio through the real security chain with signed-in sessions: becoming a creator, the sessions and
 * their life, one session's shelf, mutes, live counts and review; who may not open or change it.
 */
@LaotieTest
class StudioPagesTests {

    private static final String PASSWORD = "studio-pages-password";
    private static final Pattern SESSION_URL = Pattern.compile("/studio/sessions/(\\d+)");
    private static final Map<String, Object> ADDRESS = Map.of("recipient", "张三", "phone", "13800138000", "region", "北京市", "detail", "1号");

    @Autowired MockMvc mvc;
    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired Creators creators;
    @Autowired Shops shops;
    @Autowired Products products;
    @Autowired LiveSessions sessions;
    @Autowired Shelf shelf;
    @Autowired Moderation moderation;
    @Autowired FlashSales flashSales;
    @Autowired ZoneId platformZone;
    @LocalServerPort int port;

    @Test
    void aNonCreatorIsSentToTheProfileFormAndBecomesACreatorThere() throws Exception {
        mvc.perform(get("/studio")).andExpect(redirectedUrl("/login"));
        Account account = account("未来主播");
        MockHttpSession session = signIn(account.handle());

        mvc.perform(get("/studio").session(session))
                .andExpect(redirectedUrl("/studio/profile"))
                .andExpect(flash().attribute("notice", containsString("先成为主播")));
        mvc.perform(post("/studio/sessions").session(session).with(csrf()).param("title", "偷跑"))
                .andExpect(redirectedUrl("/studio/profile"));
        mvc.perform(get("/studio/profile").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>成为主播</h1>")))
                .andExpect(content().string(containsString("value=\"未来主播\"")))
                .andExpect(content().string(containsString("id=\"nav-studio\"")));
        mvc.perform(get("/studio/profile").param("lang", "en").session(session))
                .andExpect(content().string(containsString("<h1>Become a creator</h1>")))
                .andExpect(content().string(containsString("Once saved, your studio opens")));

        mvc.perform(post("/studio/profile").session(session).with(csrf()).param("displayName", " ").param("bio", "x"))
                .andExpect(status().isOk())
                .andExpect(view().name("studio/profile"))
                .andExpect(content().string(containsString("class=\"field-error\"")));
        mvc.perform(post("/studio/profile").session(session).with(csrf()).param("displayName", "富平柿子哥")
                        .param("avatarUrl", "ftp://img.example.com/me.png"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入以 http:// 或 https:// 开头的地址")));
        assertThat(creators.find(account.id())).isEmpty();

        mvc.perform(post("/studio/profile").session(session).with(csrf()).param("displayName", "富平柿子哥")
                        .param("bio", "在柿园里长大").param("avatarUrl", "https://img.example.com/me.png"))
                .andExpect(redirectedUrl("/studio"))
                .andExpect(flash().attribute("notice", containsString("你已成为主播")));
        assertThat(creators.get(account.id()).displayName()).isEqualTo("富平柿子哥");
        assertThat(creators.get(account.id()).avatarUrl()).isEqualTo("https://img.example.com/me.png");
        assertThat(accounts.get(account.id()).roles()).contains(Role.CREATOR);

        mvc.perform(get("/studio").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"creator-name\">富平柿子哥<")))
                .andExpect(content().string(containsString("id=\"sessions-empty\"")))
                .andExpect(content().string(containsString("新建直播")));
        mvc.perform(get("/studio").param("lang", "en").session(session))
                .andExpect(content().string(containsString("My studio")))
                .andExpect(content().string(containsString("New session")))
                .andExpect(content().string(not(containsString("新建直播"))));

        // From now on the same form edits the profile.
        mvc.perform(get("/studio/profile").session(session))
                .andExpect(content().string(containsString("<h1>主播资料</h1>")))
                .andExpect(content().string(containsString("在柿园里长大")));
        mvc.perform(post("/studio/profile").session(session).with(csrf()).param("displayName", "柿子哥").param("bio", "").param("avatarUrl", ""))
                .andExpect(redirectedUrl("/studio/profile"))
                .andExpect(flash().attribute("notice", containsString("柿子哥")));
        assertThat(creators.get(account.id()).displayName()).isEqualTo("柿子哥");
        assertThat(creators.get(account.id()).avatarUrl()).isNull();
    }

    @Test
    void aCreatorSchedulesStartsEndsAndCancelsSessionsFromTheStudio() throws Exception {
        Studio me = studio();

        mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", " "))
                .andExpect(status().isOk())
                .andExpect(view().name("studio/studio"))
                .andExpect(content().string(containsString("class=\"field-error\"")));
        mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", "过去的直播").param("scheduledAt", "2020-01-01T10:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("这个时间已经过去了")));
        mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", "乱写的时间").param("scheduledAt", "明晚八点"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入日期和时间")));
        mvc.perform(post("/studio/sessions").param("lang", "en").session(me.session()).with(csrf()).param("title", "Past").param("scheduledAt", "2020-01-01T10:00"))
                .andExpect(content().string(containsString("That time has passed")));
        assertThat(sessions.list(null, me.id(), new PageRequest(0, 10)).total()).isZero();

        LocalDateTime tomorrow = LocalDateTime.now(platformZone).plusDays(1).withHour(20).withMinute(0).withSecond(0).withNano(0);
        long later = created(mvc.perform(post("/studio/sessions").session(me.session()).with(csrf())
                        .param("title", "明晚柿饼专场").param("coverUrl", "https://img.example.com/cover.jpg")
                        .param("scheduledAt", tomorrow.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))))
                .andExpect(flash().attribute("notice", containsString("明晚柿饼专场"))).andReturn());
        LiveSessions.Row planned = sessions.row(later);
        assertThat(planned.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(planned.scheduledAt()).isEqualTo(tomorrow.atZone(platformZone).toInstant());
        assertThat(planned.coverUrl()).isEqualTo("https://img.example.com/cover.jpg");
        long now = created(mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", "现在就播")).andReturn());

        mvc.perform(get("/studio").session(me.session()))
                .andExpect(content().string(containsString("id=\"session-" + later + "\"")))
                .andExpect(content().string(containsString("计划 " + tomorrow.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " 开播")))
                .andExpect(content().string(containsString("id=\"start-" + now + "\"")))
                .andExpect(content().string(containsString("id=\"cancel-" + later + "\"")));

        mvc.perform(post("/studio/sessions/{id}/start", now).session(me.session()).with(csrf()))
                .andExpect(redirectedUrl("/studio/sessions/" + now))
                .andExpect(flash().attribute("notice", containsString("开播了")));
        assertThat(sessions.row(now).status()).isEqualTo(SessionStatus.LIVE);
        // One live session at a time: the other waits, and the page says why.
        mvc.perform(post("/studio/sessions/{id}/start", later).session(me.session()).with(csrf()))
                .andExpect(redirectedUrl("/studio/sessions/" + later))
                .andExpect(flash().attribute("alert", containsString("end it first")));
        assertThat(sessions.row(later).status()).isEqualTo(SessionStatus.SCHEDULED);
        mvc.perform(get("/studio").session(me.session()))
                .andExpect(content().string(containsString("id=\"end-" + now + "\"")))
                .andExpect(content().string(containsString("data-status=\"LIVE\"")));

        mvc.perform(post("/studio/sessions/{id}/end", now).session(me.session()).with(csrf()))
                .andExpect(redirectedUrl("/studio/sessions/" + now));
        assertThat(sessions.row(now).status()).isEqualTo(SessionStatus.ENDED);
        mvc.perform(post("/studio/sessions/{id}/cancellation", later).session(me.session()).with(csrf()))
                .andExpect(redirectedUrl("/studio"))
                .andExpect(flash().attribute("notice", containsString("已取消")));
        assertThat(sessions.row(later).status()).isEqualTo(SessionStatus.CANCELLED);

        mvc.perform(get("/studio").param("lang", "en").session(me.session()))
                .andExpect(content().string(containsString(">Ended<")))
                .andExpect(content().string(containsString(">Cancelled<")))
                .andExpect(content().string(not(containsString("id=\"start-"))));
    }

    @Test
    void anotherCreatorCannotOpenOrChangeSomeonesSessionStudio() throws Exception {
        Studio owner = studio();
        Studio intruder = studio();
        long id = sessions.create(owner.caller(), new NewLiveSession("只属于我的直播", null, null)).id();
        long itemId = shelf.add(id, owner.caller(), new NewShelfItem(owner.product().id(),
                List.of(new LivePrice(owner.product().skus().getFirst().id(), 2_990L)))).id();
        String base = "/studio/sessions/" + id;

        mvc.perform(get(base).session(intruder.session())).andExpect(status().isForbidden());
        mvc.perform(get(base + "/counts").session(intruder.session())).andExpect(status().isForbidden());
        mvc.perform(get("/studio/sessions/{id}", 42L).session(intruder.session())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/items").session(intruder.session()).with(csrf()).param("productId", Long.toString(intruder.product().id())))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/items/{i}/prices", itemId).session(intruder.session()).with(csrf())
                        .param("price-" + owner.product().skus().getFirst().id(), "0.01"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/items/{i}/explaining", itemId).session(intruder.session()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/items/{i}/move", itemId).session(intruder.session()).with(csrf()).param("direction", "down"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/items/{i}/removal", itemId).session(intruder.session()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/mutes").session(intruder.session()).with(csrf()).param("accountId", Long.toString(intruder.id())))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/start").session(intruder.session()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/cancellation").session(intruder.session()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/end").session(intruder.session()).with(csrf())).andExpect(status().isForbidden());

        LiveSessions.Row row = sessions.row(id);
        assertThat(row.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(row.explainingItemId()).isNull();
        assertThat(shelf.rows(id)).extracting(Shelf.Item::id).containsExactly(itemId);
        assertThat(shelf.livePrice(itemId, owner.product().skus().getFirst().id())).contains(2_990L);
        assertThat(moderation.mutes(id, owner.caller())).isEmpty();

        // The owner and operators may.
        mvc.perform(get(base).session(owner.session())).andExpect(status().isOk());
        mvc.perform(get(base).session(signIn("operator", "operator-test-password")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只属于我的直播")));
    }

    @Test
    void theShelfIsFilledPricedOrderedAndExplainedFromTheSessionStudio() throws Exception {
        Studio me = studio();
        Studio stranger = studio();
        long id = created(mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", "柿饼上新")).andReturn());
        String base = "/studio/sessions/" + id;
        ProductView persimmons = me.product();
        long jin = persimmons.skus().get(0).id();
        long twoJin = persimmons.skus().get(1).id();

        mvc.perform(get(base).session(me.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"shelf-empty\"")))
                .andExpect(content().string(containsString("id=\"add-" + persimmons.id() + "\"")))
                .andExpect(content().string(containsString("id=\"add-" + me.other().id() + "\"")))
                .andExpect(content().string(not(containsString("id=\"add-" + stranger.product().id() + "\""))))
                .andExpect(content().string(containsString("id=\"counts-waiting\"")));

        mvc.perform(post(base + "/items").session(me.session()).with(csrf()).param("productId", Long.toString(persimmons.id()))
                        .param("price-" + jin, "29.9"))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", containsString("已加入小黄车")));
        long item = shelf.itemOf(id, persimmons.id()).orElseThrow().id();
        assertThat(shelf.livePrice(item, jin)).contains(2_990L);
        assertThat(shelf.livePrice(item, twoJin)).isEmpty();
        mvc.perform(post(base + "/items").session(me.session()).with(csrf()).param("productId", Long.toString(me.other().id())))
                .andExpect(redirectedUrl(base));
        long otherItem = shelf.itemOf(id, me.other().id()).orElseThrow().id();
        // Goods of someone else's shop are refused; a live price above the price never reaches the shelf.
        mvc.perform(post(base + "/items").session(me.session()).with(csrf()).param("productId", Long.toString(stranger.product().id())))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("alert", containsString("无权操作")));
        assertThat(shelf.rows(id)).hasSize(2);

        mvc.perform(post(base + "/items/{i}/prices", item).session(me.session()).with(csrf()).param("price-" + jin, "45").param("price-" + twoJin, ""))
                .andExpect(status().isOk())
                .andExpect(view().name("studio/session"))
                .andExpect(content().string(containsString("直播价不能高于售价 ¥39.90")))
                .andExpect(content().string(containsString("value=\"45\"")));
        mvc.perform(post(base + "/items/{i}/prices", item).param("lang", "en").session(me.session()).with(csrf()).param("price-" + jin, "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an amount such as 29.90")));
        assertThat(shelf.livePrice(item, jin)).contains(2_990L);

        mvc.perform(post(base + "/items/{i}/prices", item).session(me.session()).with(csrf()).param("price-" + jin, "").param("price-" + twoJin, "¥59.90"))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", containsString("直播价")));
        assertThat(shelf.livePrice(item, jin)).isEmpty();
        assertThat(shelf.livePrice(item, twoJin)).contains(5_990L);

        mvc.perform(post(base + "/items/{i}/move", otherItem).session(me.session()).with(csrf()).param("direction", "up"))
                .andExpect(redirectedUrl(base + "#item-" + otherItem));
        assertThat(shelf.rows(id)).extracting(Shelf.Item::id).containsExactly(otherItem, item);
        mvc.perform(post(base + "/items/{i}/move", otherItem).session(me.session()).with(csrf()).param("direction", "up"));
        assertThat(shelf.rows(id)).extracting(Shelf.Item::id).containsExactly(otherItem, item);
        mvc.perform(post(base + "/items/{i}/move", otherItem).session(me.session()).with(csrf()).param("direction", "down"));
        assertThat(shelf.rows(id)).extracting(Shelf.Item::id).containsExactly(item, otherItem);

        mvc.perform(post(base + "/items/{i}/explaining", item).session(me.session()).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("正在讲解")));
        assertThat(sessions.row(id).explainingItemId()).isEqualTo(item);
        mvc.perform(get(base).session(me.session()))
                .andExpect(content().string(containsString("class=\"shelf-item explaining\" id=\"item-" + item + "\"")))
                .andExpect(content().string(containsString("讲解中")))
                .andExpect(content().string(not(containsString("id=\"explain-" + item + "\""))))
                .andExpect(content().string(containsString("id=\"explain-" + otherItem + "\"")))
                .andExpect(content().string(not(containsString("id=\"add-" + persimmons.id() + "\""))));

        mvc.perform(post(base + "/items/{i}/removal", otherItem).session(me.session()).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("移除")));
        assertThat(shelf.rows(id)).extracting(Shelf.Item::id).containsExactly(item);

        mvc.perform(get(base).param("lang", "en").session(me.session()))
                .andExpect(content().string(containsString("Add goods")))
                .andExpect(content().string(containsString(">Explaining<")))
                .andExpect(content().string(containsString("Save live prices")))
                .andExpect(content().string(not(containsString("添加商品"))));
    }

    @Test
    void aCreatorMutesAndUnmutesViewersFromTheRecentCommentsOrByAccountId() throws Exception {
        Studio me = studio();
        long id = created(mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", "禁言测试")).andReturn());
        mvc.perform(post("/studio/sessions/{id}/start", id).session(me.session()).with(csrf()));
        Api.User loud = api.user("loud");
        Api.User quiet = api.user("quiet");
        assertThat(api.post("/api/live-sessions/" + id + "/comments", loud, Map.of("text", "刷屏刷屏")).status()).isEqualTo(201);
        String base = "/studio/sessions/" + id;

        mvc.perform(get(base).session(me.session()))
                .andExpect(content().string(containsString("id=\"commenter-" + loud.id() + "\"")))
                .andExpect(content().string(containsString("刷屏刷屏")))
                .andExpect(content().string(containsString("id=\"mute-" + loud.id() + "\"")))
                .andExpect(content().string(containsString("id=\"mutes-empty\"")));

        mvc.perform(post(base + "/mutes").session(me.session()).with(csrf()).param("accountId", loud.id()))
                .andExpect(redirectedUrl(base + "#mutes"))
                .andExpect(flash().attribute("notice", containsString("已在本直播间禁言")));
        mvc.perform(post(base + "/mutes").session(me.session()).with(csrf()).param("accountId", " " + quiet.id() + " "))
                .andExpect(redirectedUrl(base + "#mutes"));
        mvc.perform(post(base + "/mutes").session(me.session()).with(csrf()).param("accountId", "somebody"))
                .andExpect(flash().attribute("alert", containsString("没有 ID 为“somebody”的账号")));
        assertThat(moderation.muted(id, Long.parseLong(loud.id()))).isTrue();
        assertThat(moderation.muted(id, Long.parseLong(quiet.id()))).isTrue();
        assertThat(api.post("/api/live-sessions/" + id + "/comments", loud, Map.of("text", "还在吗")).status()).isEqualTo(403);

        mvc.perform(get(base).session(me.session()))
                .andExpect(content().string(containsString("id=\"muted-" + loud.id() + "\"")))
                .andExpect(content().string(containsString("id=\"muted-" + quiet.id() + "\"")))
                .andExpect(content().string(not(containsString("id=\"mute-" + loud.id() + "\""))));
        mvc.perform(post(base + "/mutes/{v}/removal", loud.id()).session(me.session()).with(csrf()))
                .andExpect(redirectedUrl(base + "#mutes"))
                .andExpect(flash().attribute("notice", containsString("解除")));
        assertThat(moderation.muted(id, Long.parseLong(loud.id()))).isFalse();
        assertThat(api.post("/api/live-sessions/" + id + "/comments", loud, Map.of("text", "我改了")).status()).isEqualTo(201);

        mvc.perform(get(base).param("lang", "en").session(me.session()))
                .andExpect(content().string(containsString("Recent commenters")))
                .andExpect(content().string(containsString(">Unmute<")));
    }

    @Test
    void theLiveCountsRefreshWhileLiveAndTheReviewShowsEachItemsConversion() throws Exception {
        Studio me = studio();
        long id = created(mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", "复盘测试")).andReturn());
        String base = "/studio/sessions/" + id;
        long jin = me.product().skus().getFirst().id();
        mvc.perform(post(base + "/items").session(me.session()).with(csrf()).param("productId", Long.toString(me.product().id()))
                .param("price-" + jin, "29.90"));
        mvc.perform(post(base + "/items").session(me.session()).with(csrf()).param("productId", Long.toString(me.other().id())));
        long item = shelf.itemOf(id, me.product().id()).orElseThrow().id();
        long otherItem = shelf.itemOf(id, me.other().id()).orElseThrow().id();
        mvc.perform(post(base + "/start").session(me.session()).with(csrf()));

        mvc.perform(get(base).session(me.session()))
                .andExpect(content().string(containsString("hx-get=\"/studio/sessions/" + id + "/counts\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 3s\"")))
                .andExpect(content().string(containsString("id=\"count-viewers\">0<")));

        // A viewer in the room sees the item the creator explains; a buyer pays for two at the live price.
        WebSocket viewer = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/rooms/" + id), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        socket.request(1);
                        return null;
                    }
                }).join();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> sessions.get(id).viewers() == 1);
            mvc.perform(post(base + "/items/{i}/explaining", item).session(me.session()).with(csrf()));
            Api.User buyer = api.user("buyer");
            api.post("/api/me/addresses", buyer, ADDRESS);
            assertThat(api.post("/api/wallet/top-ups", buyer, Map.of("amount", 100_00)).status()).isEqualTo(201);
            var order = api.post("/api/orders", buyer, Map.of("liveSessionId", Long.toString(id),
                    "lines", List.of(Map.of("skuId", Long.toString(jin), "quantity", 2, "shelfItemId", Long.toString(item)))));
            assertThat(order.status()).as("%s", order.body()).isEqualTo(201);
            assertThat(order.body().path("total").asLong()).isEqualTo(2 * 2_990);
            assertThat(api.post("/api/orders/" + order.id() + "/payment", buyer, null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> sessions.row(id).orders() == 1);

            mvc.perform(get(base + "/counts").session(me.session()).header("HX-Request", "true"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("<html"))))
                    .andExpect(content().string(containsString("id=\"live-counts\"")))
                    .andExpect(content().string(containsString("id=\"count-viewers\">1<")))
                    .andExpect(content().string(containsString("id=\"count-orders\">1<")))
                    .andExpect(content().string(containsString("id=\"count-gmv\">¥59.80<")));
        } finally {
            viewer.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }

        mvc.perform(post(base + "/end").session(me.session()).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("复盘")));
        mvc.perform(get(base + "/counts").session(me.session()))
                .andExpect(content().string(not(containsString("hx-get"))));
        String review = mvc.perform(get(base).session(me.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("直播复盘")))
                .andExpect(content().string(containsString("id=\"review-orders\">1<")))
                .andExpect(content().string(containsString("id=\"review-gmv\">¥59.80<")))
                .andExpect(content().string(containsString("id=\"review-peak\">")))
                .andExpect(content().string(containsString("id=\"conversion-chart\"")))
                .andExpect(content().string(not(containsString("id=\"live-counts\""))))
                .andExpect(content().string(not(containsString("id=\"add-goods\""))))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(row(review, "review-item-" + item)).contains(me.product().title(), ">1<", ">2<", "¥59.80", "100.0%");
        assertThat(row(review, "review-item-" + otherItem)).contains(me.other().title(), ">0<", "0.0%");
        assertThat(review).contains("style=\"width: 100%\"", "style=\"width: 0%\"");

        mvc.perform(get(base).param("lang", "en").session(me.session()))
                .andExpect(content().string(containsString("Conversion by item")))
                .andExpect(content().string(containsString("Peak viewers")))
                .andExpect(content().string(containsString("The shelf of a finished session no longer changes.")));
    }

    @Test
    void aCreatorStartsAFlashSaleFromTheStudioAndEndsItEarlyWhileBadInputChangesNothing() throws Exception {
        Studio me = studio();
        Studio intruder = studio();
        long id = created(mvc.perform(post("/studio/sessions").session(me.session()).with(csrf()).param("title", "秒杀专场")).andReturn());
        String base = "/studio/sessions/" + id;
        long jin = me.product().skus().getFirst().id();
        mvc.perform(post(base + "/items").session(me.session()).with(csrf()).param("productId", Long.toString(me.product().id())));
        long item = shelf.itemOf(id, me.product().id()).orElseThrow().id();
        String sku = item + ":" + jin;

        mvc.perform(get(base).session(me.session()))
                .andExpect(content().string(containsString("id=\"flash-sale-when-live\"")))
                .andExpect(content().string(not(containsString("id=\"flash-sale-form\""))));
        mvc.perform(post(base + "/start").session(me.session()).with(csrf()));
        mvc.perform(get(base).session(me.session()))
                .andExpect(content().string(containsString("id=\"flash-sale-form\"")))
                .andExpect(content().string(containsString("value=\"" + sku + "\"")))
                .andExpect(content().string(containsString("id=\"flash-sales-empty\"")))
                .andExpect(content().string(containsString("发起秒杀")));
        mvc.perform(get(base).param("lang", "en").session(me.session()))
                .andExpect(content().string(containsString("Start the flash sale")))
                .andExpect(content().string(containsString("Limit per buyer")));

        // What the page can tell is said beside the field, in the reader's language, and what was typed stays.
        mvc.perform(flashSale(base, me, sku, "45", "5", "6", "5", "1"))
                .andExpect(status().isOk())
                .andExpect(view().name("studio/session"))
                .andExpect(content().string(containsString("秒杀价不能高于售价 ¥39.90")))
                .andExpect(content().string(containsString("每人限购不能多于秒杀数量")))
                .andExpect(content().string(containsString("请输入 10 到 300 之间的整数")))
                .andExpect(content().string(containsString("value=\"45\"")));
        mvc.perform(flashSale(base, me, "", "九块九", "5", "1", "30", "21").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a SKU on sale on the shelf")))
                .andExpect(content().string(containsString("Enter an amount such as 29.90")))
                .andExpect(content().string(containsString("Enter a whole number from 1 to 20")));
        // What only the flash sales can tell (too little stock) goes back on its field too.
        mvc.perform(flashSale(base, me, sku, "9.9", "60", "1", "30", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("库存不够：这个规格现在可售 50 件")));
        assertThat(flashSales.of(id)).isEmpty();

        mvc.perform(flashSale(base, me, sku, "9.9", "5", "2", "10", "1"))
                .andExpect(redirectedUrl(base + "#flash-sales"))
                .andExpect(flash().attribute("notice", containsString("秒杀开始倒计时")));
        FlashSale sale = flashSales.of(id).getFirst();
        assertThat(sale.price()).isEqualTo(990);
        assertThat(sale.usualPrice()).isEqualTo(3_990);
        assertThat(sale.quantity()).isEqualTo(5);
        assertThat(sale.perBuyerLimit()).isEqualTo(2);
        assertThat(Duration.between(sale.startsAt(), sale.endsAt())).isEqualTo(Duration.ofMinutes(1));
        mvc.perform(flashSale(base, me, sku, "8", "5", "1", "10", "1").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This SKU has a flash sale still open; end it first")));
        assertThat(flashSales.of(id)).hasSize(1);

        String listed = mvc.perform(get(base).session(me.session()))
                .andExpect(content().string(containsString("hx-get=\"/studio/sessions/" + id + "/flash-sales\"")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(row(listed, "flash-sale-" + sale.id())).contains(me.product().title(), "一斤装", "¥9.90", "倒计时中",
                "id=\"end-flash-sale-" + sale.id() + "\"");
        mvc.perform(post(base + "/flash-sales/{f}/end", sale.id()).session(intruder.session()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(flashSale("/studio/sessions/" + id, intruder, sku, "1", "1", "1", "10", "1")).andExpect(status().isForbidden());

        mvc.perform(post(base + "/flash-sales/{f}/end", sale.id()).session(me.session()).with(csrf()))
                .andExpect(redirectedUrl(base + "#flash-sales"))
                .andExpect(flash().attribute("notice", containsString("秒杀已结束，售出 0 件")));
        assertThat(flashSales.get(sale.id()).endReason()).isEqualTo("ENDED_EARLY");
        String ended = mvc.perform(get(base + "/flash-sales").param("lang", "en").session(me.session()))
                .andExpect(content().string(not(containsString("hx-get"))))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(row(ended, "flash-sale-" + sale.id())).contains("Ended", "ended early").doesNotContain("end-flash-sale-");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder flashSale(
            String base, Studio who, String sku, String price, String quantity, String limit, String countdown, String minutes) {
        return post(base + "/flash-sales").session(who.session()).with(csrf()).param("sku", sku).param("price", price)
                .param("quantity", quantity).param("perBuyerLimit", limit).param("countdownSeconds", countdown)
                .param("durationMinutes", minutes);
    }

    // --- the world each test stands on ---

    private record Studio(long id, Caller caller, MockHttpSession session, Shop shop, ProductView product, ProductView other) {
    }

    /** A creator with a shop of two products: persimmon cakes in two sizes and a jar of honey. */
    private Studio studio() throws Exception {
        Account account = account("主播");
        Caller caller = accounts.callerOf(account.id()).orElseThrow();
        creators.become(caller, new NewCreator("主播 " + account.handle(), "从源头来", null));
        Shop shop = shops.open(account.id(), "主播的柿园 " + account.handle(), "");
        caller = accounts.callerOf(account.id()).orElseThrow();
        ProductView persimmons = products.create(shop.id(), caller, new NewProduct("直播柿饼 " + account.handle(), "霜降后晾晒", 1002L, null,
                new Origin("陕西渭南富平", null), 1_500L, 6_800L, 0L, false, null,
                List.of(new NewProduct.NewSku("一斤装", 3_990L, 50L), new NewProduct.NewSku("两斤装", 6_990L, 50L))));
        ProductView honey = products.create(shop.id(), caller, new NewProduct("枣花蜜 " + account.handle(), "黄河滩的枣花", 1002L, null,
                new Origin("陕西延川", null), 1_000L, 5_000L, 0L, false, null, List.of(new NewProduct.NewSku("一罐", 3_900L, 50L))));
        return new Studio(account.id(), caller, signIn(account.handle()), shop, persimmons, honey);
    }

    private Account account(String displayName) {
        return accounts.signUp(new NewAccount(Api.unique("studio"), PASSWORD, displayName, null), ClientInfo.INTERNAL);
    }

    private MockHttpSession signIn(String handle) throws Exception {
        return signIn(handle, PASSWORD);
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static long created(MvcResult redirect) {
        Matcher matcher = SESSION_URL.matcher(String.valueOf(redirect.getResponse().getRedirectedUrl()));
        assertThat(matcher.matches()).as("redirected to a session studio: %s", redirect.getResponse().getRedirectedUrl()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The HTML of the table row with this id. */
    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row %s", id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
