package io.laotie.web;

import io.laotie.support.Api;
import io.laotie.support.Imports;
import io.laotie.support.LaotieTest;
import io.laotie.support.SimulatedBuyers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's import page and the creator's repurchase page, signed in through the real security chain. */
@LaotieTest
class RepurchasePagesTests {

    @Autowired MockMvc mvc;
    @Autowired Api api;
    @Autowired Imports imports;

    @Test
    void anOperatorUploadsAFileSeesItsBadLinesAndFollowsAGoodOne() throws Exception {
        Imports.Target target = imports.target();
        MockHttpSession operator = signIn("operator", "operator-test-password");
        String ref = Api.unique("page");

        mvc.perform(get("/operator/order-history-imports").session(operator))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"import-form\"")));
        mvc.perform(get("/operator/order-history-imports").param("lang", "en").session(operator))
                .andExpect(content().string(containsString("Import past orders")));

        mvc.perform(multipart("/operator/order-history-imports").file(file(ref + ",2025-03-01,6800\n" + ref + ",yesterday,1\n"))
                        .param("shopId", target.shopId()).param("creatorId", target.creator().id()).session(operator).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"bad-lines\"")))
                .andExpect(content().string(containsString("<td>2</td>")));

        MvcResult started = mvc.perform(multipart("/operator/order-history-imports").file(file(ref + ",2025-03-01,6800\n"))
                        .param("shopId", target.shopId()).param("creatorId", target.creator().id()).session(operator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = started.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/operator/order-history-imports/");
        mvc.perform(get(page).session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-progress\"")))
                .andExpect(content().string(containsString("/js/imports.js")));

        MockHttpSession merchant = signIn(target.merchant().handle(), "secret-pass-1");
        mvc.perform(get("/operator/order-history-imports").session(merchant)).andExpect(status().isForbidden());
    }

    @Test
    void aCreatorSeesFansLikelyToComeBackAndSlippingAwayEachLinkingToTheirJourney() throws Exception {
        Imports.Target target = imports.target();
        String csv = SimulatedBuyers.csv(new double[]{0.5, 20, 0.7, 2.5}, 300, LocalDate.of(2025, 1, 1), 60,
                LocalDate.of(2025, 6, 30), Api.unique("fans"), new SplittableRandom(3));
        imports.imported(target, api.operator(), csv, Duration.ofSeconds(60));
        MockHttpSession creator = signIn(target.creator().handle(), "secret-pass-1");

        mvc.perform(get("/studio/repurchase").param("calibrationStart", "2025-01-01").param("calibrationEnd", "2025-06-30")
                        .session(creator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("复购可期的粉丝")))
                .andExpect(content().string(containsString("正在流失的粉丝")))
                .andExpect(content().string(containsString("href=\"/studio/fans/")))
                .andExpect(content().string(containsString("id=\"model-buyers\"")));
        mvc.perform(get("/studio/repurchase").param("calibrationStart", "2025-01-01").param("calibrationEnd", "2025-06-30")
                        .param("unit", "DAY").param("lang", "en").session(creator))
                .andExpect(content().string(containsString("Fans likely to come back")))
                .andExpect(content().string(containsString("Fans slipping away")));
        mvc.perform(get("/studio/repurchase").param("calibrationStart", "2020-01-01").param("calibrationEnd", "2020-06-30")
                        .session(creator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"repurchase-refusal\"")));

        MockHttpSession stranger = signIn(imports.target().creator().handle(), "secret-pass-1");
        mvc.perform(get("/studio/repurchase").param("creatorId", target.creator().id()).session(stranger))
                .andExpect(status().isForbidden());
    }

    private static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "orders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
