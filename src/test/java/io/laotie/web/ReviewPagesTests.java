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
import io.laotie.order.NewOrder;
import io.laotie.order.Orders;
import io.laotie.platform.PageRequest;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import io.laotie.social.Creators;
import io.laotie.social.NewCreator;
import io.laotie.trust.ComplaintReason;
import io.laotie.trust.ComplaintStatus;
import io.laotie.trust.NewComplaint;
import io.laotie.trust.Complaints;
import io.laotie.trust.ReviewFilter;
import io.laotie.trust.ReviewView;
import io.laotie.trust.Reviews;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reviews and complaints on pages, through the real security chain with signed-in sessions: the panels the product
 * and order pages load with htmx, the review form, reply and report, the complaint form, and the operators' queues.
 */
@LaotieTest
class ReviewPagesTests {

    private static final String PASSWORD = "review-pages-password";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Shops shops;
    @Autowired Products products;
    @Autowired AddressBook addresses;
    @Autowired Ledger ledger;
    @Autowired Orders orders;
    @Autowired Reviews reviews;
    @Autowired Complaints complaints;
    @Autowired Creators creators;

    @Test
    void aBuyerReviewsOnTheOrderPageAndEveryoneReadsItOnTheProductPage() throws Exception {
        Seller seller = seller();
        Person buyer = person("张伟");
        long orderId = delivered(seller, buyer);
        long lineId = orders.view(orderId, buyer.caller()).lines().getFirst().id();

        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("hx-get=\"/orders/" + orderId + "/reviews\"")));
        mvc.perform(get("/products/{id}", seller.productId()))
                .andExpect(content().string(containsString("hx-get=\"/products/" + seller.productId() + "/reviews\"")));
        mvc.perform(get("/orders/{id}/reviews", orderId).header("HX-Request", "true").session(buyer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"review-form\"")))
                .andExpect(content().string(containsString("如实描述")))
                .andExpect(content().string(not(containsString("<!DOCTYPE html>"))));
        mvc.perform(get("/orders/{id}/reviews", orderId).session(person("路人").session())).andExpect(status().isNotFound());

        mvc.perform(post("/orders/{id}/reviews", orderId).session(buyer.session()).with(csrf())
                        .param("lines[0].orderLineId", Long.toString(lineId)).param("lines[0].rating", "5")
                        .param("lines[0].text", "x".repeat(501)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")))
                .andExpect(content().string(containsString("x".repeat(501))));
        assertThat(reviews.ofOrder(orderId, buyer.caller()).reviews()).as("a refused form stores nothing").isEmpty();

        mvc.perform(post("/orders/{id}/reviews", orderId).session(buyer.session()).with(csrf())
                        .param("lines[0].orderLineId", Long.toString(lineId)).param("lines[0].rating", "5")
                        .param("lines[0].text", "霜降后的柿饼，软糯").param("lines[0].tags", "FRESH", "AS_DESCRIBED")
                        .param("lines[0].imageUrls", "https://img.example.com/cake.jpg\n"))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attribute("notice", containsString("1")));
        ReviewView review = reviews.ofOrder(orderId, buyer.caller()).reviews().getFirst();
        assertThat(review.tags()).hasSize(2);
        assertThat(review.imageUrls()).containsExactly("https://img.example.com/cake.jpg");

        mvc.perform(get("/products/{id}/reviews", seller.productId()).header("HX-Request", "true"))
                .andExpect(content().string(containsString("id=\"review-" + review.id() + "\"")))
                .andExpect(content().string(containsString("张**")))
                .andExpect(content().string(not(containsString("张伟"))))
                .andExpect(content().string(containsString("霜降后的柿饼，软糯")))
                .andExpect(content().string(containsString("新鲜 (1)")))
                .andExpect(content().string(containsString("id=\"review-average\">5.0<")));
        mvc.perform(get("/products/{id}/reviews", seller.productId()).param("rating", "1"))
                .andExpect(content().string(containsString("<!DOCTYPE html>")))
                .andExpect(content().string(containsString("id=\"reviews-empty\"")));
        mvc.perform(get("/products/{id}/reviews", seller.productId()).param("lang", "en"))
                .andExpect(content().string(containsString("Fresh (1)")))
                .andExpect(content().string(containsString("As described")));

        mvc.perform(post("/reviews/{id}/follow-up", review.id()).session(buyer.session()).with(csrf()).param("text", "放了一周更甜"))
                .andExpect(redirectedUrl("/orders/" + orderId));
        mvc.perform(get("/products/{id}/reviews", seller.productId()).session(seller.session()))
                .andExpect(content().string(containsString("id=\"reply-" + review.id() + "\"")));
        mvc.perform(get("/products/{id}/reviews", seller.productId()).session(buyer.session()))
                .andExpect(content().string(not(containsString("id=\"reply-" + review.id() + "\""))));
        mvc.perform(post("/reviews/{id}/reply", review.id()).session(buyer.session()).with(csrf()).param("text", "冒充商家"))
                .andExpect(flash().attributeExists("alert"));
        mvc.perform(post("/reviews/{id}/reply", review.id()).session(seller.session()).with(csrf()).param("text", "谢谢老铁"))
                .andExpect(redirectedUrl("/products/" + seller.productId() + "/reviews"))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/products/{id}/reviews", seller.productId()))
                .andExpect(content().string(containsString("放了一周更甜")))
                .andExpect(content().string(containsString("谢谢老铁")));
    }

    @Test
    void reportsAndComplaintsReachTheOperatorsWhoRuleOnThem() throws Exception {
        Seller seller = seller();
        Person buyer = person("李娜");
        long orderId = delivered(seller, buyer);
        long reviewId = reviews.post(orderId, buyer.caller(), new io.laotie.trust.NewReview(List.of(new io.laotie.trust.NewReview.Line(
                orders.view(orderId, buyer.caller()).lines().getFirst().id(), 1, "骂人的话", List.of(), List.of())))).getFirst().id();
        Person reader = person("读者");
        MockHttpSession operator = signIn("operator", "operator-test-password");

        mvc.perform(post("/reviews/{id}/reports", reviewId).session(reader.session()).with(csrf()).param("reason", "人身攻击"))
                .andExpect(flash().attributeExists("notice"));
        String reportsPage = mvc.perform(get("/operator/review-reports").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("人身攻击")))
                .andExpect(content().string(containsString("骂人的话")))
                .andReturn().getResponse().getContentAsString();
        long reportId = reviews.reports(operatorCaller(), null, new PageRequest(0, 100)).items().stream()
                .filter(r -> r.reviewId() == reviewId).findFirst().orElseThrow().id();
        assertThat(reportsPage).contains("id=\"report-" + reportId + "\"");
        mvc.perform(get("/operator/review-reports").session(reader.session())).andExpect(status().isForbidden());
        mvc.perform(post("/operator/review-reports/{id}/ruling", reportId).session(operator).with(csrf()).param("upheld", "true"))
                .andExpect(redirectedUrl("/operator/review-reports"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(reviews.ofProduct(seller.productId(), Optional.empty(), ReviewFilter.ALL, new PageRequest(0, 10)).total()).isZero();
        mvc.perform(get("/orders/{id}/reviews", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("已被运营隐藏")));

        mvc.perform(get("/complaints/new").param("orderId", Long.toString(orderId)).session(buyer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"target-shop\"")))
                .andExpect(content().string(containsString(seller.shopName())));
        mvc.perform(post("/complaints").session(buyer.session()).with(csrf()).param("target", "shop:" + seller.shopId())
                        .param("orderId", Long.toString(orderId)).param("reason", "RUDE_SERVICE").param("text", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"alert\"")));
        mvc.perform(post("/complaints").session(buyer.session()).with(csrf()).param("target", "shop:" + seller.shopId())
                        .param("orderId", Long.toString(orderId)).param("reason", "RUDE_SERVICE").param("text", "客服骂人"))
                .andExpect(redirectedUrl("/me/complaints"));
        mvc.perform(get("/me/complaints").session(buyer.session()))
                .andExpect(content().string(containsString("客服骂人")))
                .andExpect(content().string(containsString("服务态度差")))
                .andExpect(content().string(containsString("待处理")));
        long complaintId = complaints.mine(buyer.caller(), new PageRequest(0, 1)).items().getFirst().id();
        mvc.perform(get("/operator/complaints").session(operator))
                .andExpect(content().string(containsString("id=\"complaint-" + complaintId + "\"")))
                .andExpect(content().string(containsString("id=\"nav-complaints\"")));
        mvc.perform(post("/operator/complaints/{id}/ruling", complaintId).session(operator).with(csrf())
                        .param("upheld", "true").param("note", "录音核实"))
                .andExpect(redirectedUrl("/operator/complaints"));
        assertThat(complaints.view(complaintId, buyer.caller()).status()).isEqualTo(ComplaintStatus.UPHELD);
        mvc.perform(get("/operator/complaints").param("status", "UPHELD").param("lang", "en").session(operator))
                .andExpect(content().string(containsString("录音核实")))
                .andExpect(content().string(containsString("Upheld")));
    }

    // --- the world each test stands on ---

    @Test
    void creatorsAndShopsSeeWhatBuyersComplainedAboutThemAndHowItWasRuled() throws Exception {
        Seller seller = seller();
        creators.become(seller.caller(), new NewCreator("投诉页主播 " + seller.handle(), "从源头来", null));
        MockHttpSession creator = signIn(seller.handle(), PASSWORD); // signed in again, now as a creator too
        Person buyer = person("李娜");
        complaints.file(buyer.caller(), new NewComplaint(seller.id(), null, null, ComplaintReason.FALSE_CLAIMS, "直播间说是特级，收到的是普通货"));
        complaints.file(buyer.caller(), new NewComplaint(null, seller.shopId(), null, ComplaintReason.RUDE_SERVICE, "客服三天不回消息"));

        mvc.perform(get("/studio").session(creator))
                .andExpect(content().string(containsString("id=\"to-complaints\"")));
        String aboutCreator = mvc.perform(get("/studio/complaints").session(creator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(aboutCreator).contains("关于你的投诉", "直播间说是特级", "虚假宣传", "待处理").doesNotContain("客服三天不回消息", "李娜");
        assertThat(mvc.perform(get("/studio/complaints").param("lang", "en").session(creator)).andReturn().getResponse()
                .getContentAsString()).contains("Complaints about you", "Only an upheld complaint counts");

        mvc.perform(get("/console/shops/{id}", seller.shopId()).session(creator))
                .andExpect(content().string(containsString("id=\"shop-complaints\"")));
        String aboutShop = mvc.perform(get("/console/shops/{id}/complaints", seller.shopId()).session(creator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(aboutShop).contains("关于 " + seller.shopName() + " 的投诉", "客服三天不回消息").doesNotContain("直播间说是特级", "李娜");
        assertThat(mvc.perform(get("/console/shops/{id}/complaints", seller.shopId()).session(buyer.session()))
                .andReturn().getResponse().getStatus()).as("someone else's shop").isIn(403, 404);
        assertThat(mvc.perform(get("/studio/complaints").session(buyer.session())).andReturn().getResponse().getStatus())
                .as("not a creator").isIn(403, 404);
    }

    private record Seller(long id, String handle, MockHttpSession session, Caller caller, long shopId, String shopName, long productId,
                          long skuId) {
    }

    private record Person(long id, MockHttpSession session, Caller caller) {
    }

    private Seller seller() throws Exception {
        Account account = accounts.signUp(new NewAccount(Api.unique("seller"), PASSWORD, null, null), ClientInfo.INTERNAL);
        Shop shop = shops.open(account.id(), "评价页小店 " + account.handle(), "");
        Caller caller = accounts.callerOf(account.id()).orElseThrow();
        ProductView product = products.create(shop.id(), caller, new NewProduct("富平柿饼 " + account.handle(), "霜降后晾晒", 1002L, null,
                new Origin("陕西渭南富平", null), 1_500L, 6_800L, 0L, false, null, List.of(new NewProduct.NewSku("一斤装", 3_990L, 50L))));
        return new Seller(account.id(), account.handle(), signIn(account.handle(), PASSWORD), caller, shop.id(), shop.name(), product.id(),
                product.skus().getFirst().id());
    }

    /** A buyer with an address and money, signed in. */
    private Person person(String displayName) throws Exception {
        Account account = accounts.signUp(new NewAccount(Api.unique("buyer"), PASSWORD, displayName, null), ClientInfo.INTERNAL);
        addresses.add(account.id(), new NewAddress("家里", "13800138000", "北京市朝阳区", "建国路 88 号", true));
        ledger.topUp(account.id(), 100_00, "review-pages:" + account.id());
        return new Person(account.id(), signIn(account.handle(), PASSWORD), accounts.callerOf(account.id()).orElseThrow());
    }

    private long delivered(Seller seller, Person buyer) {
        long id = orders.place(buyer.caller(), new NewOrder(List.of(new NewOrder.Line(seller.skuId(), 1)), null, null), ClientInfo.INTERNAL).id();
        orders.pay(id, buyer.caller());
        orders.ship(id, seller.caller(), "顺丰速运", "SF42");
        orders.confirmReceipt(id, buyer.caller());
        return id;
    }

    private Caller operatorCaller() {
        return accounts.callerOf(accounts.findByHandle("operator").orElseThrow().id()).orElseThrow();
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
