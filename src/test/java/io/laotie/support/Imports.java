package io.laotie.support;

import io.laotie.support.Api.User;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Order-history imports the way an operator's client sends them: the CSV file as a {@code text/csv} body. Also makes
 * what an import needs: a shop and a creator to credit.
 */
@Component
public class Imports {

    private final MockMvc mvc;
    private final Api api;

    public Imports(MockMvc mvc, Api api) {
        this.mvc = mvc;
        this.api = api;
    }

    /** A shop of a fresh merchant and a fresh creator (another account): {@code [shopId, creator]}. */
    public record Target(String shopId, User creator, User merchant) {
        public String query() {
            return "?shopId=" + shopId + "&creatorId=" + creator.id();
        }
    }

    public Target target() {
        Api.Merchant merchant = api.merchant("importer");
        User creator = api.user("history");
        var became = api.post("/api/creators", creator, Map.of("displayName", "主播 " + creator.handle(), "bio", "老铁回头客"));
        if (became.status() != 201) {
            throw new IllegalStateException("becoming a creator failed: " + became.body());
        }
        return new Target(merchant.shopId(), creator, merchant.user());
    }

    /** POSTs the file to {@code /api/operator/order-history-imports?shopId=&creatorId=}. */
    public Api.Response post(Target target, @Nullable User as, String csv) {
        return post("/api/operator/order-history-imports" + target.query(), as, csv);
    }

    public Api.Response post(String path, @Nullable User as, String csv) {
        try {
            var request = MockMvcRequestBuilders.post(path).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .content(csv.getBytes(StandardCharsets.UTF_8)).accept(MediaType.APPLICATION_JSON);
            if (as != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + as.token());
            }
            MvcResult result = mvc.perform(request).andReturn();
            String content = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            JsonNode node = content.isBlank() ? api.json().createObjectNode() : api.json().readTree(content);
            return new Api.Response(result.getResponse().getStatus(), node, result);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports the file and waits until the import is DONE (every chunk absorbed); answers the final status. */
    public JsonNode imported(Target target, User operator, String csv, Duration atMost) {
        Api.Response started = post(target, operator, csv);
        if (started.status() != 201) {
            throw new IllegalStateException("import failed: " + started.body());
        }
        String path = "/api/operator/order-history-imports/" + started.id();
        Eventually.until("import " + started.id() + " done", atMost, () -> api.get(path, operator).text("status").equals("DONE"));
        return api.get(path, operator).body();
    }
}
