package io.laotie.identity;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LaotieTest
class AccountsApiTests {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void signsUpLogsInAndAnswersTheProfileWithCityTier() {
        String handle = Api.unique("li_lei");
        var created = api.post("/api/accounts", null, Map.of("handle", handle, "password", "long-enough-1",
                "displayName", "李雷", "city", "洛阳"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("id").isString()).as("ids are JSON strings").isTrue();
        assertThat(created.text("handle")).isEqualTo(handle);

        var token = api.post("/api/auth/tokens", null, Map.of("handle", handle, "password", "long-enough-1"));
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.text("accountId")).isEqualTo(created.id());
        assertThat(token.body().path("roles").toString()).contains("VIEWER");

        var me = api.get("/api/me", new User(created.id(), handle, token.text("token")));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("displayName")).isEqualTo("李雷");
        assertThat(me.text("city")).isEqualTo("洛阳");
        assertThat(me.text("cityTier")).isEqualTo("TIER_3");
        assertThat(me.body().has("passwordHash")).isFalse();
    }

    @Test
    void storesOnlyASlowSaltedHashOfThePassword() {
        User user = api.user("hashed");
        String hash = jdbc.sql("select password_hash from accounts where id = ?").param(Long.parseLong(user.id()))
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("secret-pass-1");
    }

    @Test
    void refusesATakenHandleInAnyLetterCase() {
        User first = api.user("Taken");
        var again = api.post("/api/accounts", null, Map.of("handle", first.handle().toUpperCase(), "password", "long-enough-1"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("type")).isEqualTo("urn:laotie:problem:validation");
        assertThat(again.body().path("errors").get(0).path("field").asString()).isEqualTo("handle");
    }

    @Test
    void refusesBadSignUpsWithAProblemAndCreatesNothing() {
        long before = accounts();
        Map<String, Object> valid = Map.of("handle", Api.unique("ok"), "password", "long-enough-1");
        for (var bad : new Object[][]{
                {"handle", "ab"}, {"handle", "with space"}, {"handle", "x".repeat(33)}, {"handle", "中文名字"},
                {"password", "short"}, {"password", null}, {"handle", null}, {"displayName", "n".repeat(65)},
                {"city", "c".repeat(33)}, {"password", "p".repeat(129)}}) {
            var body = new HashMap<String, Object>(valid);
            body.put((String) bad[0], bad[1]);
            var answer = api.post("/api/accounts", null, body);
            assertThat(answer.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
            assertThat(answer.text("type")).isEqualTo("urn:laotie:problem:validation");
            assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo(bad[0]);
        }
        assertThat(api.postRaw("/api/accounts", null, "{\"handle\": \"abc\", ").status()).isEqualTo(400);
        assertThat(api.postRaw("/api/accounts", null, "{\"handle\": [1], \"password\": \"long-enough-1\"}").status()).isEqualTo(400);
        assertThat(api.postRaw("/api/accounts", null, "").status()).isEqualTo(400);
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void answersWrongPasswordAndUnknownHandleAlikeWith401() {
        User user = api.user("careful");
        var wrong = api.post("/api/auth/tokens", null, Map.of("handle", user.handle(), "password", "not-the-password"));
        var unknown = api.post("/api/auth/tokens", null, Map.of("handle", "nobody_" + user.handle(), "password", "not-the-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
        assertThat(wrong.text("type")).isEqualTo("urn:laotie:problem:unauthenticated");
    }

    @Test
    void tooManyWrongPasswordsForOneHandleAreRateLimited() {
        User user = api.user("guessed");
        for (int i = 0; i < 20; i++) {
            assertThat(api.post("/api/auth/tokens", null, Map.of("handle", user.handle(), "password", "guess-" + i)).status()).isEqualTo(401);
        }
        var limited = api.post("/api/auth/tokens", null, Map.of("handle", user.handle(), "password", "secret-pass-1"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("type")).isEqualTo("urn:laotie:problem:rate-limited");
        assertThat(limited.raw().getResponse().getHeader("Retry-After")).isNotBlank();
        // another account from the same address is unaffected
        User other = api.user("unaffected");
        assertThat(api.login(other.handle(), "secret-pass-1")).startsWith("lt_");
    }

    @Test
    void revokedTokensStopWorkingAndOtherTokensDoNot() {
        User user = api.user("revoker");
        String second = api.login(user.handle(), "secret-pass-1");
        assertThat(api.delete("/api/auth/tokens/current", user).status()).isEqualTo(204);
        assertThat(api.get("/api/me", user).status()).isEqualTo(401);
        assertThat(api.get("/api/me", new User(user.id(), user.handle(), second)).status()).isEqualTo(200);
        assertThat(api.get("/api/me", new User(user.id(), user.handle(), "lt_forged")).status()).isEqualTo(401);
        assertThat(api.delete("/api/auth/tokens/current", null).status()).isEqualTo(401);
    }

    @Test
    void aRoleGainedAppliesToTheExistingTokenAtOnce() {
        User user = api.user("grows");
        assertThat(api.get("/api/me", user).body().path("roles").toString()).doesNotContain("MERCHANT");
        assertThat(api.post("/api/shops", user, Map.of("name", "My shop", "description", "")).status()).isEqualTo(201);
        assertThat(api.get("/api/me", user).body().path("roles").toString()).contains("MERCHANT");
    }

    @Test
    void anOperatorSuspendsAnAccountWhoseTokensAndLoginsStopAtOnce() {
        User operator = api.operator();
        User user = api.user("suspect");
        User bystander = api.user("bystander");

        assertThat(api.post("/api/operator/accounts/" + user.id() + "/suspension", bystander, Map.of("reason", "spite")).status()).isEqualTo(403);
        assertThat(api.post("/api/operator/accounts/" + user.id() + "/suspension", null, Map.of("reason", "spite")).status()).isEqualTo(401);
        assertThat(api.post("/api/operator/accounts/" + user.id() + "/suspension", operator, Map.of("reason", "")).status()).isEqualTo(400);
        assertThat(api.get("/api/me", user).status()).isEqualTo(200);

        var suspended = api.post("/api/operator/accounts/" + user.id() + "/suspension", operator, Map.of("reason", "brushing orders"));
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(api.get("/api/me", user).status()).isEqualTo(401);
        var login = api.post("/api/auth/tokens", null, Map.of("handle", user.handle(), "password", "secret-pass-1"));
        assertThat(login.status()).isEqualTo(403);

        assertThat(api.delete("/api/operator/accounts/" + user.id() + "/suspension", operator).status()).isEqualTo(200);
        assertThat(api.get("/api/me", user).status()).isEqualTo(200);
        assertThat(api.post("/api/operator/accounts/99999/suspension", operator, Map.of("reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void recordsWhereEachLoginCameFromIncludingTheDeviceId() throws Exception {
        User user = api.user("traveller");
        User operator = api.operator();
        mvc.perform(post("/api/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Device-Id", "phone-7f3a").header("User-Agent", "LaotieApp/1.0")
                        .with(request -> { request.setRemoteAddr("10.1.2.3"); return request; })
                        .content("{\"handle\":\"" + user.handle() + "\",\"password\":\"secret-pass-1\"}"))
                .andExpect(status().isCreated());

        var logins = api.get("/api/operator/accounts/" + user.id() + "/logins", operator);
        assertThat(logins.status()).isEqualTo(200);
        assertThat(logins.body().size()).isEqualTo(2);
        var latest = logins.body().get(0);
        assertThat(latest.path("channel").asString()).isEqualTo("API");
        assertThat(latest.path("deviceId").asString()).isEqualTo("phone-7f3a");
        assertThat(latest.path("ip").asString()).isEqualTo("10.1.2.3");
        assertThat(latest.path("userAgent").asString()).isEqualTo("LaotieApp/1.0");
        assertThat(api.get("/api/operator/accounts/" + user.id() + "/logins", user).status()).isEqualTo(403);
    }

    @Test
    void theOperatorFromConfigurationExistsWithTheOperatorRole() {
        User operator = api.operator();
        var me = api.get("/api/me", operator);
        assertThat(me.body().path("roles").toString()).contains("OPERATOR");
    }

    @Test
    void theProfileCanBeEditedByItsOwnerOnly() {
        User user = api.user("editor");
        var changed = api.patch("/api/me", user, Map.of("displayName", "新名字", "city", "成都"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("cityTier")).isEqualTo("NEW_TIER_1");
        assertThat(api.patch("/api/me", null, Map.of("displayName", "x")).status()).isEqualTo(401);
        assertThat(api.patch("/api/me", user, Map.of("displayName", "")).status()).isEqualTo(400);
    }

    private long accounts() {
        return jdbc.sql("select count(*) from accounts").query(Long.class).single();
    }
}
