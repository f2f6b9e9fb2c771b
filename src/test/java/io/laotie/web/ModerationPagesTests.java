package io.laotie.web;

import io.laotie.identity.Accounts;
import io.laotie.live.LiveSessions;
import io.laotie.live.Moderation;
import io.laotie.live.NewLiveSession;
import io.laotie.social.Creators;
import io.laotie.social.NewCreator;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Locale;
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

/** The operators' blocked-word page: only operators open it, and a word added there stops comments in every room. */
@LaotieTest
class ModerationPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired Creators creators;
    @Autowired LiveSessions sessions;
    @Autowired Moderation moderation;

    @Test
    void anOperatorBlocksAWordAndACommentContainingItIsRefusedUntilTheWordIsRemoved() throws Exception {
        Api.User viewer = api.user("viewer");
        mvc.perform(get("/operator/moderation").session(signIn(viewer.handle(), "secret-pass-1"))).andExpect(status().isForbidden());
        mvc.perform(post("/operator/moderation").session(signIn(viewer.handle(), "secret-pass-1")).with(csrf()).param("word", "anything"))
                .andExpect(status().isForbidden());
        MockHttpSession operator = signIn("operator", "operator-test-password");

        mvc.perform(get("/operator/moderation").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/operator/moderation\"")))
                .andExpect(content().string(containsString("添加屏蔽词")));
        mvc.perform(post("/operator/moderation").session(operator).with(csrf()).param("word", "  "))
                .andExpect(status().isOk())
                .andExpect(view().name("operator/moderation"))
                .andExpect(content().string(containsString("class=\"field-error\"")));
        mvc.perform(post("/operator/moderation").session(operator).with(csrf()).param("word", "x".repeat(51)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")));

        String word = Api.unique("FakeGoods");
        String stored = word.toLowerCase(Locale.ROOT);
        mvc.perform(post("/operator/moderation").session(operator).with(csrf()).param("word", " " + word + " "))
                .andExpect(redirectedUrl("/operator/moderation"))
                .andExpect(flash().attribute("notice", containsString("已屏蔽“" + stored + "”")));
        mvc.perform(post("/operator/moderation").session(operator).with(csrf()).param("word", word))
                .andExpect(flash().attribute("notice", containsString("已在屏蔽列表中")));
        assertThat(moderation.blockedWords()).extracting(Moderation.BlockedWord::word).containsOnlyOnce(stored);
        mvc.perform(get("/operator/moderation").session(operator))
                .andExpect(content().string(containsString("data-word=\"" + stored + "\"")));

        // In a creator's open room, the word is refused in any case; other words pass.
        Api.User creator = api.user("creator");
        long creatorId = Long.parseLong(creator.id());
        var creatorCaller = accounts.callerOf(creatorId).orElseThrow();
        creators.become(creatorCaller, new NewCreator("屏蔽词测试主播", "", null));
        long id = sessions.create(accounts.callerOf(creatorId).orElseThrow(), new NewLiveSession("屏蔽词测试", null, null)).id();
        String comments = "/api/live-sessions/" + id + "/comments";
        var refused = api.post(comments, viewer, Map.of("text", "这是 " + word.toUpperCase(Locale.ROOT) + " 吗"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:laotie:problem:validation");
        assertThat(api.post(comments, viewer, Map.of("text", "这是正品吗")).status()).isEqualTo(201);

        mvc.perform(post("/operator/moderation/removal").session(operator).with(csrf()).param("word", stored))
                .andExpect(redirectedUrl("/operator/moderation"))
                .andExpect(flash().attribute("notice", containsString("已取消屏蔽")));
        assertThat(moderation.blockedWords()).extracting(Moderation.BlockedWord::word).doesNotContain(stored);
        assertThat(api.post(comments, viewer, Map.of("text", "这是 " + word + " 吗")).status()).isEqualTo(201);

        mvc.perform(get("/operator/moderation").param("lang", "en").session(operator))
                .andExpect(content().string(containsString("Block a word")))
                .andExpect(content().string(containsString(">Blocked words<")))
                .andExpect(content().string(not(containsString("data-word=\"" + stored + "\""))));
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
