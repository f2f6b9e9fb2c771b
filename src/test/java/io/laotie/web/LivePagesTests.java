package io.laotie.web;

import io.laotie.identity.Accounts;
import io.laotie.live.LiveSession;
import io.laotie.live.FlashSales;
import io.laotie.live.LiveSessions;
import io.laotie.live.NewLiveSession;
import io.laotie.platform.PlatformClock;
import io.laotie.social.Follows;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
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
 * The viewer's live pages through the real security chain: the listing of sessions with booking, the live room with
 * its shelf and chat, and a creator's page with follow and fan-club buttons; in Chinese and English, for visitors and
 * signed-in viewers. The room's live behaviour (WebSocket, buying) is in {@link LiveRoomBrowserTests}.
 */
@LaotieTest
class LivePagesTests {

    private static final String PASSWORD = "secret-pass-1"; // the password Api gives its users

    @Autowired MockMvc mvc;
    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired LiveSessions sessions;
    @Autowired Follows follows;
    @Autowired FlashSales flashSales;
    @Autowired PlatformClock clock;

    @Test
    void listingShowsLiveSessionsThenScheduledOnesAndLetsASignedInViewerBook() throws Exception {
        LiveStage stage = new LiveStage(api);
        LiveStage.Room live = stage.live("霜降柿饼开晒 " + Api.unique("live"));
        // five minutes on the platform's clock, which other tests move ahead of the wall clock
        LiveStage.Room later = stage.another(live, "明晚看柿园 " + Api.unique("later"),
                OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(5)), ZoneOffset.UTC));

        String visitor = livePages(null, "");
        assertThat(visitor).contains("正在直播", "直播预告", live.title(), later.title(), live.creatorName(), "人在看", "开播")
                .contains("href=\"/creators/" + live.creator().id() + "\"")
                .contains("href=\"/live/" + live.sessionId() + "\"")
                .doesNotContain("id=\"book-" + later.sessionId() + "\"");
        assertThat(visitor.indexOf("id=\"live-now\"")).as("live sessions come first").isLessThan(visitor.indexOf("id=\"live-upcoming\""));
        assertThat(livePages(null, "en")).contains("Live now", "Coming up", later.title()).doesNotContain("正在直播");

        Api.User viewer = api.user("booker");
        MockHttpSession signedIn = signIn(viewer);
        assertThat(livePages(signedIn, "")).contains("id=\"book-" + later.sessionId() + "\"", "预约")
                .doesNotContain("id=\"book-" + live.sessionId() + "\"");
        assertThat(livePages(signedIn, "en")).contains("id=\"book-" + later.sessionId() + "\"", ">Book<");

        mvc.perform(post("/live/{id}/booking", later.sessionId()).session(signedIn).with(csrf()).param("returnTo", "/live"))
                .andExpect(redirectedUrl("/live"))
                .andExpect(flash().attribute("notice", containsString("预约成功")));
        assertThat(sessions.booked(Long.parseLong(later.sessionId()), Long.parseLong(viewer.id()))).isTrue();
        assertThat(livePages(signedIn, "")).contains("id=\"booked-" + later.sessionId() + "\"", "已预约")
                .doesNotContain("id=\"book-" + later.sessionId() + "\"");

        // Booking what is live already is refused with the reason; a visitor is sent to log in; the return address stays on this site.
        mvc.perform(post("/live/{id}/booking", live.sessionId()).session(signedIn).with(csrf()).param("returnTo", "https://phish.example/"))
                .andExpect(redirectedUrl("/live/" + live.sessionId()))
                .andExpect(flash().attribute("alert", containsString("现在不能这样操作")));
        mvc.perform(post("/live/{id}/booking", later.sessionId()).with(csrf()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/live/{id}/booking", 42).session(signedIn).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void roomShowsTheShelfWithLivePricesOriginAndTheExplainingItem() throws Exception {
        LiveStage.Room room = new LiveStage(api).live("富平柿园直播 " + Api.unique("room"));
        LiveStage.expect(api.post("/api/live-sessions/" + room.sessionId() + "/shelf-items/" + room.itemId() + "/explaining",
                room.creator(), null), 200);
        Api.User talker = api.user("talker");
        LiveStage.expect(api.post("/api/live-sessions/" + room.sessionId() + "/comments", talker, Map.of("text", "甜不甜？")), 201);

        mvc.perform(get("/live/{id}", room.sessionId()))
                .andExpect(status().isOk())
                .andExpect(view().name("live/room"))
                .andExpect(content().string(containsString("id=\"player\"")))
                .andExpect(content().string(containsString(room.title())))
                .andExpect(content().string(containsString(room.creatorName())))
                .andExpect(content().string(containsString("直播中")))
                .andExpect(content().string(containsString("小黄车")))
                .andExpect(content().string(containsString(room.productTitle())))
                .andExpect(content().string(containsString("讲解中：" + room.productTitle())))
                .andExpect(content().string(containsString("class=\"shelf-item explaining\"")))
                .andExpect(content().string(containsString("直播价")))
                .andExpect(content().string(containsString("¥29.90")))
                .andExpect(content().string(containsString("<del class=\"list-price\">¥39.90</del>")))
                .andExpect(content().string(containsString("参考价 ¥68.00")))
                .andExpect(content().string(containsString("陕西富平")))
                .andExpect(content().string(containsString("Picked and dried by hand")))
                .andExpect(content().string(containsString("甜不甜？")))
                .andExpect(content().string(containsString("/js/room.js")))
                .andExpect(content().string(not(containsString("模拟观众"))));
    }

    @Test
    void roomShowsAComingFlashSaleThenTheRunningOneWithItsPriceAndRemainingUnits() throws Exception {
        LiveStage.Room room = new LiveStage(api).live("秒杀直播间 " + Api.unique("room"));
        String saleId = LiveStage.expect(api.post("/api/live-sessions/" + room.sessionId() + "/flash-sales", room.creator(),
                Map.of("shelfItemId", room.itemId(), "skuId", room.skuId(), "price", 990, "quantity", 5, "perBuyerLimit", 2,
                        "countdownSeconds", 60, "durationSeconds", 300)), 201).id();
        String card = "id=\"flash-sale-" + saleId + "\"";

        assertThat(page(get("/live/{id}", room.sessionId()), null))
                .contains(card, "data-phase=\"scheduled\"", "秒杀", "即将开抢", "共 5 件", "每人限购 2 件",
                        "¥9.90", "data-usual-price=\"2990\"", "id=\"flash-texts\"", "data-server-now=\"")
                .containsPattern("\\d:\\d\\d 后开抢");
        assertThat(page(get("/live/{id}", room.sessionId()).param("lang", "en"), null))
                .contains(card, "Flash sale", "Coming up", "5 units", "Limit 2 per buyer").containsPattern("opens in \\d:\\d\\d");

        // The countdown ran out: a viewer who arrives now sees the sale running, with what is left after a purchase.
        clock.advance(Duration.ofSeconds(60));
        flashSales.tick();
        Api.User buyer = new LiveStage(api).buyer("成都", true, 0);
        LiveStage.expect(api.post("/api/orders", buyer, Map.of("liveSessionId", room.sessionId(),
                "lines", List.of(Map.of("skuId", room.skuId(), "quantity", 1, "shelfItemId", room.itemId())))), 201);
        assertThat(page(get("/live/{id}", room.sessionId()), signIn(buyer)))
                .contains(card, "data-phase=\"running\"", "抢购中", "剩 4 件", "¥9.90").containsPattern("还剩 \\d:\\d\\d");
        assertThat(page(get("/live/{id}", room.sessionId()).param("lang", "en"), null))
                .contains("On sale now", "4 left").containsPattern("ends in \\d:\\d\\d");

        LiveStage.expect(api.post("/api/flash-sales/" + saleId + "/end", room.creator(), null), 200);
        assertThat(page(get("/live/{id}", room.sessionId()), null)).doesNotContain(card);
    }

    @Test
    void visitorsWatchAndReadButAreAskedToLogInToTalkOrBuy() throws Exception {
        LiveStage.Room room = new LiveStage(api).live("游客也能看 " + Api.unique("room"));

        String zh = page(get("/live/{id}", room.sessionId()), null);
        assertThat(zh).contains("id=\"chat-list\"", "id=\"chat-input\" disabled", "登录后参与聊天", "登录后购买", "登录后点赞")
                .contains("id=\"follow-button\" href=\"/login\"", "id=\"fan-club-button\" href=\"/login\"")
                .doesNotContain("data-csrf-token", "id=\"chat-form\"");
        String en = page(get("/live/{id}", room.sessionId()).param("lang", "en"), null);
        assertThat(en).contains("Shelf", "Live price", "Reference price ¥68.00", "Log in to chat", "Log in to buy", "Origin")
                .doesNotContain("小黄车", "登录后参与聊天");
    }

    @Test
    void signedInViewersGetTheChatInputTheirButtonsAndTheTokenForTheRoomScript() throws Exception {
        LiveStage.Room room = new LiveStage(api).live("登录观众 " + Api.unique("room"));
        Api.User viewer = api.user("viewer", "成都");
        MockHttpSession signedIn = signIn(viewer);

        String zh = page(get("/live/{id}", room.sessionId()), signedIn);
        assertThat(zh).contains("id=\"chat-form\"", "id=\"chat-input\"", "id=\"chat-send\"", "id=\"like-button\"",
                        "id=\"like-count\"", "id=\"viewer-count\"", "id=\"shelf\"", "data-csrf-token=\"", "data-csrf-header=\"X-CSRF-TOKEN\"",
                        "data-socket-path=\"/ws/rooms/" + room.sessionId() + "\"", "id=\"buy-" + room.skuId() + "\"",
                        "data-item-id=\"" + room.itemId() + "\"")
                .contains(">关注</button>", ">加入粉丝团</button>")
                .doesNotContain("登录后参与聊天");
        assertThat(page(get("/live/{id}", room.sessionId()).param("lang", "en"), signedIn))
                .contains(">Follow</button>", ">Join the fan club</button>", ">Send</button>", "Say something to the creator…");

        follows.follow(Long.parseLong(viewer.id()), Long.parseLong(room.creator().id()), io.laotie.social.FollowSource.SEARCH, null);
        assertThat(page(get("/live/{id}", room.sessionId()), signedIn)).contains("已关注");

        // The creator in their own room gets neither button.
        assertThat(page(get("/live/{id}", room.sessionId()), signIn(room.creator())))
                .doesNotContain("id=\"follow-button\"", "id=\"fan-club-button\"");
    }

    @Test
    void roomsBeforeAndAfterTheBroadcastSayWhenAndDoNotSell() throws Exception {
        LiveStage stage = new LiveStage(api);
        LiveStage.Room scheduled = stage.scheduled("预告直播 " + Api.unique("s"), OffsetDateTime.now(ZoneOffset.UTC).plusHours(2));
        MockHttpSession viewer = signIn(api.user("early"));
        assertThat(page(get("/live/{id}", scheduled.sessionId()), viewer))
                .contains("预告", "直播还没开始", "开播后可购买", "id=\"buy-" + scheduled.skuId() + "\"")
                .containsPattern("id=\"buy-" + scheduled.skuId() + "\"[^>]*disabled");

        LiveStage.Room ended = stage.live("已结束直播 " + Api.unique("e"));
        LiveStage.expect(api.post("/api/live-sessions/" + ended.sessionId() + "/end", ended.creator(), null), 200);
        assertThat(page(get("/live/{id}", ended.sessionId()), viewer)).contains("已结束", "直播已结束");
        assertThat(page(get("/live/{id}", ended.sessionId()).param("lang", "en"), viewer)).contains("The live session has ended");
    }

    @Test
    void aDemoRoomSaysItsAudienceIsSimulated() throws Exception {
        LiveStage.Room room = new LiveStage(api).scheduled("占位 " + Api.unique("x"), null);
        LiveSession demo = sessions.create(accounts.callerOf(Long.parseLong(room.creator().id())).orElseThrow(),
                new NewLiveSession("演示直播间 " + Api.unique("demo"), null, null), true);

        assertThat(page(get("/live/{id}", demo.id()), null)).contains("id=\"simulated-label\"", "模拟观众");
        assertThat(page(get("/live/{id}", demo.id()).param("lang", "en"), null)).contains("Simulated audience");
    }

    @Test
    void unknownSessionsAndCreatorsAnswerTheNotFoundPage() throws Exception {
        MockHttpSession viewer = signIn(api.user("lost"));
        for (String path : new String[]{"/live/42", "/creators/42"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound()).andExpect(view().name("error"))
                    .andExpect(content().string(containsString("页面不存在")));
            mvc.perform(get(path).param("lang", "en").session(viewer)).andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("Page not found")));
        }
        mvc.perform(get("/live/not-a-number")).andExpect(status().isBadRequest()).andExpect(view().name("error"));
        mvc.perform(post("/creators/42/follow").session(viewer).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void creatorPageShowsProfileCountsAndSessionsAndFollowsAndJoinsByForm() throws Exception {
        LiveStage stage = new LiveStage(api);
        LiveStage.Room past = stage.live("上周的直播 " + Api.unique("past"));
        LiveStage.expect(api.post("/api/live-sessions/" + past.sessionId() + "/end", past.creator(), null), 200);
        LiveStage.Room now = stage.another(past, "此刻开播 " + Api.unique("now"), null);
        LiveStage.expect(api.post("/api/live-sessions/" + now.sessionId() + "/start", now.creator(), null), 200);
        LiveStage.Room next = stage.another(past, "下周预告 " + Api.unique("next"), OffsetDateTime.now(ZoneOffset.UTC).plusDays(7));
        String creatorPage = "/creators/" + past.creator().id();

        String visitor = page(get(creatorPage), null);
        assertThat(visitor).contains(past.creatorName(), "三代种柿子，霜降后开晒", "id=\"creator-followers\">0<",
                "id=\"creator-fan-club\">0<", "直播中与预告", "往期直播", now.title(), next.title(), past.title(),
                "id=\"follow-button\" href=\"/login\"");
        assertThat(visitor.indexOf(now.title())).isLessThan(visitor.indexOf(next.title()));
        assertThat(visitor.indexOf(next.title())).isLessThan(visitor.indexOf(past.title()));
        assertThat(page(get(creatorPage).param("lang", "en"), null))
                .contains("Followers", "Fan club members", "Live and coming up", "Past sessions", "Follow");

        MockHttpSession fan = signIn(api.user("fan"));
        assertThat(page(get(creatorPage), fan)).contains("id=\"follow-button\"", "id=\"fan-club-button\"", "id=\"book-" + next.sessionId() + "\"");
        mvc.perform(post(creatorPage + "/follow").session(fan).with(csrf()))
                .andExpect(redirectedUrl(creatorPage))
                .andExpect(flash().attribute("notice", containsString("关注成功")));
        assertThat(page(get(creatorPage), fan)).contains("id=\"creator-followers\">1<", "id=\"unfollow-button\"");
        mvc.perform(post(creatorPage + "/fan-club").session(fan).with(csrf()))
                .andExpect(redirectedUrl(creatorPage))
                .andExpect(flash().attribute("notice", containsString("欢迎加入粉丝团")));
        assertThat(page(get(creatorPage).param("lang", "en"), fan)).contains("id=\"creator-fan-club\">1<", "Fan club member · Lv1");
        mvc.perform(post(creatorPage + "/unfollow").session(fan).with(csrf())).andExpect(redirectedUrl(creatorPage));
        assertThat(page(get(creatorPage), fan)).contains("id=\"creator-followers\">0<");

        // The creator sees their own page without buttons; a visitor posting is sent to log in.
        assertThat(page(get(creatorPage), signIn(past.creator()))).contains("这是你的主播主页").doesNotContain("id=\"follow-button\"");
        mvc.perform(post(creatorPage + "/follow").with(csrf())).andExpect(redirectedUrl("/login"));
    }

    /** Every page of /live (other tests' sessions share the database) until one holds the session card. */
    private String livePages(MockHttpSession session, String lang) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int page = 0; page < 50; page++) {
            var request = get("/live").param("page", Integer.toString(page));
            if (!lang.isEmpty()) {
                request.param("lang", lang);
            }
            String html = page(request, session);
            all.append(html);
            if (!html.contains("rel=\"next\"")) {
                break;
            }
        }
        return all.toString();
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, MockHttpSession session)
            throws Exception {
        if (session != null) {
            request.session(session);
        }
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(Api.User user) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", user.handle()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
