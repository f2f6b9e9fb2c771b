package io.laotie.web;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Optional;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.type;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web shell in a real browser: headless Chromium driven by Selenium against the running application.
 * Needs Debian's {@code chromium} and {@code chromium-driver}. Without them the tests are skipped, except on CI
 * ({@code CI=true}), where a missing browser fails the build instead of hiding the tests.
 */
@LaotieTest
class WebShellBrowserTests {

    private static ChromeDriver browser;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("shell-", driver -> browser = driver);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Shops shops;
    @Autowired
    Products products;

    /** Every test starts as a first-time visitor: no session, no language cookie. */
    @BeforeEach
    void forgetEverything() {
        browser.get(url("/css/laotie.css"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void signingUpLandsTheNewcomerSignedIn() {
        String handle = unique("browser");
        browser.get(url("/"));
        click(browser, By.id("nav-signup"));

        type(browser, By.id("handle"), handle);
        type(browser, By.id("displayName"), "浏览器老铁 " + handle.substring(handle.length() - 4));
        type(browser, By.id("password"), "browser-password");
        type(browser, By.id("city"), "洛阳");
        click(browser, By.id("signup-submit"));

        waitFor(browser).until(ExpectedConditions.textToBe(By.id("me"), "浏览器老铁 " + handle.substring(handle.length() - 4)));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(browser.findElements(By.id("nav-login"))).isEmpty();
        assertThat(accounts.findByHandle(handle)).hasValueSatisfying(a -> assertThat(a.city()).isEqualTo("洛阳"));
    }

    @Test
    void loggingInRefusesAWrongPasswordAndAcceptsTheRightOne() {
        String handle = unique("login");
        accounts.signUp(new NewAccount(handle, "the-right-password", "登录测试", null), ClientInfo.INTERNAL);

        browser.get(url("/login"));
        type(browser, By.id("username"), handle);
        type(browser, By.id("password"), "a-wrong-password");
        click(browser, By.id("login-submit"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("login-error"), "用户名或密码不对。"));
        assertThat(browser.findElements(By.id("me"))).isEmpty();

        type(browser, By.id("username"), handle);
        type(browser, By.id("password"), "the-right-password");
        click(browser, By.id("login-submit"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("me"), "登录测试"));

        click(browser, By.id("logout"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
    }

    @Test
    void switchingToEnglishIsRememberedOnTheNextPage() {
        browser.get(url("/login"));
        assertThat(text(browser, By.tagName("h1"))).isEqualTo("登录");
        assertThat(text(browser, By.id("nav-home"))).isEqualTo("首页");

        click(browser, By.id("lang-en"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("nav-home"), "Home"));
        assertThat(browser.getCurrentUrl()).startsWith(url("/login"));
        assertThat(text(browser, By.tagName("h1"))).isEqualTo("Log in");

        browser.get(url("/"));
        assertThat(text(browser, By.id("nav-home"))).isEqualTo("Home");
        assertThat(text(browser, By.cssSelector(".categories h2"))).isEqualTo("Categories");

        click(browser, By.id("lang-zh"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("nav-home"), "首页"));
        browser.get(url("/signup"));
        assertThat(text(browser, By.tagName("h1"))).isEqualTo("注册");
    }

    @Test
    void aMerchantListsAProductInTheConsoleAndSeesItOnItsPage() {
        String handle = unique("shopkeeper");
        accounts.signUp(new NewAccount(handle, "shopkeeper-password", "开店的老铁", null), ClientInfo.INTERNAL);
        logIn(handle, "shopkeeper-password", "开店的老铁");

        click(browser, By.id("nav-open-shop"));
        type(browser, By.id("name"), "老铁小卖部 " + handle);
        type(browser, By.id("description"), "自家种的");
        click(browser, By.id("open-shop"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("console-shop-name"), "老铁小卖部 " + handle));
        assertThat(browser.findElements(By.id("nav-console"))).hasSize(1); // opening a shop made a merchant

        click(browser, By.id("new-product"));
        String title = "阳朔金桔 " + handle;
        type(browser, By.id("title"), title);
        type(browser, By.id("description"), "漓江边的金桔，皮薄汁多。");
        new Select(browser.findElement(By.id("categoryId"))).selectByValue("1001");
        type(browser, By.id("originPlace"), "广西桂林阳朔");
        type(browser, By.id("originStory"), "我们的果园就在漓江边。");
        type(browser, By.id("costPrice"), "8");
        type(browser, By.id("referencePrice"), "29.9");
        type(browser, By.id("skus0.name"), "三斤装");
        type(browser, By.id("skus0.price"), "12.5");
        type(browser, By.id("skus0.stock"), "30");
        type(browser, By.id("skus1.name"), "五斤装");
        type(browser, By.id("skus1.price"), "22");
        type(browser, By.id("skus1.stock"), "10");
        click(browser, By.id("create-product"));

        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), title));
        click(browser, By.linkText(title));

        waitFor(browser).until(ExpectedConditions.textToBe(By.id("product-title"), title));
        assertThat(text(browser, By.id("product-price"))).isEqualTo("¥12.50");
        assertThat(text(browser, By.id("product-reference"))).isEqualTo("¥29.90");
        assertThat(text(browser, By.id("product-benefit"))).isEqualTo("¥17.40");
        assertThat(text(browser, By.id("product-cost"))).isEqualTo("¥8.00");
        assertThat(text(browser, By.id("product-markup"))).isEqualTo("1.56×");
        assertThat(text(browser, By.cssSelector("table.skus"))).contains("三斤装", "¥12.50", "五斤装", "¥22.00");
        assertThat(text(browser, By.cssSelector(".badges"))).contains("源头直供", "包邮", "七天无理由");
    }

    @Test
    void aMerchantAdjustsStockInPlace() {
        String handle = unique("stock");
        Account merchant = accounts.signUp(new NewAccount(handle, "stock-password", "管库存的", null), ClientInfo.INTERNAL);
        Shop shop = shops.open(merchant.id(), "库存小店 " + handle, "");
        ProductView product = products.create(shop.id(), accounts.callerOf(merchant.id()).orElseThrow(),
                new NewProduct("安吉白茶 " + handle, "", 1005L, null, new Origin("浙江安吉", null), 5000L, 16000L, 0L, true,
                        null, List.of(new NewProduct.NewSku("一罐", 12800L, 20L))));
        long sku = product.skus().getFirst().id();
        logIn(handle, "stock-password", "管库存的");

        browser.get(url("/console/shops/" + shop.id()));
        WebElement row = browser.findElement(By.id("sku-" + sku));
        row.findElement(By.name("delta")).sendKeys("-5");
        row.findElement(By.name("reason")).sendKeys("样品");
        row.findElement(By.cssSelector(".stock-form button")).click();

        // htmx swaps the row in place: the new row says what happened and the page did not reload
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#sku-" + sku + " .row-outcome"), "现在是 15"));
        assertThat(text(browser, By.cssSelector("#sku-" + sku + " td.stock"))).isEqualTo("15");
        assertThat(browser.findElements(By.cssSelector(".flash"))).isEmpty();
        assertThat(products.view(product.id(), Optional.empty()).skus().getFirst().available()).isEqualTo(15);
    }

    private void logIn(String handle, String password, String displayName) {
        HeadlessChromium.logIn(browser, url(""), handle, password, displayName);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String unique(String prefix) {
        return prefix + "_" + System.nanoTime() % 1_000_000_000L;
    }
}
