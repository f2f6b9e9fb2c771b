package io.laotie.trust;

import io.laotie.support.Api.User;
import io.laotie.support.Api;
import io.laotie.support.Browsers;
import io.laotie.support.Eventually;
import io.laotie.support.HeadlessChromium;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static io.laotie.support.HeadlessChromium.click;
import static io.laotie.support.HeadlessChromium.text;
import static io.laotie.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a creator opens the trust dashboard, reads the funnel chart, filters it and opens a fan's journey;
 * reads what buyers complained about them and their shop; a buyer sees the reputation on the creator page and in the room.
 */
@LaotieTest
class TrustBrowserTests {

    private static ChromeDriver browser;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("trust-", driver -> browser = driver);

    @LocalServerPort int port;
    @Autowired Api api;

    @Test
    void aCreatorReadsTheFunnelFiltersItAndOpensAFansJourney() {
        TrustWorld world = new TrustWorld(api);
        User follower = world.buyer();
        User buyer = world.buyer();
        world.follow(follower, "ROOM");
        world.follow(buyer, "SEARCH");
        world.bought(buyer);
        Eventually.until("both journeys", () -> "CONVERTED".equals(world.journey(buyer).path("stage").asString(""))
                && "FOLLOWED".equals(world.journey(follower).path("stage").asString("")));

        signIn(world.creator);
        click(browser, By.id("nav-studio"));
        click(browser, By.id("trust-dashboard"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "信任看板"));

        assertThat(barWidth("FOLLOWED")).as("two followed, the widest bar").isGreaterThan(barWidth("CONVERTED"));
        assertThat(barWidth("CONVERTED")).isGreaterThan(barWidth("ENGAGED"));
        assertThat(text(browser, By.cssSelector("text.funnel-count[data-stage='FOLLOWED']"))).isEqualTo("2");
        assertThat(text(browser, By.cssSelector("#conversions tr[data-from='ENGAGED'] .rate"))).isEqualTo("—");

        new Select(browser.findElement(By.name("source"))).selectByValue("SEARCH");
        click(browser, By.cssSelector(".filters button"));
        waitFor(browser).until(ExpectedConditions.urlContains("source=SEARCH"));
        assertThat(text(browser, By.cssSelector("text.funnel-count[data-stage='FOLLOWED']"))).isEqualTo("1");
        assertThat(text(browser, By.cssSelector("text.funnel-count[data-stage='CONVERTED']"))).isEqualTo("1");

        click(browser, By.cssSelector("a[href='/studio/fans/" + buyer.id() + "']"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("journey-stage"), "已转化"));
        assertThat(text(browser, By.id("journey-steps"))).contains("已关注 → 已转化");

        browser.get(url("/studio/trust?lang=en"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Trust dashboard"));
        assertThat(text(browser, By.cssSelector("#funnel h2"))).isEqualTo("Fan funnel");
    }

    @Test
    void aCreatorReadsWhatBuyersComplainedAboutThemInTheStudioAndInTheShopConsole() {
        TrustWorld world = new TrustWorld(api);
        User buyer = world.buyer();
        TrustWorld.require(api.post("/api/complaints", buyer, Map.of("creatorId", world.creator.id(), "reason", "FALSE_CLAIMS",
                "text", "直播间说是特级，收到的是普通货")), 201);
        TrustWorld.require(api.post("/api/complaints", buyer, Map.of("shopId", world.shopId, "reason", "RUDE_SERVICE",
                "text", "客服三天不回消息")), 201);

        signIn(world.creator);
        click(browser, By.id("nav-studio"));
        click(browser, By.id("to-complaints"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "关于你的投诉"));
        assertThat(text(browser, By.tagName("main"))).contains("直播间说是特级", "虚假宣传", "待处理").doesNotContain("客服三天不回消息");

        browser.get(url("/console/shops/" + world.shopId));
        click(browser, By.id("shop-complaints"));
        waitFor(browser).until(ExpectedConditions.textMatches(By.tagName("h1"), java.util.regex.Pattern.compile("关于 .+ 的投诉")));
        assertThat(text(browser, By.tagName("main"))).contains("客服三天不回消息", "服务态度差").doesNotContain("直播间说是特级");
    }

    private void signIn(User user) {
        HeadlessChromium.logIn(browser, url(""), user.handle(), "secret-pass-1", "Tester " + user.handle());
    }

    @Test
    void aBuyerSeesTheCreatorsReputationOnTheCreatorPageAndInTheRoom() {
        TrustWorld world = new TrustWorld(api);
        browser.get(url("/creators/" + world.creator.id()));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trust-reputation .score-value")));
        assertThat(text(browser, By.cssSelector("#trust-reputation h2"))).contains("带货口碑分").contains("新");
        assertThat(browser.findElements(By.cssSelector("#trust-reputation .score-bars g"))).hasSize(6);

        browser.get(url("/live/" + world.sessionId));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trust-reputation summary")));
        assertThat(text(browser, By.cssSelector("#trust-reputation summary"))).contains("带货口碑分");
        assertThat(browser.findElement(By.id("trust-reputation")).getAttribute("open")).as("closed until asked").isNull();
        click(browser, By.cssSelector("#trust-reputation summary"));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("trust-reputation"), "open", "true"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trust-reputation .hint")));
        assertThat(text(browser, By.cssSelector("#trust-reputation .hint"))).isNotBlank();
    }

    private double barWidth(String stage) {
        return Double.parseDouble(browser.findElement(By.cssSelector("rect.funnel-bar[data-stage='" + stage + "']")).getAttribute("width"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
