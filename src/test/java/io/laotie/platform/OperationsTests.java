package io.laotie.platform;

import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@LaotieTest
class OperationsTests {

    @Autowired MockMvc mvc;
    @Autowired Api api;

    @Test
    void publishesOpenApiHealthAndPrometheusMetrics() throws Exception {
        var docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(docs.getStatus()).isEqualTo(200);
        assertThat(docs.getContentAsString()).contains("/api/shops/{shopId}/products").contains("/api/auth/tokens");
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
        var health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).contains("UP");
        var prometheus = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse();
        assertThat(prometheus.getStatus()).isEqualTo(200);
        assertThat(prometheus.getContentAsString()).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownApiPathsAnswerAProblem() {
        var answer = api.get("/api/no-such-thing", null);
        assertThat(answer.status()).isIn(401, 404);
        assertThat(answer.text("type")).startsWith("urn:laotie:problem:");
        var wrongMethod = api.delete("/api/categories", api.user("method"));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("type")).isEqualTo("urn:laotie:problem:method-not-allowed");
    }
}
