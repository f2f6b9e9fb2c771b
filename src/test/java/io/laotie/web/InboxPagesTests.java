package io.laotie.web;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.live.LiveSessions;
import io.laotie.live.NewLiveSession;
import io.laotie.social.Creators;
import io.laotie.social.Inbox;
import io.laotie.social.NewCreator;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

/** The inbox page and the unread badge in the header, through the real security chain. */
@LaotieTest
class InboxPagesTests {

    private static final String PASSWORD = "inbox-pages-password";

    @Autowired MockMvc mvc;
    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired Creators creators;
    @Autowired LiveSessions sessions;
    @Autowired Inbox inbox;

    @Test
    void aFollowerReadsInTheInboxThatTheCreatorWentLiveAndMarksItRead() throws Exception {
        Account creator = account("开播的主播");
        Caller creatorCaller = accounts.callerOf(creator.id()).orElseThrow();
        creators.become(creatorCaller, new NewCreator("苹果姐", "洛川的苹果", null));
        Account fan = account("粉丝");
        MockHttpSession fanSession = signIn(fan.handle());
        String fanToken = api.login(fan.handle(), PASSWORD);
        assertThat(api.post("/api/creators/" + creator.id() + "/followers", new Api.User(Long.toString(fan.id()), fan.handle(), fanToken),
                Map.of("source", "CREATOR_PAGE")).status()).isEqualTo(201);

        mvc.perform(get("/inbox").session(fanSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"inbox-empty\"")))
                .andExpect(content().string(containsString("id=\"nav-inbox\"")))
                .andExpect(content().string(not(containsString("id=\"inbox-unread\""))))
                .andExpect(content().string(not(containsString("id=\"read-all\""))));

        // The creator goes live from the studio; the inbox hears of it asynchronously.
        MockHttpSession creatorSession = signIn(creator.handle());
        long id = sessions.create(creatorCaller, new NewLiveSession("洛川苹果开园", null, null)).id();
        mvc.perform(post("/studio/sessions/{id}/start", id).session(creatorSession).with(csrf()))
                .andExpect(redirectedUrl("/studio/sessions/" + id));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.unread(fan.id()) == 1);

        mvc.perform(get("/inbox").session(fanSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("苹果姐 开播了：洛川苹果开园")))
                .andExpect(content().string(containsString("href=\"/live/" + id + "\"")))
                .andExpect(content().string(containsString("class=\"unread\"")))
                .andExpect(content().string(containsString("1 条未读")))
                .andExpect(content().string(containsString("id=\"inbox-unread\"")))
                .andExpect(content().string(containsString(">1</span></a>")));
        mvc.perform(get("/").session(fanSession))
                .andExpect(content().string(containsString("id=\"inbox-unread\"")));
        mvc.perform(get("/inbox").param("lang", "en").session(fanSession))
                .andExpect(content().string(containsString("苹果姐 is live: 洛川苹果开园")))
                .andExpect(content().string(containsString("Mark all read")))
                .andExpect(content().string(not(containsString("开播了"))));

        mvc.perform(post("/inbox/read").session(fanSession).with(csrf()))
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(flash().attribute("notice", containsString("已读")));
        assertThat(inbox.unread(fan.id())).isZero();
        mvc.perform(get("/inbox").session(fanSession))
                .andExpect(content().string(containsString("苹果姐 开播了：洛川苹果开园")))
                .andExpect(content().string(not(containsString("class=\"unread\""))))
                .andExpect(content().string(not(containsString("id=\"inbox-unread\""))));

        // Nobody else hears of it, and nobody reads another's inbox.
        Account stranger = account("路人");
        assertThat(inbox.unread(stranger.id())).isZero();
        mvc.perform(get("/inbox").session(signIn(stranger.handle())))
                .andExpect(content().string(not(containsString("洛川苹果开园"))));
        mvc.perform(get("/inbox")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aLongInboxIsPaged() throws Exception {
        Account creator = account("常播的主播");
        creators.become(accounts.callerOf(creator.id()).orElseThrow(), new NewCreator("天天播", "", null));
        Account reader = account("老粉");
        for (int i = 1; i <= 25; i++) {
            inbox.sessionStarted(creator.id(), 1_000L + i, "第 " + i + " 场", List.of(reader.id()));
        }
        MockHttpSession session = signIn(reader.handle());

        mvc.perform(get("/inbox").session(session))
                .andExpect(content().string(containsString("天天播 开播了：第 25 场")))
                .andExpect(content().string(containsString("天天播 开播了：第 6 场<")))
                .andExpect(content().string(not(containsString("天天播 开播了：第 5 场<"))))
                .andExpect(content().string(containsString("第 1 / 2 页")))
                .andExpect(content().string(containsString("href=\"/inbox?page=1\"")))
                .andExpect(content().string(containsString(">25</span></a>")));
        mvc.perform(get("/inbox").param("page", "1").session(session))
                .andExpect(content().string(containsString("天天播 开播了：第 5 场<")))
                .andExpect(content().string(containsString("天天播 开播了：第 1 场<")))
                .andExpect(content().string(not(containsString("第 6 场"))))
                .andExpect(content().string(containsString("href=\"/inbox?page=0\"")));
    }

    private Account account(String displayName) {
        return accounts.signUp(new NewAccount(Api.unique("inbox"), PASSWORD, displayName, null), ClientInfo.INTERNAL);
    }

    private MockHttpSession signIn(String handle) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
