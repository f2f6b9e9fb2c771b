package io.laotie.identity;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class AddressBookApiTests {

    @Autowired Api api;

    static Map<String, Object> address(String recipient) {
        return new HashMap<>(Map.of("recipient", recipient, "phone", "13800138000", "region", "四川省成都市武侯区", "detail", "人民南路 1号"));
    }

    @Test
    void theFirstAddressIsTheDefaultAndExactlyOneStaysDefault() {
        User buyer = api.user("addr");
        var first = api.post("/api/me/addresses", buyer, address("张三"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("isDefault").asBoolean()).isTrue();

        var second = api.post("/api/me/addresses", buyer, address("李四"));
        assertThat(second.body().path("isDefault").asBoolean()).isFalse();
        var third = address("王五");
        third.put("isDefault", true);
        var made = api.post("/api/me/addresses", buyer, third);
        assertThat(made.body().path("isDefault").asBoolean()).isTrue();

        var list = api.get("/api/me/addresses", buyer).body();
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(0).path("recipient").asString()).as("default first").isEqualTo("王五");
        assertThat(countDefaults(list)).isEqualTo(1);

        assertThat(api.post("/api/me/addresses/" + second.id() + "/default", buyer, null).status()).isEqualTo(200);
        assertThat(api.get("/api/me/addresses", buyer).body().get(0).path("recipient").asString()).isEqualTo("李四");

        assertThat(api.delete("/api/me/addresses/" + second.id(), buyer).status()).isEqualTo(204);
        var remaining = api.get("/api/me/addresses", buyer).body();
        assertThat(remaining.size()).isEqualTo(2);
        assertThat(countDefaults(remaining)).as("removing the default promotes another").isEqualTo(1);
    }

    @Test
    void nobodyReadsOrChangesAnotherBuyersAddresses() {
        User owner = api.user("owner");
        User other = api.user("other");
        String id = api.post("/api/me/addresses", owner, address("张三")).id();

        assertThat(api.get("/api/me/addresses", other).body().size()).isZero();
        assertThat(api.get("/api/me/addresses/" + id, other).status()).isEqualTo(404);
        assertThat(api.post("/api/me/addresses/" + id + "/default", other, null).status()).isEqualTo(404);
        assertThat(api.delete("/api/me/addresses/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/me/addresses", null).status()).isEqualTo(401);
        assertThat(api.post("/api/me/addresses", null, address("x")).status()).isEqualTo(401);
        assertThat(api.get("/api/me/addresses/" + id, owner).status()).isEqualTo(200);
    }

    @Test
    void refusesBadAddressesAndKeepsNothing() {
        User buyer = api.user("badaddr");
        for (var bad : new Object[][]{{"recipient", ""}, {"phone", "call me"}, {"region", null}, {"detail", "d".repeat(257)},
                {"recipient", "r".repeat(65)}, {"isDefault", "maybe"}}) {
            var body = address("张三");
            body.put((String) bad[0], bad[1]);
            var answer = api.post("/api/me/addresses", buyer, body);
            assertThat(answer.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
            assertThat(answer.text("type")).isEqualTo("urn:laotie:problem:validation");
        }
        assertThat(api.get("/api/me/addresses", buyer).body().size()).isZero();
        assertThat(api.get("/api/me/addresses/abc", buyer).status()).isEqualTo(400);
    }

    @Test
    void anAddressBookHoldsAtMostTwentyAddresses() {
        User buyer = api.user("hoarder");
        for (int i = 0; i < AddressBook.MAX_ADDRESSES; i++) {
            assertThat(api.post("/api/me/addresses", buyer, address("收件人" + i)).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/me/addresses", buyer, address("one too many")).status()).isEqualTo(422);
        assertThat(api.get("/api/me/addresses", buyer).body().size()).isEqualTo(AddressBook.MAX_ADDRESSES);
    }

    private static long countDefaults(tools.jackson.databind.JsonNode list) {
        long defaults = 0;
        for (var entry : list) {
            if (entry.path("isDefault").asBoolean()) {
                defaults++;
            }
        }
        return defaults;
    }
}
