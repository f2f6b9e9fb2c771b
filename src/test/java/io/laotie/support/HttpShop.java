package io.laotie.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client of a running Laotie server, for the crash test and the load generator: sets up a shop with a
 * hot SKU and funded buyers, then places and pays orders the way a phone app would.
 */
public final class HttpShop {

    public record Answer(int status, JsonNode body) {
        public String id() {
            return body.path("id").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;

    public HttpShop(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Answer call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), node);
    }

    public Answer get(String path, String token) throws IOException, InterruptedException {
        return call("GET", path, token, null);
    }

    public Answer post(String path, String token, Object body) throws IOException, InterruptedException {
        return call("POST", path, token, body);
    }

    /** Signs up a fresh account and answers its token. */
    public String account(String handle) throws IOException, InterruptedException {
        expect(post("/api/accounts", null, Map.of("handle", handle, "password", "load-test-pass")), 201);
        return login(handle, "load-test-pass");
    }

    public String login(String handle, String password) throws IOException, InterruptedException {
        return expect(post("/api/auth/tokens", null, Map.of("handle", handle, "password", password)), 201).body().path("token").asString();
    }

    /** A merchant with a shop selling one SKU with {@code stock} units at {@code price} fen; answers the merchant's token, the SKU id and the product id. */
    public String[] hotSku(String handle, long price, long stock) throws IOException, InterruptedException {
        String merchant = account(handle);
        String shop = expect(post("/api/shops", merchant, Map.of("name", "Flash " + handle, "description", "")), 201).id();
        Answer product = expect(post("/api/shops/" + shop + "/products", merchant, Map.of("title", "秒杀柿饼 " + handle,
                "description", "hot", "categoryId", "1002", "costPrice", 1, "referencePrice", price * 2,
                "skus", List.of(Map.of("name", "500g", "price", price, "stock", stock)))), 201);
        return new String[]{merchant, product.body().path("skus").get(0).path("id").asString(), product.id()};
    }

    /** A buyer with an address and {@code fen} in the wallet (demo top-ups must be on). */
    public String buyer(String handle, long fen) throws IOException, InterruptedException {
        String token = account(handle);
        expect(post("/api/me/addresses", token, Map.of("recipient", "买家", "phone", "13800138000", "region", "陕西省渭南市", "detail", "1号")), 201);
        expect(post("/api/wallet/top-ups", token, Map.of("amount", fen)), 201);
        return token;
    }

    public Answer place(String token, String skuId, int quantity) throws IOException, InterruptedException {
        return post("/api/orders", token, Map.of("lines", List.of(Map.of("skuId", skuId, "quantity", quantity))));
    }

    public Answer pay(String token, String orderId) throws IOException, InterruptedException {
        return post("/api/orders/" + orderId + "/payment", token, null);
    }

    /** A flash sale in a live room: its creator's token, the SKU, the session, the shelf item, the sale and when it opens. */
    public record FlashSale(String creator, String skuId, String sessionId, String shelfItemId, String saleId, Instant startsAt) {

        /** Waits out the countdown (at least 10 s: the shortest a sale allows). */
        public void awaitStart() throws InterruptedException {
            Duration left = Duration.between(Instant.now(), startsAt);
            if (!left.isNegative()) {
                Thread.sleep(left.toMillis() + 50);
            }
        }
    }

    /**
     * A creator with their own shop and a hot SKU of {@code stock} units at {@code price}, live in a session with the
     * product on the shelf, and a flash sale of {@code quantity} units at {@code salePrice} that opens after a 10 s
     * countdown and runs {@code minutes}.
     */
    public FlashSale flashSale(String handle, long price, long stock, long salePrice, int quantity, int perBuyerLimit, int minutes)
            throws IOException, InterruptedException {
        String[] hot = hotSku(handle, price, stock);
        String creator = hot[0];
        expect(post("/api/creators", creator, Map.of("displayName", "主播 " + handle, "bio", "秒杀专场")), 201);
        String session = expect(post("/api/live-sessions", creator, Map.of("title", "秒杀专场 " + handle)), 201).id();
        String item = expect(post("/api/live-sessions/" + session + "/shelf-items", creator, Map.of("productId", hot[2])), 201).id();
        expect(post("/api/live-sessions/" + session + "/start", creator, null), 200);
        Answer sale = expect(post("/api/live-sessions/" + session + "/flash-sales", creator, Map.of("shelfItemId", item, "skuId", hot[1],
                "price", salePrice, "quantity", quantity, "perBuyerLimit", perBuyerLimit, "countdownSeconds", 10,
                "durationSeconds", minutes * 60)), 201);
        return new FlashSale(creator, hot[1], session, item, sale.id(), Instant.parse(sale.body().path("startsAt").asString()));
    }

    /** Buys in the sale's room: the running sale's price applies. */
    public Answer placeInRoom(String token, FlashSale sale, int quantity) throws IOException, InterruptedException {
        return post("/api/orders", token, Map.of("liveSessionId", sale.sessionId(),
                "lines", List.of(Map.of("skuId", sale.skuId(), "quantity", quantity, "shelfItemId", sale.shelfItemId()))));
    }

    public static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
