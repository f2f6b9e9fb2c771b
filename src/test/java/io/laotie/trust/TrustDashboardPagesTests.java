package io.laotie.trust;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The creator's trust dashboard and a fan's journey page, in both languages; nobody else's. */
@LaotieTest
class TrustDashboardPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Api api;

    private static MockHttpServletRequestBuilder as(User user, String path) {
        return get(path).header("Authorization", "Bearer " + user.token());
    }

    @Test
    void theDashboardDrawsTheFunnelAndTheFanPageTheSteps() throws Exception {
        TrustWorld world = new TrustWorld(api);
        User fan = world.buyer();
        world.follow(fan, "SEARCH");
        world.bought(fan);
        Eventually.until("converted", () -> "CONVERTED".equals(world.journey(fan).path("stage").asString("")));

        mvc.perform(as(world.creator, "/studio/trust"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>信任看板</h1>"), containsString("id=\"my-reputation\""), containsString("id=\"levers\""), containsString("class=\"funnel-chart\""),
                        containsString("data-stage=\"CONVERTED\">1</text>"), containsString("data-stage=\"ENGAGED\">0</text>"),
                        containsString("id=\"cohorts-week\""), containsString("id=\"cohorts-source\""),
                        containsString("href=\"/studio/fans/" + fan.id() + "\""))));
        mvc.perform(as(world.creator, "/studio/trust?lang=en&source=SEARCH"))
                .andExpect(content().string(allOf(containsString("Fan funnel"), containsString("Search"))));
        mvc.perform(as(world.creator, "/studio/trust?source=ROOM"))
                .andExpect(content().string(containsString("data-stage=\"CONVERTED\">0</text>")));
        mvc.perform(as(world.creator, "/studio/fans/" + fan.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"journey-steps\""), containsString("已关注 → 已转化"),
                        containsString("OrderPaid:"))));
        mvc.perform(as(world.creator, "/studio/fans/" + fan.id() + "?lang=en"))
                .andExpect(content().string(allOf(containsString("Followed → Converted"), not(containsString("??")))));

        mvc.perform(as(api.operator(), "/studio/fans/" + fan.id() + "?creatorId=" + world.creator.id()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"journey-steps\"")));

        User stranger = world.buyer();
        mvc.perform(as(stranger, "/studio/trust")).andExpect(status().isNotFound());
        mvc.perform(as(stranger, "/studio/fans/" + fan.id())).andExpect(status().isNotFound());
        mvc.perform(as(stranger, "/studio/fans/" + fan.id() + "?creatorId=" + world.creator.id())).andExpect(status().isForbidden());
    }
}
