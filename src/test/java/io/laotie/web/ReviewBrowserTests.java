package io.laotie.web;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.identity.NewAddress;
import io.laotie.ledger.Ledger;
import io.laotie.live.LiveFixture;
import io.laotie.order.NewOrder;
import io.laotie.order.Orders;
import io.laotie.support.Api;
import io.laotie.support.Browsers;
import io.laotie.support.HeadlessChromium;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.type;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review's way in a real browser: the buyer of a delivered order finds the review form on the order page (loaded
 * there by htmx from the trust module), gives stars, words and a tag, and then reads the review on the product page,
 * named only by the first character, and filters the reviews by stars. Headless Chromium as {@link OrderBrowserTests}:
 * skipped without Debian's {@code chromium} and {@code chromium-driver}, except on CI.
 */
@LaotieTest
class ReviewBrowserTests {

    private static final String PASSWORD = "browser-review-password";

    private static ChromeDriver browser;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("review-", driver -> browser = driver);

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired Accounts accounts;
    @Autowired Shops shops;
    @Autowired Products products;
    @Autowired AddressBook addresses;
    @Autowired Ledger ledger;
    @Autowired Orders orders;

    @Test
    void aBuyerReviewsADeliveredOrderAndSeesTheReviewOnTheProductPage() {
        Account merchant = account("卖柿饼的");
        Shop shop = shops.open(merchant.id(), "评价柿园 " + merchant.handle(), "");
        Caller merchantCaller = accounts.callerOf(merchant.id()).orElseThrow();
        ProductView product = products.create(shop.id(), merchantCaller, new NewProduct("评价柿饼 " + merchant.handle(), "霜降后晾晒",
                1002L, null, new Origin("陕西渭南富平", null), 1_500L, 6_800L, 0L, false, null,
                List.of(new NewProduct.NewSku("一斤装", 3_990L, 50L))));
        Account buyer = account("王芳");
        addresses.add(buyer.id(), new NewAddress("家里", "13800138000", "北京市朝阳区", "建国路 88 号", true));
        ledger.topUp(buyer.id(), 100_00, "browser-review:" + buyer.id());
        Caller buyerCaller = accounts.callerOf(buyer.id()).orElseThrow();
        long orderId = orders.place(buyerCaller, new NewOrder(List.of(new NewOrder.Line(product.skus().getFirst().id(), 1)), null, null),
                ClientInfo.INTERNAL).id();
        orders.pay(orderId, buyerCaller);
        orders.ship(orderId, merchantCaller, "顺丰速运", "SF2468");
        orders.confirmReceipt(orderId, buyerCaller);

        logIn(buyer);
        browser.get(url("/orders/" + orderId));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
        click(browser, By.id("rating-0-5"));
        type(browser, By.id("review-text-0"), "软糯香甜，和直播间说的一样");
        click(browser, By.id("tag-0-FRESH"));
        click(browser, By.id("review-submit"));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "感谢评价"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#order-reviews .review")));
        assertThat(browser.findElements(By.id("review-form"))).as("the only line is reviewed").isEmpty();

        browser.get(url("/products/" + product.id()));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("review-average"), "5.0"));
        assertThat(text(browser, By.id("reviews"))).contains("软糯香甜，和直播间说的一样", "王**", "新鲜").doesNotContain("王芳");

        click(browser, By.id("filter-rating-1"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("reviews-empty")));
        assertThat(browser.getCurrentUrl()).as("filters swap the section in place").endsWith("/products/" + product.id());
        click(browser, By.id("filter-all"));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reviews"), "软糯香甜"));
    }

    @Test
    void theRoomShowsTheReviewsOfTheItemBeingExplained() {
        LiveFixture room = new LiveFixture(api, true);
        Api.User buyer = room.buyer("渭南");
        String orderId = LiveFixture.require(api.post("/api/orders", buyer, room.roomOrder(room.skuId, 1)), 201).id();
        LiveFixture.require(api.post("/api/orders/" + orderId + "/payment", buyer, null), 200);
        LiveFixture.require(api.post("/api/orders/" + orderId + "/shipment", room.creator, Map.of("carrier", "顺丰", "trackingNumber", "SF9")), 200);
        LiveFixture.require(api.post("/api/orders/" + orderId + "/receipt", buyer, null), 200);
        String lineId = api.get("/api/orders/" + orderId, buyer).body().path("lines").get(0).path("id").asString();
        LiveFixture.require(api.post("/api/orders/" + orderId + "/reviews", buyer, Map.of("lines", List.of(
                Map.of("orderLineId", lineId, "rating", 4, "text", "直播间说的都是真的", "tags", List.of())))), 201);

        browser.get(url("/live/" + room.sessionId));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("shelf")));
        assertThat(browser.findElement(By.id("explaining-reviews")).isDisplayed()).as("nothing is explained yet").isFalse();
        LiveFixture.require(api.post("/api/live-sessions/" + room.sessionId + "/shelf-items/" + room.shelfItemId + "/explaining",
                room.creator, null), 200);
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("explaining-reviews"), "直播间说的都是真的"));
        assertThat(text(browser, By.id("explaining-reviews"))).contains("4.0", "★★★★☆");
    }

    private Account account(String displayName) {
        return accounts.signUp(new NewAccount(Api.unique("browser"), PASSWORD, displayName, null), ClientInfo.INTERNAL);
    }

    private void logIn(Account account) {
        HeadlessChromium.logIn(browser, url(""), account.handle(), PASSWORD, account.displayName());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
