package io.laotie.web;

import io.laotie.support.Api;
import io.laotie.support.Browsers;
import io.laotie.support.HeadlessChromium;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live room in two real browsers at once: two signed-in viewers chat with each other over the room channel, one
 * follows the creator and likes, then buys a shelf item at its live price without leaving the room, and the other
 * sees the purchase notice. Also what a buyer without an address or money is told. Headless Chromium, as
 * {@link OrderBrowserTests}: skipped without Debian's {@code chromium} and {@code chromium-driver}, except on CI.
 */
@LaotieTest
class LiveRoomBrowserTests {

    private static final String PASSWORD = "secret-pass-1"; // the password Api gives its users

    private static ChromeDriver a;
    private static ChromeDriver b;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers(List.of("live-a-", "live-b-"), drivers -> {
        a = drivers.get(0);
        b = drivers.get(1);
    });

    @LocalServerPort
    int port;
    @Autowired
    Api api;

    @BeforeEach
    void forgetEverything() {
        for (ChromeDriver browser : new ChromeDriver[]{a, b}) {
            if (browser != null) {
                browser.get(url("/css/laotie.css")); // leaves the room, closing its connection
                browser.manage().deleteAllCookies();
            }
        }
    }

    @Test
    void twoViewersChatAndOneBuysAtTheLivePriceWhileTheOtherSeesThePurchase() {
        LiveStage stage = new LiveStage(api);
        LiveStage.Room room = stage.live("双人直播间 " + Api.unique("room"));
        Api.User buyer = stage.buyer("成都", true, 100_00);
        Api.User watcher = stage.buyer("北京", false, 0);

        logIn(a, buyer);
        logIn(b, watcher);
        a.get(url("/live/" + room.sessionId()));
        b.get(url("/live/" + room.sessionId()));
        // both connections are open once each room counts two viewers
        waitFor(a).until(ExpectedConditions.textToBe(By.id("viewer-count"), "2"));
        waitFor(b).until(ExpectedConditions.textToBe(By.id("viewer-count"), "2"));

        say(a, "柿饼甜不甜？");
        waitFor(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-list"), "柿饼甜不甜？"));
        say(b, "我上次买过，很甜");
        waitFor(a).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-list"), "我上次买过，很甜"));
        assertThat(text(b, By.id("chat-list"))).contains("Tester " + buyer.handle());

        // Follow and likes go out from A (the API with the page's CSRF token, the channel) and reach B.
        click(a, By.id("follow-button"));
        waitFor(a).until(ExpectedConditions.textToBe(By.id("follow-button"), "已关注"));
        waitFor(b).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".follow-notice"), "关注了主播"));
        for (int i = 0; i < 3; i++) {
            click(a, By.id("like-button"));
        }
        waitFor(b).until(d -> Long.parseLong(d.findElement(By.id("like-count")).getText()) >= 3);

        // A buys the first SKU at its live price without leaving the room.
        String roomUrl = a.getCurrentUrl();
        click(a, By.id("buy-" + room.skuId()));
        WebElement result = waitFor(a).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#buy-result.ok")));
        assertThat(result.getText()).contains("已付款 ¥29.90");
        assertThat(a.getCurrentUrl()).isEqualTo(roomUrl);
        String orderId = result.getAttribute("data-order-id");

        JsonNode order = LiveStage.expect(api.get("/api/orders/" + orderId, buyer), 200).body();
        assertThat(order.path("status").asString()).isEqualTo("PAID");
        assertThat(order.path("liveSessionId").asString()).isEqualTo(room.sessionId());
        assertThat(order.path("creatorId").asString()).isEqualTo(room.creator().id());
        assertThat(order.path("lines").path(0).path("skuId").asString()).isEqualTo(room.skuId());
        assertThat(order.path("lines").path(0).path("unitPrice").asLong()).isEqualTo(LiveStage.LIVE_PRICE);
        assertThat(order.path("lines").path(0).path("listPrice").asLong()).isEqualTo(LiveStage.PRICE);

        // The purchase notice comes after an asynchronous listener: wait for it, in both rooms.
        waitFor(b).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".purchase-notice"),
                "来自成都的老铁买了 " + room.productTitle()));
        waitFor(a).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".purchase-notice")));
    }

    @Test
    void aBuyerWithoutAnAddressOrMoneyIsToldWhatToDoInTheirLanguage() {
        LiveStage stage = new LiveStage(api);
        LiveStage.Room room = stage.live("Orchard live " + Api.unique("room"));
        Api.User buyer = stage.buyer("Chengdu", false, 0);

        logIn(a, buyer);
        a.get(url("/live/" + room.sessionId() + "?lang=en"));
        waitFor(a).until(ExpectedConditions.textToBe(By.id("viewer-count"), "1"));
        click(a, By.id("buy-" + room.skuId()));
        WebElement noAddress = waitFor(a).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#buy-result.bad")));
        assertThat(noAddress.getText()).contains("Add a delivery address first");
        assertThat(a.findElement(By.id("buy-add-address")).getAttribute("href")).endsWith("/me/addresses");

        stage.address(buyer);
        click(a, By.id("buy-" + room.skuId()));
        waitFor(a).until(ExpectedConditions.textToBePresentInElementLocated(By.id("buy-result"), "Your wallet holds less than ¥29.90"));
        assertThat(a.findElement(By.id("buy-top-up")).getAttribute("href")).endsWith("/wallet");
        String pending = a.findElement(By.id("buy-pay-later")).getAttribute("href");
        JsonNode order = LiveStage.expect(api.get(pending.substring(pending.indexOf("/orders/")).replace("/orders/", "/api/orders/"), buyer), 200).body();
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("liveSessionId").asString()).isEqualTo(room.sessionId());
    }

    @Test
    void aVisitorWatchesAndReadsTheChatButIsAskedToLogInToTalk() {
        LiveStage stage = new LiveStage(api);
        LiveStage.Room room = stage.live("游客直播间 " + Api.unique("room"));
        Api.User talker = stage.buyer("成都", false, 0);

        b.get(url("/live/" + room.sessionId()));
        waitFor(b).until(ExpectedConditions.textToBe(By.id("viewer-count"), "1"));
        assertThat(b.findElement(By.id("chat-input")).isEnabled()).isFalse();
        assertThat(b.findElement(By.id("chat-send")).getText()).isEqualTo("登录后参与聊天");

        logIn(a, talker);
        a.get(url("/live/" + room.sessionId()));
        waitFor(b).until(ExpectedConditions.textToBe(By.id("viewer-count"), "2"));
        say(a, "游客能看到吗");
        waitFor(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-list"), "游客能看到吗"));
        // A viewer who talks too fast is told so in the room, in their language (5 comments per 10 s by default).
        for (int i = 1; i <= 5; i++) {
            say(a, "第 " + i + " 句");
        }
        waitFor(a).until(ExpectedConditions.textToBePresentInElementLocated(By.id("room-notice"), "发得太快了"));

        // The creator ends the session: the room says so and stops selling.
        LiveStage.expect(api.post("/api/live-sessions/" + room.sessionId() + "/end", room.creator(), null), 200);
        waitFor(a).until(ExpectedConditions.textToBe(By.id("room-status"), "已结束"));
        waitFor(a).until(ExpectedConditions.textToBePresentInElementLocated(By.id("player-message"), "直播已结束"));
        assertThat(a.findElement(By.id("buy-" + room.skuId())).isEnabled()).isFalse();
        assertThat(a.findElement(By.id("like-button")).isEnabled()).isFalse();
    }

    private void say(ChromeDriver browser, String comment) {
        WebElement input = waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("chat-input")));
        input.sendKeys(comment);
        click(browser, By.id("chat-send"));
    }

    private void logIn(ChromeDriver browser, Api.User user) {
        HeadlessChromium.logIn(browser, url(""), user.handle(), PASSWORD, "Tester " + user.handle());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
