package io.laotie.web;

import io.laotie.live.FlashSale;
import io.laotie.live.FlashSales;
import io.laotie.platform.PlatformClock;
import io.laotie.support.Api;
import io.laotie.support.Browsers;
import io.laotie.support.HeadlessChromium;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.type;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flash sale (秒杀) in two real browsers: the creator starts it from the studio, the viewer's room counts down to it
 * on the server's clock, shows it on sale with the units left, buys one at the sale price without leaving the room,
 * sees the count drop and is told the per-buyer limit when trying again; the creator ends it early and the room says
 * so. Headless Chromium as {@link LiveRoomBrowserTests}.
 */
@LaotieTest
class FlashSaleBrowserTests {

    private static final String PASSWORD = "secret-pass-1"; // the password Api gives its users
    private static final long FLASH_PRICE = 990;

    private static ChromeDriver creatorBrowser;
    private static ChromeDriver viewerBrowser;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers(List.of("flash-creator-", "flash-viewer-"), drivers -> {
        creatorBrowser = drivers.get(0);
        viewerBrowser = drivers.get(1);
    });

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    PlatformClock clock;
    @Autowired
    FlashSales flashSales;

    @Test
    void aCreatorStartsAFlashSaleAndAViewerCountsDownBuysAtTheSalePriceAndSeesWhatIsLeft() {
        LiveStage stage = new LiveStage(api);
        LiveStage.Room room = stage.live("秒杀直播间 " + Api.unique("room"));
        Api.User buyer = stage.buyer("成都", true, 100_00);
        // The platform's time runs ahead of the browsers' clocks, as a server's may: the room must count on the server's.
        clock.advance(Duration.ofMinutes(3));

        ChromeDriver creator = creatorBrowser;
        ChromeDriver viewer = viewerBrowser;
        logIn(creator, room.creator());
        logIn(viewer, buyer);
        viewer.get(url("/live/" + room.sessionId()));
        waitFor(viewer).until(ExpectedConditions.textToBe(By.id("viewer-count"), "1"));

        creator.get(url("/studio/sessions/" + room.sessionId()));
        new Select(waitFor(creator).until(ExpectedConditions.elementToBeClickable(By.id("flash-sku"))))
                .selectByValue(room.itemId() + ":" + room.skuId());
        type(creator, By.id("flash-price"), "9.90");
        type(creator, By.id("flash-quantity"), "5");
        type(creator, By.id("flash-perBuyerLimit"), "1");
        type(creator, By.id("flash-countdownSeconds"), "60");
        type(creator, By.id("flash-durationMinutes"), "10");
        click(creator, By.id("flash-sale-submit"));
        waitFor(creator).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "秒杀开始倒计时"));
        FlashSale sale = flashSales.of(Long.parseLong(room.sessionId())).getFirst();
        String card = "#flash-sale-" + sale.id();

        // The viewer's room shows the sale on its item, counting down a minute (not a minute plus the clocks' three).
        waitFor(viewer).until(ExpectedConditions.textToBe(By.cssSelector(card + " .flash-sale-phase"), "即将开抢"));
        assertThat(text(viewer, By.cssSelector(card + " .flash-sale-price"))).isEqualTo("¥9.90");
        assertThat(text(viewer, By.cssSelector("#shelf-item-" + room.itemId() + " " + card + " del"))).isEqualTo("¥29.90"); // against the room's live price, not the catalog's
        waitFor(viewer).until(ExpectedConditions.textMatches(By.cssSelector(card + " .flash-sale-clock"),
                Pattern.compile("^(1:00|0:\\d\\d) 后开抢$")));

        clock.advance(Duration.ofSeconds(60));
        flashSales.tick();
        waitFor(viewer).until(ExpectedConditions.textToBe(By.cssSelector(card + " .flash-sale-phase"), "抢购中"));
        waitFor(viewer).until(ExpectedConditions.textToBe(By.cssSelector(card + " .flash-sale-remaining"), "剩 5 件"));
        assertThat(text(viewer, By.cssSelector(card + " .flash-sale-clock"))).startsWith("还剩");

        click(viewer, By.id("buy-" + room.skuId()));
        WebElement result = waitFor(viewer).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#buy-result.ok")));
        assertThat(result.getText()).contains("已付款 ¥9.90");
        JsonNode order = LiveStage.expect(api.get("/api/orders/" + result.getAttribute("data-order-id"), buyer), 200).body();
        assertThat(order.path("status").asString()).isEqualTo("PAID");
        assertThat(order.path("liveSessionId").asString()).isEqualTo(room.sessionId());
        assertThat(order.path("lines").path(0).path("unitPrice").asLong()).isEqualTo(FLASH_PRICE);
        waitFor(viewer).until(ExpectedConditions.textToBe(By.cssSelector(card + " .flash-sale-remaining"), "剩 4 件"));

        // One per buyer: a second try is refused with the reason.
        click(viewer, By.id("buy-" + room.skuId()));
        waitFor(viewer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#buy-result.bad"), "每人限购"));

        // The studio's list follows the sale on its own; the creator ends it early and the room says so.
        waitFor(creator).until(ExpectedConditions.textToBe(By.cssSelector("#flash-sale-list #flash-sale-" + sale.id() + " .flash-remaining"), "4"));
        click(creator, By.id("end-flash-sale-" + sale.id()));
        waitFor(creator).until(ExpectedConditions.alertIsPresent()).accept();
        waitFor(viewer).until(ExpectedConditions.textToBe(By.cssSelector(card + " .flash-sale-phase"), "秒杀已结束"));
        assertThat(text(viewer, By.cssSelector(card + " .flash-sale-remaining"))).isEqualTo("抢走 1 件");
        assertThat(flashSales.get(sale.id()).sold()).isEqualTo(1);
    }

    private void logIn(ChromeDriver browser, Api.User user) {
        HeadlessChromium.logIn(browser, url(""), user.handle(), PASSWORD, "Tester " + user.handle());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
