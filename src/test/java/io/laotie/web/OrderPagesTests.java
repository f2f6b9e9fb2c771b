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
import io.laotie.order.AfterSales;
import io.laotie.order.NewOrder;
import io.laotie.order.NewRefundRequest;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.order.RefundKind;
import io.laotie.order.RefundReason;
import io.laotie.order.RefundStatus;
import io.laotie.order.RefundView;
import io.laotie.order.Ruling;
import io.laotie.platform.PageRequest;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The order pages through the real security chain with signed-in sessions: buyer, merchant console and arbitration. */
@LaotieTest
class OrderPagesTests {

    private static final String PASSWORD = "order-pages-password";
    private static final long PRICE = 4_990;
    private static final Pattern ORDER_URL = Pattern.compile("/orders/(\\d+)");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Shops shops;
    @Autowired Products products;
    @Autowired AddressBook addresses;
    @Autowired Ledger ledger;
    @Autowired Orders orders;
    @Autowired AfterSales afterSales;

    @Test
    void checkoutOffersTheAddressBookAndPlacesTheOrderAtTheChosenAddressOnce() throws Exception {
        Seller seller = seller(20, 800);
        Buyer buyer = buyer(100_00);
        String checkout = "/checkout?sku=" + seller.skuId() + "&quantity=2";

        mvc.perform(get(checkout).session(buyer.session()))
                .andExpect(status().isOk())
                .andExpect(view().name("order/checkout"))
                .andExpect(content().string(containsString("确认订单")))
                .andExpect(content().string(containsString("id=\"checkout-line-total\">¥99.80<")))
                .andExpect(content().string(containsString("id=\"checkout-shipping\">¥8.00<")))
                .andExpect(content().string(containsString("id=\"checkout-total\">¥107.80<")))
                .andExpect(content().string(containsString("id=\"checkout-balance\">¥100.00<")))
                .andExpect(content().string(containsString("id=\"checkout-shortfall\"")))
                .andExpect(content().string(containsString("家里")))
                .andExpect(content().string(containsString("公司")))
                .andExpect(model().attribute("chosenAddress", buyer.home()));
        String key = (String) mvc.perform(get(checkout).session(buyer.session())).andReturn().getModelAndView().getModel().get("key");

        MvcResult placed = mvc.perform(post("/checkout").session(buyer.session()).with(csrf())
                        .param("sku", Long.toString(seller.skuId())).param("quantity", "2")
                        .param("addressId", Long.toString(buyer.office())).param("key", key))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("下单成功")))
                .andReturn();
        long orderId = orderIdOf(placed);
        OrderView order = orders.view(orderId, buyer.caller());
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.address().recipient()).isEqualTo("公司");
        assertThat(order.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        assertThat(order.total()).isEqualTo(2 * PRICE + 800);

        // The same form sent again (a double click, the back button) lands on the same order instead of a second one.
        MvcResult again = mvc.perform(post("/checkout").session(buyer.session()).with(csrf())
                        .param("sku", Long.toString(seller.skuId())).param("quantity", "2")
                        .param("addressId", Long.toString(buyer.office())).param("key", key))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(orderIdOf(again)).isEqualTo(orderId);
        assertThat(orders.list(buyer.caller(), Orders.ListAs.BUYER, null, new PageRequest(0, 10)).total()).isEqualTo(1);

        mvc.perform(get("/orders").session(buyer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"order-" + orderId + "\"")))
                .andExpect(content().string(containsString(seller.shopName())));
        mvc.perform(get("/orders").param("status", "PAID").session(buyer.session()))
                .andExpect(content().string(not(containsString("id=\"order-" + orderId + "\""))))
                .andExpect(content().string(containsString("id=\"orders-empty\"")));
    }

    @Test
    void checkoutExplainsAMissingAddressAndASoldOutOptionAndPlacesNothing() throws Exception {
        Seller seller = seller(1, 0);
        Buyer homeless = buyerWithoutAddress(100_00);

        mvc.perform(get("/checkout").param("sku", Long.toString(seller.skuId())).session(homeless.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-address\"")))
                .andExpect(content().string(containsString("href=\"/me/addresses?returnTo=")))
                .andExpect(content().string(containsString("id=\"checkout-shipping\">包邮<")));
        mvc.perform(post("/checkout").session(homeless.session()).with(csrf())
                        .param("sku", Long.toString(seller.skuId())).param("quantity", "1").param("key", "form:no-address"))
                .andExpect(status().isOk())
                .andExpect(view().name("order/checkout"))
                .andExpect(content().string(containsString("下单前请先添加收货地址")));
        assertThat(orders.list(homeless.caller(), Orders.ListAs.BUYER, null, new PageRequest(0, 10)).total()).isZero();

        // The address book sends the buyer back to checkout once the address is saved, and nowhere but a checkout.
        String back = "/checkout?sku=" + seller.skuId() + "&quantity=1";
        mvc.perform(get("/me/addresses").param("returnTo", back).session(homeless.session()))
                .andExpect(content().string(containsString("id=\"back-to-checkout\"")));
        mvc.perform(post("/me/addresses").session(homeless.session()).with(csrf()).param("returnTo", back)
                        .param("recipient", "新家").param("phone", "13700137000").param("region", "四川省成都市").param("detail", "春熙路 1 号"))
                .andExpect(redirectedUrl(back));
        mvc.perform(post("/me/addresses").session(homeless.session()).with(csrf()).param("returnTo", "https://phish.example/checkout?sku=1")
                        .param("recipient", "老家").param("phone", "13700137001").param("region", "四川省绵阳市").param("detail", "1 号"))
                .andExpect(redirectedUrl("/me/addresses"));
        mvc.perform(get(back).session(homeless.session()))
                .andExpect(content().string(containsString("新家")))
                .andExpect(content().string(not(containsString("id=\"no-address\""))));

        Buyer buyer = buyer(100_00);
        mvc.perform(post("/checkout").session(buyer.session()).with(csrf())
                        .param("sku", Long.toString(seller.skuId())).param("quantity", "2").param("key", "form:too-many"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只剩 1 件了")));
        mvc.perform(post("/checkout").session(buyer.session()).with(csrf())
                        .param("sku", Long.toString(seller.skuId())).param("quantity", "many"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入 1 到 999 之间的数量")));
        assertThat(orders.list(buyer.caller(), Orders.ListAs.BUYER, null, new PageRequest(0, 10)).total()).isZero();

        place(seller, buyer, 1);
        mvc.perform(get("/products/{id}", seller.productId()).session(buyer.session()))
                .andExpect(content().string(containsString("id=\"sold-out\"")))
                .andExpect(content().string(not(containsString("id=\"buy\""))));
        mvc.perform(get("/checkout").param("sku", Long.toString(seller.skuId())).session(buyer.session()))
                .andExpect(content().string(containsString("id=\"too-few\"")))
                .andExpect(content().string(containsString("已售罄")));
    }

    @Test
    void aVisitorWhoBuysIsAskedToLogInAndComesBackToCheckout() throws Exception {
        Seller seller = seller(5, 0);
        MvcResult visit = mvc.perform(get("/checkout?sku={sku}&quantity=3", seller.skuId()))
                .andExpect(redirectedUrl("/login"))
                .andReturn();
        MockHttpSession visitor = (MockHttpSession) visit.getRequest().getSession();
        Buyer buyer = buyer(0);

        MvcResult loggedIn = mvc.perform(post("/login").session(visitor).with(csrf()).param("username", buyer.handle()).param("password", PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(loggedIn.getResponse().getRedirectedUrl()).contains("/checkout?sku=" + seller.skuId() + "&quantity=3");

        mvc.perform(get("/products/{id}", seller.productId()))
                .andExpect(content().string(containsString("id=\"buy\"")))
                .andExpect(content().string(containsString("action=\"/checkout\"")));
        mvc.perform(get("/products/{id}", seller.productId()).session(seller.session()))
                .andExpect(content().string(not(containsString("id=\"buy\""))));
    }

    @Test
    void payingFromThePageTakesTheWalletAndAShortWalletLinksToTheTopUp() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(30_00);
        long orderId = place(seller, buyer, 1);

        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-status=\"PENDING_PAYMENT\"")))
                .andExpect(content().string(containsString("id=\"wallet-short\"")))
                .andExpect(content().string(containsString("还差 ¥19.90")))
                .andExpect(content().string(containsString("href=\"/wallet\"")));
        mvc.perform(post("/orders/{id}/payment", orderId).session(buyer.session()).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attribute("alert", containsString("余额不足")));
        assertThat(orders.view(orderId, buyer.caller()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(30_00);

        ledger.topUp(buyer.id(), 20_00, "order-pages-top-up:" + orderId);
        mvc.perform(post("/orders/{id}/payment", orderId).session(buyer.session()).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attribute("notice", containsString("¥49.90")));
        assertThat(orders.view(orderId, buyer.caller()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(10);

        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("data-status=\"PAID\"")))
                .andExpect(content().string(containsString("付款成功")))
                .andExpect(content().string(containsString("¥49.90 从钱包付出")))
                .andExpect(content().string(not(containsString("id=\"wallet-short\""))))
                .andExpect(content().string(not(containsString("id=\"pay\""))));
    }

    @Test
    void aBuyerCancelsAnUnpaidOrderFromItsPage() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(0);
        long orderId = place(seller, buyer, 1);

        mvc.perform(post("/orders/{id}/cancellation", orderId).session(buyer.session()).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attributeExists("notice"));
        assertThat(orders.view(orderId, buyer.caller()).status()).isEqualTo(OrderStatus.CANCELLED);
        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("订单取消")))
                .andExpect(content().string(containsString("买家取消")));
    }

    @Test
    void someoneElsesOrderAnswersTheNotFoundPage() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(100_00);
        long orderId = paid(seller, buyer, 1);
        Buyer stranger = buyer(100_00);
        Seller otherShop = seller(20, 0);

        mvc.perform(get("/orders/{id}", orderId).session(stranger.session()))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"))
                .andExpect(content().string(containsString("页面不存在")));
        mvc.perform(post("/orders/{id}/refund-requests", orderId).session(stranger.session()).with(csrf())
                        .param("kind", "REFUND_ONLY").param("amount", "1").param("reason", "OTHER"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/orders/{id}", orderId).session(otherShop.session()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/orders/{id}/shipment", orderId).session(otherShop.session()).with(csrf())
                        .param("carrier", "顺丰").param("trackingNumber", "SF1"))
                .andExpect(status().isNotFound());
        assertThat(orders.view(orderId, buyer.caller()).status()).isEqualTo(OrderStatus.PAID);

        // the order's own merchant is sent to the console's page of it, and its buyer away from the console
        mvc.perform(get("/orders/{id}", orderId).session(seller.session())).andExpect(redirectedUrl("/console/orders/" + orderId));
        mvc.perform(get("/console/orders/{id}", orderId).session(buyer.session())).andExpect(redirectedUrl("/orders/" + orderId));
        mvc.perform(get("/orders/{id}", orderId)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theMerchantShipsFromTheConsoleAndTheBuyerConfirmsReceipt() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(100_00);
        long orderId = paid(seller, buyer, 2);

        mvc.perform(get("/console/orders").session(seller.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"order-" + orderId + "\"")))
                .andExpect(content().string(containsString("id=\"tab-to-ship\"")))
                .andExpect(content().string(containsString("id=\"nav-console-orders\"")));
        mvc.perform(get("/console/orders/{id}", orderId).session(seller.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ship-form\"")))
                .andExpect(content().string(containsString("公司")))
                .andExpect(content().string(containsString("上海市徐汇区")));

        mvc.perform(post("/console/orders/{id}/shipment", orderId).session(seller.session()).with(csrf())
                        .param("carrier", "顺丰速运").param("trackingNumber", " "))
                .andExpect(redirectedUrl("/console/orders/" + orderId))
                .andExpect(flash().attribute("alert", containsString("运单号")));
        assertThat(orders.view(orderId, seller.caller()).status()).isEqualTo(OrderStatus.PAID);

        mvc.perform(post("/console/orders/{id}/shipment", orderId).session(seller.session()).with(csrf())
                        .param("carrier", "顺丰速运").param("trackingNumber", "SF1234567890"))
                .andExpect(redirectedUrl("/console/orders/" + orderId))
                .andExpect(flash().attributeExists("notice"));
        OrderView shipped = orders.view(orderId, seller.caller());
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.trackingNumber()).isEqualTo("SF1234567890");
        mvc.perform(get("/console/orders").session(seller.session()))
                .andExpect(content().string(not(containsString("id=\"order-" + orderId + "\""))));
        mvc.perform(get("/console/orders").param("tab", "all").session(seller.session()))
                .andExpect(content().string(containsString("id=\"order-" + orderId + "\"")));

        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("SF1234567890")))
                .andExpect(content().string(containsString("id=\"confirm-receipt\"")))
                .andExpect(content().string(containsString("商家发货")));
        mvc.perform(post("/orders/{id}/receipt", orderId).session(buyer.session()).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attributeExists("notice"));
        assertThat(orders.view(orderId, buyer.caller()).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void aMerchantOutOfStockCancelsAPaidOrderAndTheBuyerIsRefunded() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(100_00);
        long orderId = paid(seller, buyer, 1);

        mvc.perform(get("/console/orders/{id}", orderId).session(seller.session()))
                .andExpect(content().string(containsString("id=\"cancel-out-of-stock\"")))
                .andExpect(content().string(containsString("data-confirm=\"确定因缺货取消这个订单吗？买家会收到 ¥49.90 退款。\"")));
        mvc.perform(post("/console/orders/{id}/cancellation", orderId).session(seller.session()).with(csrf()).param("note", "仓库漏水"))
                .andExpect(redirectedUrl("/console/orders/" + orderId))
                .andExpect(flash().attributeExists("notice"));
        assertThat(orders.view(orderId, buyer.caller()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(100_00);
        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("商家缺货 · 仓库漏水")));
    }

    @Test
    void aRefundRequestIsRejectedEscalatedAndRuledFromThePages() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(100_00);
        long orderId = delivered(seller, buyer, 2);
        String ask = "/orders/" + orderId + "/refund-requests";

        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("id=\"refund-form\"")))
                .andExpect(content().string(containsString("value=\"99.80\"")));
        mvc.perform(post(ask).session(buyer.session()).with(csrf())
                        .param("kind", "REFUND_ONLY").param("amount", "12.345").param("reason", "").param("photoUrls", "not a url"))
                .andExpect(status().isOk())
                .andExpect(view().name("order/order"))
                .andExpect(model().attributeHasFieldErrors("refundForm", "amount", "reason", "photoUrls"))
                .andExpect(content().string(containsString("最多两位小数")));
        mvc.perform(post(ask).session(buyer.session()).with(csrf())
                        .param("kind", "REFUND_ONLY").param("amount", "12.5").param("reason", "DAMAGED_OR_SPOILED").param("text", "碎了"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("refundForm", "photoUrls"))
                .andExpect(content().string(containsString("请至少附上一张能看出问题的照片")))
                .andExpect(content().string(containsString("碎了")));
        mvc.perform(post(ask).session(buyer.session()).with(csrf())
                        .param("kind", "REFUND_ONLY").param("amount", "12.5").param("reason", "NO_REASON"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("refundForm", "reason"))
                .andExpect(content().string(containsString("收货后“仅退款”只适用于破损、变质、错发、漏发等问题；")));
        assertThat(orders.view(orderId, buyer.caller()).afterSales()).isEmpty();

        mvc.perform(post(ask).session(buyer.session()).with(csrf()).param("key", "form:" + orderId)
                        .param("kind", "REFUND_ONLY").param("amount", "12.5").param("reason", "DAMAGED_OR_SPOILED").param("text", "碎了两个")
                        .param("photoUrls", "https://img.example.com/broken-1.jpg\r\n\r\nhttps://img.example.com/broken-2.jpg"))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attributeExists("notice"));
        RefundView request = orders.view(orderId, buyer.caller()).afterSales().getFirst();
        assertThat(request.amount()).isEqualTo(1_250);
        assertThat(request.photoUrls()).containsExactly("https://img.example.com/broken-1.jpg", "https://img.example.com/broken-2.jpg");
        assertThat(request.status()).isEqualTo(RefundStatus.REQUESTED);

        String console = "/console/orders/" + orderId;
        mvc.perform(get("/console/orders").param("tab", "after-sales").session(seller.session()))
                .andExpect(content().string(containsString("id=\"order-" + orderId + "\"")))
                .andExpect(content().string(containsString("破损或变质")));
        mvc.perform(post(console + "/after-sales/{r}/rejection", request.id()).session(seller.session()).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl(console))
                .andExpect(flash().attribute("alert", containsString("理由")));
        mvc.perform(post(console + "/after-sales/{r}/rejection", request.id()).session(buyer.session()).with(csrf()).param("reason", "自己拒绝自己"))
                .andExpect(status().isForbidden());
        mvc.perform(post(console + "/after-sales/{r}/rejection", request.id()).session(seller.session()).with(csrf()).param("reason", "发货时完好，有视频"))
                .andExpect(redirectedUrl(console))
                .andExpect(flash().attributeExists("notice"));
        assertThat(afterSales.view(request.id(), buyer.caller()).status()).isEqualTo(RefundStatus.REJECTED);

        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("发货时完好，有视频")))
                .andExpect(content().string(containsString("id=\"escalate-" + request.id() + "\"")));
        mvc.perform(post("/orders/{id}/after-sales/{r}/escalation", orderId, request.id()).session(buyer.session()).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attributeExists("notice"));
        assertThat(afterSales.view(request.id(), buyer.caller()).status()).isEqualTo(RefundStatus.ESCALATED);
        mvc.perform(get("/console/orders").param("tab", "arbitration").session(seller.session()))
                .andExpect(content().string(containsString("id=\"order-" + orderId + "\"")));

        mvc.perform(get("/operator/arbitration").session(buyer.session())).andExpect(status().isForbidden());
        MockHttpSession operator = signIn("operator", "operator-test-password");
        mvc.perform(get("/operator/arbitration").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"case-" + request.id() + "\"")))
                .andExpect(content().string(containsString("发货时完好，有视频")))
                .andExpect(content().string(containsString("href=\"https://img.example.com/broken-2.jpg\"")))
                .andExpect(content().string(containsString("id=\"nav-arbitration\"")));
        mvc.perform(post("/operator/arbitration/{r}", request.id()).session(operator).with(csrf())
                        .param("outcome", "SPLIT").param("amount", "12.5").param("fault", "LOGISTICS"))
                .andExpect(redirectedUrl("/operator/arbitration"))
                .andExpect(flash().attribute("alert", containsString("¥12.50")));
        mvc.perform(post("/operator/arbitration/{r}", request.id()).session(operator).with(csrf())
                        .param("outcome", "SPLIT").param("amount", "5").param("fault", "LOGISTICS"))
                .andExpect(redirectedUrl("/operator/arbitration"))
                .andExpect(flash().attribute("notice", containsString("¥5.00")));
        RefundView ruled = afterSales.view(request.id(), buyer.caller());
        assertThat(ruled.status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(ruled.refunded()).isEqualTo(500);
        assertThat(ruled.ruling()).isEqualTo(new Ruling(Ruling.Outcome.SPLIT, 500L, Ruling.Fault.LOGISTICS, false));
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(100_00 - 2 * PRICE + 500);

        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("平台裁决")))
                .andExpect(content().string(containsString("部分退款 · 退给买家 ¥5.00 · 物流责任")))
                .andExpect(content().string(containsString("id=\"order-refunded\">¥5.00<")));
        mvc.perform(get("/operator/arbitration").session(operator))
                .andExpect(content().string(not(containsString("id=\"case-" + request.id() + "\""))));
    }

    @Test
    void aReturnTravelsBackThroughThePages() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(100_00);
        long orderId = delivered(seller, buyer, 1);
        RefundView request = afterSales.request(orderId, buyer.caller(),
                new NewRefundRequest(RefundKind.RETURN_AND_REFUND, PRICE, RefundReason.QUALITY, "有霉点", List.of("https://img.example.com/mould.jpg")));
        String console = "/console/orders/" + orderId;

        mvc.perform(get(console).session(seller.session()))
                .andExpect(content().string(containsString("id=\"approve-" + request.id() + "\"")))
                .andExpect(content().string(containsString("逾期自动同意")));
        mvc.perform(post(console + "/after-sales/{r}/approval", request.id()).session(seller.session()).with(csrf()))
                .andExpect(flash().attributeExists("notice"));
        assertThat(afterSales.view(request.id(), buyer.caller()).status()).isEqualTo(RefundStatus.AWAITING_RETURN);

        mvc.perform(post("/orders/{id}/after-sales/{r}/return-shipment", orderId, request.id()).session(buyer.session()).with(csrf())
                        .param("carrier", "中通快递").param("trackingNumber", "ZT42"))
                .andExpect(redirectedUrl("/orders/" + orderId))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/console/orders").param("tab", "after-sales").session(seller.session()))
                .andExpect(content().string(containsString("id=\"order-" + orderId + "\"")))
                .andExpect(content().string(containsString("退货已寄出")));
        mvc.perform(post(console + "/after-sales/{r}/return-receipt", request.id()).session(seller.session()).with(csrf()))
                .andExpect(flash().attributeExists("notice"));

        assertThat(afterSales.view(request.id(), buyer.caller()).status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(orders.view(orderId, buyer.caller()).status()).isEqualTo(OrderStatus.REFUNDED);
        mvc.perform(get("/orders/{id}", orderId).session(buyer.session()))
                .andExpect(content().string(containsString("中通快递 ZT42")))
                .andExpect(content().string(containsString("退款成功")))
                .andExpect(content().string(not(containsString("id=\"refund-form\""))));
    }

    @Test
    void theOrderPagesSpeakEnglishAndChinese() throws Exception {
        Seller seller = seller(20, 0);
        Buyer buyer = buyer(100_00);
        long orderId = paid(seller, buyer, 1);

        mvc.perform(get("/orders/{id}", orderId).param("lang", "en").session(buyer.session()))
                .andExpect(content().string(containsString("Order " + orderId)))
                .andExpect(content().string(containsString("What happened")))
                .andExpect(content().string(containsString(">Paid<")))
                .andExpect(content().string(containsString("from the wallet, held by the platform")))
                .andExpect(content().string(containsString("Ask for after-sales")))
                .andExpect(content().string(not(containsString("订单进度"))));
        mvc.perform(get("/orders/{id}", orderId).param("lang", "zh-CN").session(buyer.session()))
                .andExpect(content().string(containsString("订单 " + orderId)))
                .andExpect(content().string(containsString("订单进度")))
                .andExpect(content().string(containsString(">已付款<")))
                .andExpect(content().string(not(containsString("What happened"))));
        mvc.perform(get("/orders").param("lang", "en").session(buyer.session()))
                .andExpect(content().string(containsString("My orders")))
                .andExpect(content().string(containsString("Awaiting payment")));
        mvc.perform(get("/checkout").param("sku", Long.toString(seller.skuId())).param("lang", "en").session(buyer.session()))
                .andExpect(content().string(containsString("Confirm your order")))
                .andExpect(content().string(containsString("Submit order")));
        mvc.perform(get("/console/orders/{id}", orderId).param("lang", "en").session(seller.session()))
                .andExpect(content().string(containsString("Out of stock: cancel the order")))
                .andExpect(content().string(startsWith("<!DOCTYPE html>")));
        mvc.perform(get("/console/orders").param("lang", "en").session(seller.session()))
                .andExpect(content().string(containsString("To ship")));
        mvc.perform(get("/operator/arbitration").param("lang", "en").session(signIn("operator", "operator-test-password")))
                .andExpect(content().string(containsString("Arbitration")));
    }

    // --- the world each test stands on ---

    private record Seller(long id, MockHttpSession session, Caller caller, String shopName, long productId, long skuId) {
    }

    private record Buyer(long id, String handle, MockHttpSession session, Caller caller, long home, long office) {
    }

    /** A new merchant with a shop selling one SKU at {@link #PRICE} with {@code stock} units and the given shipping fee. */
    private Seller seller(long stock, long shippingFee) throws Exception {
        Account account = account("seller");
        Shop shop = shops.open(account.id(), "订单页小店 " + account.handle(), "");
        Caller caller = accounts.callerOf(account.id()).orElseThrow();
        ProductView product = products.create(shop.id(), caller, new NewProduct("灵宝苹果 " + account.handle(), "塬上的苹果", 1001L, null,
                new Origin("河南三门峡灵宝", null), 2_000L, 8_800L, shippingFee, true, null,
                List.of(new NewProduct.NewSku("五斤装", PRICE, stock))));
        return new Seller(account.id(), signIn(account.handle(), PASSWORD), caller, shop.name(), product.id(),
                product.skus().getFirst().id());
    }

    /** A buyer with a default home address, an office address and {@code fen} in the wallet. */
    private Buyer buyer(long fen) throws Exception {
        Buyer buyer = buyerWithoutAddress(fen);
        Address home = addresses.add(buyer.id(), new NewAddress("家里", "13800138000", "北京市朝阳区", "建国路 88 号", true));
        Address office = addresses.add(buyer.id(), new NewAddress("公司", "13900139000", "上海市徐汇区", "漕溪北路 1 号", false));
        return new Buyer(buyer.id(), buyer.handle(), buyer.session(), buyer.caller(), home.id(), office.id());
    }

    private Buyer buyerWithoutAddress(long fen) throws Exception {
        Account account = account("buyer");
        if (fen > 0) {
            ledger.topUp(account.id(), fen, "order-pages:" + account.id());
        }
        return new Buyer(account.id(), account.handle(), signIn(account.handle(), PASSWORD),
                accounts.callerOf(account.id()).orElseThrow(), 0, 0);
    }

    private long place(Seller seller, Buyer buyer, int quantity) {
        return orders.place(buyer.caller(), new NewOrder(List.of(new NewOrder.Line(seller.skuId(), quantity)), buyer.office(), null),
                ClientInfo.INTERNAL).id();
    }

    private long paid(Seller seller, Buyer buyer, int quantity) {
        long id = place(seller, buyer, quantity);
        orders.pay(id, buyer.caller());
        return id;
    }

    private long delivered(Seller seller, Buyer buyer, int quantity) {
        long id = paid(seller, buyer, quantity);
        orders.ship(id, seller.caller(), "顺丰速运", "SF42");
        orders.confirmReceipt(id, buyer.caller());
        return id;
    }

    private Account account(String prefix) {
        return accounts.signUp(new NewAccount(Api.unique(prefix), PASSWORD, null, null), ClientInfo.INTERNAL);
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static long orderIdOf(MvcResult redirect) {
        Matcher matcher = ORDER_URL.matcher(String.valueOf(redirect.getResponse().getRedirectedUrl()));
        assertThat(matcher.matches()).as("redirected to an order page: %s", redirect.getResponse().getRedirectedUrl()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
