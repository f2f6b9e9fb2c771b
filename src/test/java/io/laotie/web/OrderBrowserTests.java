package io.laotie.web;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Address;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.identity.NewAddress;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.platform.PageRequest;
import io.laotie.support.Api;
import io.laotie.support.Browsers;
import io.laotie.support.HeadlessChromium;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.type;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's life in a real browser: a buyer buys from the product page at an address other than the default, pays
 * and sees the order paid with its timeline; the merchant ships it from the console; the buyer confirms receipt.
 * Headless Chromium through Selenium, as {@link WebShellBrowserTests}: skipped without Debian's {@code chromium} and
 * {@code chromium-driver}, except on CI ({@code CI=true}), where a missing browser fails the build.
 */
@LaotieTest
class OrderBrowserTests {

    private static final String PASSWORD = "browser-order-password";

    private static ChromeDriver browser;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("order-", driver -> browser = driver);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
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

    @BeforeEach
    void forgetEverything() {
        signOut();
    }

    @Test
    void aBuyerBuysAtAnotherAddressAndPaysTheMerchantShipsAndTheBuyerConfirmsReceipt() {
        Account merchant = account("卖柿饼的");
        Shop shop = shops.open(merchant.id(), "浏览器柿园 " + merchant.handle(), "");
        Caller merchantCaller = accounts.callerOf(merchant.id()).orElseThrow();
        ProductView product = products.create(shop.id(), merchantCaller, new NewProduct("浏览器柿饼 " + merchant.handle(), "霜降后晾晒",
                1002L, null, new Origin("陕西渭南富平", null), 1_500L, 6_800L, 0L, false, null,
                List.of(new NewProduct.NewSku("一斤装", 3_990L, 50L), new NewProduct.NewSku("两斤装", 6_990L, 50L))));
        long twoJin = product.skus().get(1).id();
        Account buyer = account("买柿饼的");
        Address home = addresses.add(buyer.id(), new NewAddress("家里", "13800138000", "北京市朝阳区", "建国路 88 号", true));
        Address office = addresses.add(buyer.id(), new NewAddress("单位", "13900139000", "北京市海淀区", "中关村大街 1 号", false));
        ledger.topUp(buyer.id(), 200_00, "browser-order:" + buyer.id());

        // The buyer picks the second option and two of them, then chooses the office over the default home address.
        logIn(buyer);
        browser.get(url("/products/" + product.id()));
        click(browser, By.id("buy-sku-" + twoJin));
        type(browser, By.id("buy-quantity"), "2");
        click(browser, By.id("buy-now"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "确认订单"));
        assertThat(browser.findElement(By.id("address-" + home.id())).isSelected()).as("the default is chosen first").isTrue();
        assertThat(text(browser, By.id("checkout-total"))).isEqualTo("¥139.80");
        click(browser, By.id("address-" + office.id()));
        click(browser, By.id("submit-order"));

        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "下单成功"));
        assertThat(status()).isEqualTo("PENDING_PAYMENT");
        assertThat(text(browser, By.id("order-address"))).contains("单位", "中关村大街 1 号").doesNotContain("建国路");
        click(browser, By.id("pay"));

        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已付款 ¥139.80"));
        assertThat(status()).isEqualTo("PAID");
        assertThat(text(browser, By.cssSelector("#order-status .status-badge"))).isEqualTo("已付款");
        assertThat(text(browser, By.id("order-timeline"))).contains("提交订单", "付款成功", "¥139.80 从钱包付出");
        OrderView order = orders.list(accounts.callerOf(buyer.id()).orElseThrow(), Orders.ListAs.BUYER, null, new PageRequest(0, 5))
                .items().getFirst();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.address().recipient()).isEqualTo("单位");
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.skuId()).isEqualTo(twoJin);
            assertThat(line.quantity()).isEqualTo(2);
        });
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(200_00 - 139_80);

        // The merchant finds it among the orders to ship and ships it.
        signOut();
        logIn(merchant);
        click(browser, By.id("nav-console-orders"));
        click(browser, By.cssSelector("#order-" + order.id()));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("ship-form")));
        assertThat(text(browser, By.id("order-address"))).contains("单位", "中关村大街 1 号");
        type(browser, By.id("carrier"), "顺丰速运");
        type(browser, By.id("trackingNumber"), "SF1357924680");
        click(browser, By.id("ship"));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.cssSelector("#order-status .status-badge"), "data-status", "SHIPPED"));
        assertThat(orders.view(order.id(), merchantCaller).trackingNumber()).isEqualTo("SF1357924680");

        // The buyer sees the parcel on its way and confirms receipt (the page asks first).
        signOut();
        logIn(buyer);
        browser.get(url("/orders/" + order.id()));
        assertThat(text(browser, By.id("order-shipping"))).contains("顺丰速运", "SF1357924680");
        click(browser, By.id("confirm-receipt"));
        waitFor(browser).until(ExpectedConditions.alertIsPresent()).accept();
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.cssSelector("#order-status .status-badge"), "data-status", "DELIVERED"));
        assertThat(text(browser, By.id("order-timeline"))).contains("商家发货", "顺丰速运 SF1357924680", "确认收货");
        assertThat(orders.view(order.id(), merchantCaller).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    private String status() {
        return waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#order-status .status-badge")))
                .getAttribute("data-status");
    }

    private Account account(String displayName) {
        return accounts.signUp(new NewAccount(Api.unique("browser"), PASSWORD, displayName, null), ClientInfo.INTERNAL);
    }

    private void logIn(Account account) {
        HeadlessChromium.logIn(browser, url(""), account.handle(), PASSWORD, account.displayName());
    }

    /** Forgets the session and the language: the next page is a first-time visitor's. */
    private void signOut() {
        browser.get(url("/css/laotie.css"));
        browser.manage().deleteAllCookies();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
