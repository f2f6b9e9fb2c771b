package io.laotie.web;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Address;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.inventory.Inventory;
import io.laotie.platform.PageRequest;
import io.laotie.support.LaotieTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The web shell's pages, through the real security chain: who sees what, in which language. */
@LaotieTest
class PagesTests {

    private static final String DEMO_PASSWORD = "laotie-demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Shops shops;
    @Autowired
    Products products;
    @Autowired
    Inventory inventory;
    @Autowired
    AddressBook addresses;

    @Test
    void homeSpeaksChineseByDefault() throws Exception {
        // searched, since other tests' products may fill the first page of the newest goods
        mvc.perform(get("/").param("q", "流心霜降柿饼"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("商品分类")))
                .andExpect(content().string(containsString("富平吊柿饼")))
                .andExpect(content().string(containsString("¥39.90")))
                .andExpect(content().string(containsString("源头直供")))
                .andExpect(content().string(not(containsString("Categories"))));
    }

    @Test
    void homeSpeaksEnglishWhenAskedAndRemembersIt() throws Exception {
        MvcResult switched = mvc.perform(get("/").param("lang", "en").param("q", "流心霜降柿饼"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Categories")))
                .andExpect(content().string(containsString("Source-direct")))
                .andExpect(cookie().value("laotie_lang", "en"))
                .andReturn();
        Cookie remembered = switched.getResponse().getCookie("laotie_lang");

        mvc.perform(get("/login").cookie(remembered))
                .andExpect(content().string(containsString("Log in")))
                .andExpect(content().string(not(containsString("登录"))));
    }

    @Test
    void searchFindsGoodsByKeywordAndCategoryPagesFilter() throws Exception {
        mvc.perform(get("/").param("q", "海参"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("霞浦淡干海参")))
                .andExpect(content().string(not(containsString("和田玉籽料平安扣"))));
        mvc.perform(get("/categories/{id}", 2000))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("和田玉籽料平安扣")))
                .andExpect(content().string(not(containsString("霞浦淡干海参"))));
    }

    @Test
    void productPageShowsCostAndMarkupToTheOwnerOnly() throws Exception {
        ProductView persimmons = demoProduct("流心霜降柿饼");

        mvc.perform(get("/products/{id}", persimmons.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("陕西渭南富平")))
                .andExpect(content().string(containsString("¥68.00")))
                .andExpect(content().string(not(containsString("product-cost"))))
                .andExpect(content().string(not(containsString("¥22.00"))));
        mvc.perform(get("/products/{id}", persimmons.id()).session(signIn("buyer_beijing", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("product-cost"))));
        mvc.perform(get("/products/{id}", persimmons.id()).session(signIn("fuping_orchard", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"product-cost\">¥22.00<")))
                .andExpect(content().string(containsString("id=\"product-markup\">1.81×<")));
    }

    @Test
    void unknownProductAnswersTheErrorPage() throws Exception {
        mvc.perform(get("/products/{id}", 42))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"))
                .andExpect(content().string(containsString("页面不存在")));
    }

    @Test
    void operatorPagesAreForOperatorsOnly() throws Exception {
        mvc.perform(get("/operator/accounts")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/operator/catalog").session(signIn("buyer_beijing", DEMO_PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/operator/accounts").session(signIn("fuping_orchard", DEMO_PASSWORD))).andExpect(status().isForbidden());

        MockHttpSession operator = signIn("operator", "operator-test-password");
        mvc.perform(get("/operator/accounts").param("q", "buyer_").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("@buyer_beijing")));
        mvc.perform(get("/operator/catalog").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dried fruit &amp; preserves")));
    }

    @Test
    void aMerchantCannotOpenAnotherMerchantsConsole() throws Exception {
        Shop orchard = shops.ownedBy(accounts.findByHandle("fuping_orchard").orElseThrow().id()).getFirst();
        MockHttpSession otherMerchant = signIn("xiapu_sea", DEMO_PASSWORD);

        mvc.perform(get("/console/shops/{id}", orchard.id()).session(otherMerchant))
                .andExpect(status().isForbidden())
                .andExpect(view().name("error"));
        mvc.perform(post("/console/shops/{id}/products/new", orchard.id()).session(otherMerchant).with(csrf())
                        .param("title", "Not mine").param("categoryId", "1002").param("costPrice", "1")
                        .param("referencePrice", "2").param("skus[0].name", "x").param("skus[0].price", "1").param("skus[0].stock", "1"))
                .andExpect(status().isForbidden());
        assertThat(products.ofShop(orchard.id(), Optional.empty(), new PageRequest(0, 100)).items())
                .noneMatch(p -> p.title().equals("Not mine"));

        mvc.perform(get("/console/shops/{id}", orchard.id()).session(signIn("fuping_orchard", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("富平吊柿饼")));
    }

    @Test
    void signUpRefusesBadInputAndCreatesNothing() throws Exception {
        String handle = "bad_signup_" + System.nanoTime() % 1_000_000_000L;
        mvc.perform(post("/signup").with(csrf()).param("handle", handle).param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(view().name("identity/signup"))
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(containsString("密码需 8–128 个字符")));
        assertThat(accounts.findByHandle(handle)).isEmpty();

        mvc.perform(post("/signup").with(csrf()).param("handle", "BUYER_BEIJING").param("password", "long-enough-password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "handle"))
                .andExpect(content().string(containsString("这个用户名已被占用")));
    }

    @Test
    void signUpSignsTheNewcomerInUnderAFreshSession() throws Exception {
        MockHttpSession visitor = (MockHttpSession) mvc.perform(get("/signup")).andReturn().getRequest().getSession();
        String visitorSessionId = visitor.getId();
        String handle = "new_" + System.nanoTime() % 1_000_000_000L;
        MvcResult result = mvc.perform(post("/signup").session(visitor).with(csrf()).param("handle", handle)
                        .param("password", "a-good-password").param("displayName", "新来的老铁"))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(session.getId()).isNotEqualTo(visitorSessionId);

        mvc.perform(get("/me/addresses").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新来的老铁")));
    }

    @Test
    void productFormTurnsYuanIntoExactFenAndIgnoresBlankRows() throws Exception {
        Merchant merchant = merchant();
        MvcResult created = mvc.perform(post("/console/shops/{id}/products/new", merchant.shop().id()).session(merchant.session()).with(csrf())
                        .param("title", "洛川苹果").param("description", "脆甜").param("categoryId", "1001").param("standard", "")
                        .param("originPlace", "陕西延安洛川").param("originStory", "塬上的果园")
                        .param("costPrice", "10.1").param("referencePrice", "49.99").param("shippingFee", "0.3")
                        .param("imageUrls", "").param("_noReasonReturn", "on")
                        .param("skus[0].name", "").param("skus[0].price", "").param("skus[0].stock", "")
                        .param("skus[1].name", "五斤装").param("skus[1].price", "19.9").param("skus[1].stock", "40")
                        .param("skus[2].name", "十斤装").param("skus[2].price", "0.29").param("skus[2].stock", "5"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/console/shops/" + merchant.shop().id());

        ProductView apples = products.ofShop(merchant.shop().id(), Optional.of(merchant.caller()), new PageRequest(0, 10)).items().getFirst();
        assertThat(apples.skus()).extracting(ProductView.SkuView::name, ProductView.SkuView::price, ProductView.SkuView::stock)
                .containsExactly(tuple("五斤装", 1990L, 40L), tuple("十斤装", 29L, 5L));
        assertThat(apples.costPrice()).isEqualTo(1010L);
        assertThat(apples.referencePrice()).isEqualTo(4999L);
        assertThat(apples.shippingFee()).isEqualTo(30L);
        assertThat(apples.noReasonReturn()).isFalse(); // an unticked box sends only Spring's "_" marker
    }

    @Test
    void productFormShowsMistakesBesideTheFieldsAndListsNothing() throws Exception {
        Merchant merchant = merchant();
        mvc.perform(post("/console/shops/{id}/products/new", merchant.shop().id()).session(merchant.session()).with(csrf())
                        .param("title", "").param("categoryId", "1000").param("costPrice", "1.234").param("referencePrice", "abc")
                        .param("skus[0].name", "一份").param("skus[0].price", "9.9").param("skus[0].stock", "-1")
                        .param("skus[1].name", "一份").param("skus[1].price", "").param("skus[1].stock", "3"))
                .andExpect(status().isOk())
                .andExpect(view().name("console/product-form"))
                .andExpect(model().attributeHasFieldErrors("form", "title", "categoryId", "costPrice", "referencePrice",
                        "skus[0].stock", "skus[1].name", "skus[1].price"))
                .andExpect(content().string(containsString("最多两位小数")))
                .andExpect(content().string(containsString("请选择二级分类")));
        assertThat(products.ofShop(merchant.shop().id(), Optional.of(merchant.caller()), new PageRequest(0, 10)).total()).isZero();
    }

    @Test
    void stockAdjustmentFromHtmxAnswersTheSkuRowAlone() throws Exception {
        Merchant merchant = merchant();
        ProductView product = products.create(merchant.shop().id(), merchant.caller(), new NewProduct("腊肉", "", 1005L, null,
                new Origin("湖南湘西", null), 3000L, 8000L, 0L, true, null, List.of(new NewProduct.NewSku("一斤", 5800L, 10L))));
        long sku = product.skus().getFirst().id();

        mvc.perform(post("/console/shops/{shop}/skus/{sku}/stock", merchant.shop().id(), sku).session(merchant.session()).with(csrf())
                        .header("HX-Request", "true").param("delta", "-4").param("reason", "破损"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<tr id=\"sku-" + sku + "\"")))
                .andExpect(content().string(containsString("一斤 的库存现在是 6")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(inventory.level(sku).stock()).isEqualTo(6);

        mvc.perform(post("/console/shops/{shop}/skus/{sku}/stock", merchant.shop().id(), sku).session(merchant.session()).with(csrf())
                        .param("delta", "-7").param("reason", "盘亏"))
                .andExpect(redirectedUrl("/console/shops/" + merchant.shop().id()));
        assertThat(inventory.level(sku).stock()).isEqualTo(6);
    }

    @Test
    void consoleActionsExplainTypingMistakesAndThenDoTheRightThing() throws Exception {
        Merchant merchant = merchant();
        ProductView product = products.create(merchant.shop().id(), merchant.caller(), new NewProduct("红茶", "", 1005L, null,
                null, 3000L, 8000L, 0L, true, null, List.of(new NewProduct.NewSku("一盒", 5800L, 10L))));
        long sku = product.skus().getFirst().id();
        String console = "/console/shops/" + merchant.shop().id();

        mvc.perform(post(console + "/skus/{sku}/price", sku).session(merchant.session()).with(csrf()).param("price", "abc"))
                .andExpect(redirectedUrl(console))
                .andExpect(flash().attribute("alert", containsString("最多两位小数")));
        mvc.perform(post(console + "/skus/{sku}/price", sku).session(merchant.session()).with(csrf()).param("price", "¥25.5"))
                .andExpect(redirectedUrl(console))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post(console + "/skus/{sku}/stock", sku).session(merchant.session()).with(csrf()).param("delta", "lots").param("reason", "x"))
                .andExpect(flash().attribute("alert", containsString("不为 0 的整数")));
        mvc.perform(post(console + "/products/{id}/skus", product.id()).session(merchant.session()).with(csrf())
                        .param("name", "两盒").param("price", "99").param("stock", "many"))
                .andExpect(redirectedUrl(console))
                .andExpect(flash().attributeExists("alert"));
        mvc.perform(post(console + "/products/{id}/skus", product.id()).session(merchant.session()).with(csrf())
                        .param("name", "两盒").param("price", "99").param("stock", "3"))
                .andExpect(flash().attributeExists("notice"));

        assertThat(products.view(product.id(), Optional.of(merchant.caller())).skus())
                .extracting(ProductView.SkuView::name, ProductView.SkuView::price)
                .containsExactly(tuple("一盒", 2550L), tuple("两盒", 9900L));
    }

    @Test
    void delistingHidesAProductFromBuyersButNotFromItsOwner() throws Exception {
        Merchant merchant = merchant();
        ProductView product = products.create(merchant.shop().id(), merchant.caller(), new NewProduct("普洱茶饼", "", 1005L, null,
                null, 3000L, 8000L, 0L, true, null, List.of(new NewProduct.NewSku("357克", 12800L, 10L))));
        String console = "/console/shops/" + merchant.shop().id();

        mvc.perform(post(console + "/products/{id}/delisting", product.id()).session(merchant.session()).with(csrf()))
                .andExpect(redirectedUrl(console));
        mvc.perform(get("/products/{id}", product.id())).andExpect(status().isNotFound());
        mvc.perform(get("/products/{id}", product.id()).session(merchant.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此商品已下架")));

        mvc.perform(post(console + "/products/{id}/relisting", product.id()).session(merchant.session()).with(csrf()))
                .andExpect(redirectedUrl(console));
        mvc.perform(get("/products/{id}", product.id())).andExpect(status().isOk());
    }

    @Test
    void theLayoutsScriptsStylesAndPicturesAreServed() throws Exception {
        for (String asset : List.of("/webjars/htmx.org/2.0.4/dist/htmx.min.js", "/js/laotie.js", "/css/laotie.css",
                "/img/logo.svg", "/img/placeholder.svg", "/img/demo/persimmon.svg", "/img/demo/sea-cucumber.svg",
                "/img/demo/ginseng.svg", "/img/demo/jade.svg", "/img/demo/perfume.svg", "/img/demo/book.svg")) {
            mvc.perform(get(asset)).andExpect(status().isOk());
        }
    }

    @Test
    void addressBookAddsChoosesTheDefaultAndRemoves() throws Exception {
        Merchant someone = merchant();
        for (String street : List.of("朝阳大街 9号", "建国路 88号")) {
            mvc.perform(post("/me/addresses").session(someone.session()).with(csrf())
                            .param("recipient", "老周").param("phone", "13912345678").param("region", "陕西省渭南市").param("detail", street))
                    .andExpect(redirectedUrl("/me/addresses"));
        }
        List<Address> book = addresses.list(someone.caller().accountId());
        Address second = book.stream().filter(a -> a.detail().equals("建国路 88号")).findFirst().orElseThrow();
        assertThat(second.isDefault()).isFalse(); // the first address became the default

        mvc.perform(post("/me/addresses/{id}/default", second.id()).session(someone.session()).with(csrf()))
                .andExpect(redirectedUrl("/me/addresses"));
        assertThat(addresses.defaultAddress(someone.caller().accountId())).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(second.id()));

        mvc.perform(post("/me/addresses/{id}/delete", second.id()).session(signIn("buyer_beijing", DEMO_PASSWORD)).with(csrf()))
                .andExpect(status().isNotFound()); // not theirs
        mvc.perform(post("/me/addresses/{id}/delete", second.id()).session(someone.session()).with(csrf()))
                .andExpect(redirectedUrl("/me/addresses"));
        mvc.perform(get("/me/addresses").session(someone.session()))
                .andExpect(content().string(containsString("朝阳大街 9号")))
                .andExpect(content().string(not(containsString("建国路 88号"))));

        mvc.perform(post("/me/addresses").session(someone.session()).with(csrf()).param("recipient", "老周").param("phone", "call me"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "phone", "region", "detail"));
        assertThat(addresses.list(someone.caller().accountId())).hasSize(1);
    }

    private record Merchant(Caller caller, Shop shop, MockHttpSession session) {
    }

    /** A fresh merchant with a shop of its own, signed in through the login form. */
    private Merchant merchant() throws Exception {
        String handle = "merchant_" + System.nanoTime() % 1_000_000_000L;
        Account account = accounts.signUp(new NewAccount(handle, "merchant-password", null, null), ClientInfo.INTERNAL);
        Shop shop = shops.open(account.id(), "测试小店 " + handle, "");
        Caller caller = accounts.callerOf(account.id()).orElseThrow();
        return new Merchant(caller, shop, signIn(handle, "merchant-password"));
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** A product of the demo world; the keyword must be one no test product uses, since the database is shared. */
    private ProductView demoProduct(String keyword) {
        var found = products.search(keyword, null, new PageRequest(0, 2)).items();
        assertThat(found).as("exactly one product matches %s", keyword).hasSize(1);
        return found.getFirst();
    }
}
