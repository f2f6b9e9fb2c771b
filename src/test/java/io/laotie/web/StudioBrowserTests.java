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
import io.laotie.live.LiveSessions;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.order.NewOrder;
import io.laotie.order.Orders;
import io.laotie.social.Creators;
import io.laotie.social.NewCreator;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletionStage;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.type;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creator's session in a real browser: schedule it for tomorrow evening, put a product on the shelf with a live
 * price, go live, mark the explaining item, and watch the live counts refresh on their own (htmx polling) as a
 * viewer enters the room and a buyer pays. Headless Chromium as {@link OrderBrowserTests}.
 */
@LaotieTest
class StudioBrowserTests {

    private static final String PASSWORD = "browser-studio-password";

    private static ChromeDriver browser;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("studio-", driver -> browser = driver);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Creators creators;
    @Autowired
    Shops shops;
    @Autowired
    Products products;
    @Autowired
    AddressBook addresses;
    @Autowired
    Ledger ledger;
    @Autowired
    Orders orders;
    @Autowired
    LiveSessions sessions;
    @Autowired
    Shelf shelf;
    @Autowired
    ZoneId platformZone;

    @Test
    void aCreatorSchedulesASessionPricesTheShelfGoesLiveExplainsAnItemAndWatchesTheCounts() {
        Account creator = account("柿子哥");
        creators.become(caller(creator), new NewCreator("富平柿子哥", "在柿园里长大", null));
        Shop shop = shops.open(creator.id(), "浏览器直播柿园 " + creator.handle(), "");
        ProductView product = products.create(shop.id(), caller(creator), new NewProduct("直播间柿饼 " + creator.handle(), "霜降后晾晒",
                1002L, null, new Origin("陕西渭南富平", null), 1_500L, 6_800L, 0L, false, null,
                List.of(new NewProduct.NewSku("一斤装", 3_990L, 50L), new NewProduct.NewSku("两斤装", 6_990L, 50L))));
        long jin = product.skus().getFirst().id();

        // Schedule a session for tomorrow at eight in the evening, platform time.
        logIn(creator);
        click(browser, By.id("nav-studio"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "我的直播间"));
        type(browser, By.id("title"), "霜降柿饼专场");
        LocalDateTime tomorrow = LocalDateTime.now(platformZone).plusDays(1).withHour(20).withMinute(0).withSecond(0).withNano(0);
        WebElement when = browser.findElement(By.id("scheduledAt"));
        browser.executeScript("arguments[0].value = arguments[1]", when, tomorrow.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        click(browser, By.id("create-session"));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已创建直播"));
        assertThat(status()).isEqualTo("SCHEDULED");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/studio/sessions/(\\d+).*", "$1"));
        assertThat(sessions.row(id).scheduledAt()).isEqualTo(tomorrow.atZone(platformZone).toInstant());

        // Put the persimmon cakes on the shelf with a live price for the one-jin box.
        type(browser, By.id("add-" + product.id() + "-price-" + jin), "29.90");
        click(browser, By.id("add-submit-" + product.id()));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已加入小黄车"));
        long item = shelf.itemOf(id, product.id()).orElseThrow().id();
        assertThat(browser.findElement(By.id("price-" + jin)).getAttribute("value")).isEqualTo("29.90");
        assertThat(text(browser, By.cssSelector("#item-" + item + " .live-price"))).isEqualTo("¥29.90");
        assertThat(shelf.livePrice(item, jin)).contains(2_990L);

        // Go live (early) and present the item.
        click(browser, By.id("go-live"));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("session-status"), "data-status", "LIVE"));
        assertThat(sessions.row(id).status()).isEqualTo(SessionStatus.LIVE);
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("count-viewers"), "0")); // the counts fragment is re-drawn by polling
        click(browser, By.id("explain-" + item));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "正在讲解"));
        assertThat(browser.findElement(By.id("item-" + item)).getAttribute("class")).contains("explaining");
        assertThat(text(browser, By.cssSelector("#item-" + item + " .explaining-badge"))).isEqualTo("讲解中");
        assertThat(sessions.row(id).explainingItemId()).isEqualTo(item);

        // Without reloading, the counts follow the room: a viewer comes in, a buyer pays at the live price.
        String before = browser.getCurrentUrl();
        WebSocket viewer = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/rooms/" + id), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        socket.request(1);
                        return null;
                    }
                }).join();
        try {
            waitFor(browser).until(ExpectedConditions.textToBe(By.id("count-viewers"), "1"));
            Account buyer = account("买柿饼的");
            long address = addresses.add(buyer.id(), new NewAddress("家里", "13800138000", "北京市朝阳区", "建国路 88 号", true)).id();
            ledger.topUp(buyer.id(), 100_00, "browser-studio:" + buyer.id());
            long orderId = orders.place(caller(buyer), new NewOrder(List.of(new NewOrder.Line(jin, 1, item)), address, id),
                    ClientInfo.INTERNAL).id();
            orders.pay(orderId, caller(buyer));
            waitFor(browser).until(ExpectedConditions.textToBe(By.id("count-orders"), "1"));
            waitFor(browser).until(ExpectedConditions.textToBe(By.id("count-gmv"), "¥29.90"));
            assertThat(browser.getCurrentUrl()).isEqualTo(before);
        } finally {
            viewer.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private String status() {
        return waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-status"))).getAttribute("data-status");
    }

    private Account account(String displayName) {
        return accounts.signUp(new NewAccount(Api.unique("browser"), PASSWORD, displayName, null), ClientInfo.INTERNAL);
    }

    private Caller caller(Account account) {
        return accounts.callerOf(account.id()).orElseThrow();
    }

    private void logIn(Account account) {
        HeadlessChromium.logIn(browser, url(""), account.handle(), PASSWORD, account.displayName());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
