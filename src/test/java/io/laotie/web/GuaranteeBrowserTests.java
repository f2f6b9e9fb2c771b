package io.laotie.web;

import io.laotie.order.OrderFixture;
import io.laotie.support.Api;
import io.laotie.support.Browsers;
import io.laotie.support.LaotieTest;
import io.laotie.trust.ExperienceNews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust guarantee badge (信任购) in a real browser: drawn by trust-badges.js from the trust module's public API on
 * the product page, the shop page and each shelf item of a live room, with the guarantees explained when opened; a
 * shop that lost the guarantees shows no badge. Skipped without Chromium, as {@link OrderBrowserTests}.
 */
@LaotieTest
class GuaranteeBrowserTests {

    private static ChromeDriver browser;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("guarantee-", driver -> browser = driver);

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    ExperienceNews news;

    @Test
    void aGuaranteedShopsProductAndShopPagesShowTheBadgeAndARevokedShopsDoNot() {
        OrderFixture trusted = new OrderFixture(api, 3_990, 10, true);
        news.guarantee(trusted.merchant.shopId(), "4.8");
        OrderFixture fallen = new OrderFixture(api, 3_990, 10, true);
        news.guarantee(fallen.merchant.shopId(), "4.6");
        news.revoke(fallen.merchant.shopId(), "4.2");

        browser.get(url("/products/" + trusted.productId));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("product-trust"), "data-trust-done", "guaranteed"));
        assertThat(text(browser, By.cssSelector("#product-trust .trust-badge summary"))).contains("信任购");
        click(browser, By.cssSelector("#product-trust .trust-badge summary"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#product-trust .trust-explanation")));
        assertThat(text(browser, By.cssSelector("#product-trust .trust-explanation"))).contains("极速退款", "退货包运费", "假一赔三", "4.5");

        browser.get(url("/products/" + fallen.productId));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("product-trust"), "data-trust-done", "none"));
        assertThat(browser.findElements(By.cssSelector("#product-trust .trust-badge"))).isEmpty();

        browser.get(url("/shops/" + trusted.merchant.shopId() + "?lang=en"));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("shop-trust"), "data-trust-done", "guaranteed"));
        assertThat(text(browser, By.cssSelector("#shop-trust .trust-badge summary"))).contains("Trust guarantee");
        browser.get(url("/shops/" + fallen.merchant.shopId() + "?lang=zh-CN"));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("shop-trust"), "data-trust-done", "none"));
        assertThat(browser.findElements(By.cssSelector("#shop-trust .trust-badge"))).isEmpty();
    }

    @Test
    void aLiveRoomShowsTheBadgeOnTheShelfItemsOfAGuaranteedShop() {
        LiveStage.Room room = new LiveStage(api).live("信任购直播间 " + Api.unique("room"));
        news.guarantee(room.shopId(), "4.9");
        browser.get(url("/live/" + room.sessionId()));
        By slot = By.cssSelector("#shelf-item-" + room.itemId() + " .trust-badges");
        waitFor(browser).until(ExpectedConditions.attributeToBe(slot, "data-trust-done", "guaranteed"));
        assertThat(text(browser, By.cssSelector("#shelf-item-" + room.itemId() + " .trust-badge summary"))).contains("信任购");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
