package io.laotie.support;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Calls the JSON API the way a client would (through MockMvc, with bearer tokens) and hands back status and body.
 * Also makes the people tests need: fresh accounts with tokens, merchants with a shop.
 */
@Component
public class Api {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    public record Response(int status, JsonNode body, MvcResult raw) {
        public String text(String field) {
            return body.path(field).asString();
        }

        public String id() {
            return body.path("id").asString();
        }
    }

    /** A signed-up account with an API token. */
    public record User(String id, String handle, String token) {
    }

    private final MockMvc mvc;
    private final JsonMapper json;

    public Api(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public Response get(String path, @Nullable User as) {
        return call(MockMvcRequestBuilders.get(path), as, null);
    }

    public Response post(String path, @Nullable User as, @Nullable Object body) {
        return call(MockMvcRequestBuilders.post(path), as, body);
    }

    /** A POST with extra headers, such as {@code Idempotency-Key}. */
    public Response post(String path, @Nullable User as, @Nullable Object body, Map<String, String> headers) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
        headers.forEach(request::header);
        return call(request, as, body);
    }

    public Response put(String path, @Nullable User as, @Nullable Object body) {
        return call(MockMvcRequestBuilders.put(path), as, body);
    }

    public Response patch(String path, @Nullable User as, @Nullable Object body) {
        return call(MockMvcRequestBuilders.patch(path), as, body);
    }

    public Response delete(String path, @Nullable User as) {
        return call(MockMvcRequestBuilders.delete(path), as, null);
    }

    /** Sends a raw body as it is, for malformed JSON and wrong types. */
    public Response postRaw(String path, @Nullable User as, String rawJson) {
        return call(MockMvcRequestBuilders.post(path), as, new Raw(rawJson));
    }

    /** POSTs with an {@code Idempotency-Key}. */
    public Response postWithKey(String path, @Nullable User as, Object body, String key) {
        return call(MockMvcRequestBuilders.post(path).header("Idempotency-Key", key), as, body);
    }

    /** Sends a raw body with any method. */
    public Response call(String method, String path, @Nullable User as, String rawJson) {
        return call(MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path), as, new Raw(rawJson));
    }

    private record Raw(String text) {
    }

    private Response call(MockHttpServletRequestBuilder request, @Nullable User as, @Nullable Object body) {
        try {
            if (as != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + as.token());
            }
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON)
                        .content(body instanceof Raw raw ? raw.text() : json.writeValueAsString(body));
            }
            MvcResult result = mvc.perform(request.accept(MediaType.APPLICATION_JSON)).andReturn();
            String content = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode node = content.isBlank() ? json.createObjectNode() : json.readTree(content);
            return new Response(result.getResponse().getStatus(), node, result);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unique(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet();
    }

    /** Signs up a new account (optionally in a city) and logs it in for a token. */
    public User user(String prefix, @Nullable String city) {
        String handle = unique(prefix);
        var body = new java.util.HashMap<String, Object>(Map.of("handle", handle, "password", "secret-pass-1", "displayName", "Tester " + handle));
        if (city != null) {
            body.put("city", city);
        }
        Response created = post("/api/accounts", null, body);
        if (created.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + created.body());
        }
        return new User(created.id(), handle, login(handle, "secret-pass-1"));
    }

    public User user(String prefix) {
        return user(prefix, null);
    }

    public String login(String handle, String password) {
        Response token = post("/api/auth/tokens", null, Map.of("handle", handle, "password", password));
        if (token.status() != 201) {
            throw new IllegalStateException("login failed: " + token.body());
        }
        return token.text("token");
    }

    /** The operator configured for tests. */
    public User operator() {
        Response me;
        String token = login("operator", "operator-test-password");
        me = get("/api/me", new User("", "operator", token));
        return new User(me.id(), "operator", token);
    }

    /** A new account that opened a shop; answers the user and the shop id. */
    public Merchant merchant(String prefix) {
        User user = user(prefix);
        Response shop = post("/api/shops", user, Map.of("name", "Shop of " + user.handle(), "description", "A test shop"));
        if (shop.status() != 201) {
            throw new IllegalStateException("opening a shop failed: " + shop.body());
        }
        return new Merchant(user, shop.id());
    }

    public record Merchant(User user, String shopId) {
    }

    /** A valid product request; tests change one thing at a time. */
    public static Map<String, Object> product(String title, long price, long stock) {
        var product = new java.util.HashMap<String, Object>();
        product.put("title", title);
        product.put("description", "Fresh from the orchard");
        product.put("categoryId", "1002");
        product.put("origin", Map.of("place", "陕西富平", "story", "Picked and dried by hand"));
        product.put("costPrice", 2000);
        product.put("referencePrice", 6800);
        product.put("shippingFee", 0);
        product.put("noReasonReturn", false);
        product.put("imageUrls", java.util.List.of("https://example.com/a.jpg"));
        product.put("skus", java.util.List.of(Map.of("name", "500g", "price", price, "stock", stock),
                Map.of("name", "1kg", "price", price * 2 - 100, "stock", stock)));
        return product;
    }

    public JsonMapper json() {
        return json;
    }
}
