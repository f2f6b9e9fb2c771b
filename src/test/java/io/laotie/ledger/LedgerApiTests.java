package io.laotie.ledger;

import io.laotie.platform.web.Idempotency;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Funds;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's API: wallet, top-ups, withdrawals, statements, operator credits and check, Idempotency-Key. */
@LaotieTest
class LedgerApiTests {

    @Autowired Api api;
    @Autowired Ledger ledger;
    @Autowired Funds funds;
    @Autowired JdbcClient jdbc;

    @Test
    void aTopUpLandsInTheCallersWalletAndTheWalletShowsIt() {
        User buyer = api.user("topper");

        var topUp = api.post("/api/wallet/top-ups", buyer, Map.of("amount", 5_000));
        assertThat(topUp.status()).isEqualTo(201);
        assertThat(topUp.body().path("transactionId").isString()).isTrue();
        assertThat(topUp.body().path("balance").asLong()).isEqualTo(5_000);
        assertThat(topUp.text("currency")).isEqualTo("CNY");

        var wallet = api.get("/api/wallet", buyer);
        assertThat(wallet.status()).isEqualTo(200);
        assertThat(wallet.body().path("balance").asLong()).isEqualTo(5_000);
        assertThat(wallet.text("currency")).isEqualTo("CNY");
        assertThat(wallet.body().path("entries").path("total").asLong()).isEqualTo(1);
        var entry = wallet.body().path("entries").path("items").get(0);
        assertThat(entry.path("kind").asString()).isEqualTo("TOP_UP");
        assertThat(entry.path("amount").asLong()).isEqualTo(5_000);
        assertThat(entry.path("balance").asLong()).isEqualTo(5_000);
        assertThat(entry.path("transactionId").asString()).isEqualTo(topUp.text("transactionId"));
        assertThat(wallet.body().has("merchant")).as("a buyer has no merchant balances").isFalse();
    }

    @Test
    void badAmountsAreRefusedAndChangeNothing() {
        User buyer = api.user("careless");
        List<String> bodies = List.of("{\"amount\": 0}", "{\"amount\": -5}", "{}", "{\"amount\": 1.5}", "{\"amount\": \"lots\"}",
                "{\"amount\": " + (ledger.maxTopUp() + 1) + "}");
        for (String body : bodies) {
            var answer = api.postRaw("/api/wallet/top-ups", buyer, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.text("type")).isEqualTo("urn:laotie:problem:validation");
            assertThat(answer.body().path("errors").get(0).path("field").asString()).as(body).isEqualTo("amount");
        }
        var overflow = api.postRaw("/api/wallet/top-ups", buyer, "{\"amount\": 99999999999999999999}");
        assertThat(overflow.status()).isEqualTo(400);
        assertThat(overflow.text("type")).isEqualTo("urn:laotie:problem:validation");
        assertThat(api.get("/api/wallet", buyer).body().path("balance").asLong()).isZero();
        assertThat(ledger.statement(AccountRef.wallet(Long.parseLong(buyer.id())), null, null, io.laotie.platform.PageRequest.of(0, 10)).total())
                .isZero();
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        User buyer = api.user("retrier");
        Map<String, String> key = Map.of(Idempotency.HEADER, "top-up-" + buyer.id());

        var first = api.post("/api/wallet/top-ups", buyer, Map.of("amount", 1_000), key);
        var again = api.post("/api/wallet/top-ups", buyer, Map.of("amount", 1_000), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.raw().getResponse().getHeader(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.raw().getResponse().getHeader(Idempotency.REPLAYED_HEADER)).isNull();
        assertThat(balance(buyer)).isEqualTo(1_000);

        var other = api.post("/api/wallet/top-ups", buyer, Map.of("amount", 2_000), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("type")).isEqualTo("urn:laotie:problem:idempotency-conflict");
        assertThat(balance(buyer)).isEqualTo(1_000);

        User stranger = api.user("same_key");
        assertThat(api.post("/api/wallet/top-ups", stranger, Map.of("amount", 2_000), key).status())
                .as("keys belong to one account").isEqualTo(201);
        assertThat(balance(stranger)).isEqualTo(2_000);
        assertThat(balance(buyer)).isEqualTo(1_000);

        var tooLong = api.post("/api/wallet/top-ups", buyer, Map.of("amount", 1_000), Map.of(Idempotency.HEADER, "k".repeat(256)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("errors").get(0).path("field").asString()).isEqualTo(Idempotency.HEADER);
    }

    @Test
    void aRefusedRequestLeavesItsKeyUnused() {
        User merchant = api.merchant("eager").user();
        Map<String, String> key = Map.of(Idempotency.HEADER, "withdraw-" + merchant.id());

        var refused = api.post("/api/withdrawals", merchant, Map.of("amount", 500), key);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:laotie:problem:insufficient-balance");

        funds.available(Long.parseLong(merchant.id()), 1_000);
        var paid = api.post("/api/withdrawals", merchant, Map.of("amount", 500), key);
        assertThat(paid.status()).as("the same key works once the money is there: %s", paid.body()).isEqualTo(201);
        assertThat(api.post("/api/withdrawals", merchant, Map.of("amount", 500), key).body()).isEqualTo(paid.body());
        assertThat(ledger.balance(AccountRef.merchantAvailable(Long.parseLong(merchant.id())))).isEqualTo(450);
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyTopUpOnce() throws Exception {
        User buyer = api.user("hammer");
        Map<String, String> key = Map.of(Idempotency.HEADER, "once-" + buyer.id());
        int threads = 50;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return api.post("/api/wallet/top-ups", buyer, Map.of("amount", 777), key);
            }));
        }
        Set<String> transactions = ConcurrentHashMap.newKeySet();
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(120, TimeUnit.SECONDS);
            assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
            transactions.add(response.text("transactionId"));
        }
        pool.shutdown();

        assertThat(transactions).hasSize(1);
        // counted from the database
        long walletId = jdbc.sql("select id from ledger_accounts where kind = 'BUYER_WALLET' and owner_id = ?").param(Long.parseLong(buyer.id()))
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from ledger_entries where account_id = ?").param(walletId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select balance from ledger_accounts where id = ?").param(walletId).query(Long.class).single()).isEqualTo(777);
        assertThat(jdbc.sql("select count(*) from idempotency_keys where account_id = ?").param(Long.parseLong(buyer.id())).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void merchantsWithdrawWhatIsAvailableAndSeeTheirBalances() {
        User merchant = api.merchant("payee").user();
        long merchantId = Long.parseLong(merchant.id());
        User buyer = api.user("not_a_merchant");

        assertThat(api.post("/api/withdrawals", buyer, Map.of("amount", 100)).status()).isEqualTo(403);
        var broke = api.post("/api/withdrawals", merchant, Map.of("amount", 100));
        assertThat(broke.status()).isEqualTo(409);
        assertThat(broke.text("type")).isEqualTo("urn:laotie:problem:insufficient-balance");

        assertThat(funds.available(merchantId, 20_000)).isEqualTo(19_000);
        var withdrawal = api.post("/api/withdrawals", merchant, Map.of("amount", 15_000));
        assertThat(withdrawal.status()).isEqualTo(201);
        assertThat(withdrawal.id()).isNotBlank();
        assertThat(withdrawal.text("status")).isEqualTo("PAID");
        assertThat(withdrawal.body().path("available").asLong()).isEqualTo(4_000);
        assertThat(api.post("/api/withdrawals", merchant, Map.of("amount", 4_001)).status()).isEqualTo(409);
        assertThat(api.postRaw("/api/withdrawals", merchant, "{\"amount\": 0}").status()).isEqualTo(400);

        var wallet = api.get("/api/wallet", merchant).body();
        assertThat(wallet.path("merchant").path("available").asLong()).isEqualTo(4_000);
        assertThat(wallet.path("merchant").path("pending").asLong()).isZero();
        var statement = api.get("/api/statements?account=merchant-available", merchant).body();
        assertThat(statement.path("account").asString()).isEqualTo("MERCHANT_AVAILABLE:" + merchantId);
        assertThat(statement.path("balance").asLong()).isEqualTo(4_000);
        assertThat(statement.path("items").get(0).path("kind").asString()).isEqualTo("WITHDRAWAL");
        assertThat(statement.path("items").get(0).path("amount").asLong()).isEqualTo(-15_000);
        assertThat(statement.path("items").get(0).path("balance").asLong()).isEqualTo(4_000);
        assertThat(statement.path("items").get(1).path("kind").asString()).isEqualTo("RELEASE");
    }

    @Test
    void statementsAreTheCallersOwnUnlessTheCallerIsAnOperator() {
        User buyer = api.user("reader");
        User stranger = api.user("snoop");
        api.post("/api/wallet/top-ups", buyer, Map.of("amount", 300));
        String wallet = "BUYER_WALLET:" + buyer.id();

        var own = api.get("/api/statements", buyer);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("account")).isEqualTo(wallet);
        assertThat(own.body().path("total").asLong()).isEqualTo(1);
        assertThat(own.body().path("items").get(0).path("balance").asLong()).isEqualTo(300);
        assertThat(api.get("/api/statements?account=" + wallet, buyer).body().path("total").asLong()).isEqualTo(1);

        assertThat(api.get("/api/statements?account=" + wallet, stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/statements?account=ESCROW", stranger).status()).isEqualTo(404);
        User operator = api.operator();
        assertThat(api.get("/api/statements?account=" + wallet, operator).body().path("balance").asLong()).isEqualTo(300);
        var escrow = api.get("/api/statements?account=ESCROW&size=5", operator);
        assertThat(escrow.status()).isEqualTo(200);
        assertThat(escrow.body().path("size").asInt()).isEqualTo(5);

        for (String bad : List.of("account=FOO:1", "account=BUYER_WALLET:abc", "account=ESCROW:5", "from=yesterday",
                "from=2026-05-02&to=2026-05-01", "page=-1", "size=101")) {
            var refused = api.get("/api/statements?" + bad, buyer);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo("urn:laotie:problem:validation");
        }
        assertThat(api.get("/api/statements?from=2999-01-01", buyer).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/statements?from=2000-01-01&to=2999-12-31", buyer).body().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/statements?to=2000-01-01T00:00:00Z", buyer).body().path("total").asLong()).isZero();
    }

    @Test
    void operatorsCreditAnyAccountAndCheckTheLedger() {
        User operator = api.operator();
        User buyer = api.user("credited");

        var credit = api.post("/api/operator/ledger/credits", operator, Map.of("accountId", buyer.id(), "amount", 12_345));
        assertThat(credit.status()).isEqualTo(201);
        assertThat(credit.text("accountId")).isEqualTo(buyer.id());
        assertThat(credit.body().path("balance").asLong()).isEqualTo(12_345);
        assertThat(balance(buyer)).isEqualTo(12_345);
        assertThat(api.get("/api/wallet", buyer).body().path("entries").path("items").get(0).path("kind").asString()).isEqualTo("CREDIT");

        assertThat(api.post("/api/operator/ledger/credits", operator, Map.of("accountId", "42", "amount", 1)).status()).isEqualTo(404);
        var bad = new HashMap<String, Object>(Map.of("accountId", buyer.id(), "amount", -1));
        assertThat(api.post("/api/operator/ledger/credits", operator, bad).status()).isEqualTo(400);
        assertThat(api.post("/api/operator/ledger/credits", operator, Map.of("amount", 1)).status()).isEqualTo(400);
        assertThat(balance(buyer)).isEqualTo(12_345);

        var check = api.get("/api/operator/ledger/check", operator);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("balanced").asBoolean()).as("%s", check.body()).isTrue();
        assertThat(check.body().path("transactions").asLong()).isPositive();
        assertThat(check.body().path("accounts").asLong()).isPositive();
        assertThat(check.body().path("problems").isArray()).isTrue();
        assertThat(check.body().path("problems")).isEmpty();
    }

    private long balance(User user) {
        return ledger.balance(AccountRef.wallet(Long.parseLong(user.id())));
    }
}
