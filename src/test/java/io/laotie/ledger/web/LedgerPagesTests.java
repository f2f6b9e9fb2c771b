package io.laotie.ledger.web;

import io.laotie.catalog.Shops;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.Funds;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

/** The wallet and the operator's ledger page, through the real security chain and a signed-in session. */
@LaotieTest
class LedgerPagesTests {

    private static final String PASSWORD = "wallet-password";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Shops shops;
    @Autowired Ledger ledger;
    @Autowired Funds funds;
    @Autowired Ids ids;
    @Autowired JdbcClient jdbc;

    @Test
    void theWalletShowsTheBalanceTheTopUpFormAndTheStatement() throws Exception {
        Person buyer = person("wallet");
        ledger.topUp(buyer.id(), 5_000, "test-top-up:" + buyer.id());

        mvc.perform(get("/wallet").session(buyer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我的钱包")))
                .andExpect(content().string(containsString("id=\"wallet-balance\">¥50.00<")))
                .andExpect(content().string(containsString("id=\"top-up\"")))
                .andExpect(content().string(containsString("+¥50.00")))
                .andExpect(content().string(containsString("id=\"nav-wallet\"")))
                .andExpect(content().string(not(containsString("id=\"withdraw\""))));
        mvc.perform(get("/wallet").param("lang", "en").session(buyer.session()))
                .andExpect(content().string(containsString("My wallet")))
                .andExpect(content().string(containsString("Top-up")));
        mvc.perform(get("/wallet")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theTopUpFormAddsExactFenAndExplainsMistakesWithoutChangingAnything() throws Exception {
        Person buyer = person("topper");

        mvc.perform(post("/wallet/top-ups").session(buyer.session()).with(csrf()).param("amount", "12.5"))
                .andExpect(redirectedUrl("/wallet"))
                .andExpect(flash().attribute("notice", containsString("¥12.50")));
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(1_250);

        for (String typo : new String[]{"abc", "1.234", "0", "-5", "", "2000000"}) {
            mvc.perform(post("/wallet/top-ups").session(buyer.session()).with(csrf()).param("amount", typo))
                    .andExpect(redirectedUrl("/wallet"))
                    .andExpect(flash().attribute("alert", containsString("最多两位小数")));
        }
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(1_250);
    }

    @Test
    void merchantsSeePendingAndAvailableMoneyAndWithdrawIt() throws Exception {
        Person merchant = person("seller");
        shops.open(merchant.id(), "钱包测试小店 " + merchant.id(), "");
        funds.available(merchant.id(), 10_000);

        mvc.perform(get("/wallet").session(merchant.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"merchant-available\">¥95.00<")))
                .andExpect(content().string(containsString("id=\"merchant-pending\">¥0.00<")))
                .andExpect(content().string(containsString("id=\"withdraw\"")));

        mvc.perform(post("/wallet/withdrawals").session(merchant.session()).with(csrf()).param("amount", "96"))
                .andExpect(redirectedUrl("/wallet?account=merchant-available"))
                .andExpect(flash().attribute("alert", containsString("¥95.00")));
        mvc.perform(post("/wallet/withdrawals").session(merchant.session()).with(csrf()).param("amount", "50"))
                .andExpect(flash().attribute("notice", containsString("¥50.00")));
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchant.id()))).isEqualTo(4_500);

        mvc.perform(get("/wallet").param("account", "merchant-available").session(merchant.session()))
                .andExpect(content().string(containsString("提现")))
                .andExpect(content().string(containsString("-¥50.00")))
                .andExpect(content().string(containsString("转为可提现")));

        Person buyer = person("not_seller");
        mvc.perform(post("/wallet/withdrawals").session(buyer.session()).with(csrf()).param("amount", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void longStatementsArePaged() throws Exception {
        Person buyer = person("pages");
        for (int i = 0; i < WalletPages.PAGE_SIZE + 3; i++) {
            ledger.topUp(buyer.id(), 100 + i, "test-top-up:" + buyer.id() + ":" + i);
        }
        mvc.perform(get("/wallet").session(buyer.session()))
                .andExpect(content().string(containsString("href=\"/wallet?page=1\"")))
                .andExpect(content().string(containsString("第 1 / 2 页")));
        MvcResult second = mvc.perform(get("/wallet").param("page", "1").session(buyer.session()))
                .andExpect(status().isOk()).andReturn();
        assertThat(second.getResponse().getContentAsString().split("<td class=\"num in\"", -1)).hasSize(4);
    }

    @Test
    void theLedgerPageIsForOperatorsAndListsWhatIsWrong() throws Exception {
        MockHttpSession operator = signIn("operator", "operator-test-password");
        mvc.perform(get("/operator/ledger").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ledger-balanced\"")))
                .andExpect(content().string(containsString("id=\"nav-ledger\"")));
        mvc.perform(get("/operator/ledger").session(person("curious").session())).andExpect(status().isForbidden());
        mvc.perform(get("/operator/ledger")).andExpect(redirectedUrl("/login"));

        long forged = ids.next();
        try {
            jdbc.sql("insert into ledger_transactions (id, kind, reference, order_id, memo, created_at) values (?, 'CREDIT', ?, null, 'forged', ?)")
                    .params(forged, "forged:" + forged, OffsetDateTime.now(ZoneOffset.UTC)).update();
            mvc.perform(get("/operator/ledger").session(operator))
                    .andExpect(content().string(containsString("id=\"ledger-unbalanced\"")))
                    .andExpect(content().string(containsString("交易没有分录")))
                    .andExpect(content().string(containsString(Long.toString(forged))));
        } finally {
            jdbc.sql("delete from ledger_transactions where id = ?").param(forged).update();
        }
    }

    @Test
    void operatorsCreditAWalletByHandle() throws Exception {
        MockHttpSession operator = signIn("operator", "operator-test-password");
        Person buyer = person("credited");

        mvc.perform(post("/operator/ledger/credits").session(operator).with(csrf()).param("handle", "@" + buyer.handle()).param("amount", "8.88"))
                .andExpect(redirectedUrl("/operator/ledger"))
                .andExpect(flash().attribute("notice", containsString("¥8.88")));
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(888);
        mvc.perform(post("/operator/ledger/credits").session(operator).with(csrf()).param("handle", "nobody_" + ids.next()).param("amount", "1"))
                .andExpect(flash().attributeExists("alert"));
        mvc.perform(post("/operator/ledger/credits").session(operator).with(csrf()).param("handle", buyer.handle()).param("amount", "1.001"))
                .andExpect(flash().attributeExists("alert"));
        mvc.perform(post("/operator/ledger/credits").session(buyer.session()).with(csrf()).param("handle", buyer.handle()).param("amount", "1"))
                .andExpect(status().isForbidden());
        assertThat(ledger.balance(AccountRef.wallet(buyer.id()))).isEqualTo(888);
    }

    private record Person(long id, String handle, MockHttpSession session) {
    }

    private Person person(String prefix) throws Exception {
        String handle = Api.unique(prefix);
        Account account = accounts.signUp(new NewAccount(handle, PASSWORD, null, null), ClientInfo.INTERNAL);
        return new Person(account.id(), handle, signIn(handle, PASSWORD));
    }

    private MockHttpSession signIn(String handle, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", handle).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
