package io.laotie.web;

import io.laotie.order.Attribution;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderPlaced;
import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Score pages in both languages: the badge the creator and product pages load, the merchant's experience page with its
 * dimensions, and the operators' flags (cleared from the page) and distributions, drawn as inline SVG.
 */
@LaotieTest
class TrustPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Api api;
    @Autowired Ids ids;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired io.laotie.platform.PlatformClock clock;

    @Test
    void creatorAndProductPagesLoadAPublicBadgeWithItsExplanation() throws Exception {
        Api.Merchant merchant = api.merchant("badge_host");
        api.post("/api/creators", merchant.user(), Map.of("displayName", "徽章主播", "bio", "洛川苹果"));
        String product = api.post("/api/shops/" + merchant.shopId() + "/products", merchant.user(), Api.product(Api.unique("苹果"), 3990, 10)).id();

        assertThat(page("/creators/" + merchant.user().id(), null, "zh-CN")).contains("/creators/" + merchant.user().id() + "/trust-badge");
        assertThat(page("/products/" + product, null, "zh-CN")).contains("/products/" + product + "/trust-badge");
        String zh = page("/creators/" + merchant.user().id() + "/trust-badge", null, "zh-CN");
        assertThat(zh).contains("带货口碑分", "新店/新人", "<svg", "评分", "复购");
        String en = page("/creators/" + merchant.user().id() + "/trust-badge?lang=en", null, "en");
        assertThat(en).contains("Reputation", "New", "Repurchases");
        assertThat(page("/products/" + product + "/trust-badge", null, "zh-CN")).contains("商品体验分", "质量退款少");
    }

    @Test
    void theMerchantSeesItsExperienceByDimensionAndStrangersDoNot() throws Exception {
        Api.Merchant merchant = api.merchant("exp_host");
        MockHttpSession owner = signIn(merchant.user().handle(), "secret-pass-1");
        String html = page("/console/shops/" + merchant.shopId() + "/experience", owner, "zh-CN");
        assertThat(html).contains("商家体验分", "商品", "物流", "服务", "48 小时内发货", "拉低分数的订单", "<svg");
        assertThat(page("/console/shops/" + merchant.shopId(), owner, "zh-CN")).contains("/console/shops/" + merchant.shopId() + "/experience");
        Api.User stranger = api.user("exp_stranger");
        mvc.perform(get("/console/shops/" + merchant.shopId() + "/experience").session(signIn(stranger.handle(), "secret-pass-1")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOperatorReadsAFlagsReasonsClearsItAndSeesDistributions() throws Exception {
        long shop = Long.parseLong(api.merchant("flag_host").shopId());
        List<Long> ring = List.of(ring(), ring(), ring(), ring(), ring());
        transactions.executeWithoutResult(s -> ring.forEach(buyer -> events.publishEvent(new OrderPaid(ids.next(),
                new Attribution(buyer, shop, ids.next(), null, null),
                List.of(new OrderPlaced.Line(ids.next(), ids.next(), ids.next(), "苹果", 1, 3990, null)), 3990, clock.instant()))));
        Api.User operator = api.operator();
        Eventually.until("the ring is flagged", () -> flag(operator, shop) != null);
        String flagId = flag(operator, shop).path("id").asString();

        MockHttpSession session = signIn("operator", "operator-test-password");
        String html = page("/operator/trust", session, "zh-CN");
        assertThat(html).contains("刷单标记", "集中下单", "误判，解除", "分数分布", "distribution-chart", "信任链待处理事件", "等待处理");
        assertThat(page("/operator/trust?lang=en", session, "en"))
                .contains("Brushing flags", "Order burst", "Score distributions", "Trust chain backlog", "Waiting: ");
        mvc.perform(post("/operator/trust/flags/" + flagId + "/clearance").session(session).with(csrf()))
                .andExpect(redirectedUrl("/operator/trust"));
        assertThat(flag(operator, shop).path("status").asString()).isEqualTo("CLEARED");
        mvc.perform(get("/operator/trust").session(signIn(api.user("not_op").handle(), "secret-pass-1")))
                .andExpect(status().isForbidden());
    }

    private long ring() {
        return Long.parseLong(api.user("page_ring").id());
    }

    private JsonNode flag(Api.User operator, long shopId) {
        for (JsonNode f : api.get("/api/operator/trust/flags?size=100", operator).body().path("items")) {
            if (f.path("targetId").asString().equals(String.valueOf(shopId))) {
                return f;
            }
        }
        return null;
    }

    private String page(String path, MockHttpSession session, String language) throws Exception {
        var request = get(path).header("Accept-Language", language);
        if (session != null) {
            request.session(session);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }
}
