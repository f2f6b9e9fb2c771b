package io.laotie.trust;

import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.ledger.LedgerCheck;
import io.laotie.order.OrderDeadlines;
import io.laotie.order.OrderFixture;
import io.laotie.platform.PlatformClock;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.Funds;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.laotie.order.OrderFixture.refund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust guarantees (信任购) end to end through the HTTP API, with the ledger checked to the fen. Scores are another
 * part of the trust module: here a shop's experience score arrives the way that part announces it, as an
 * {@link ExperienceChanged} published after a commit through the application's event publisher
 * ({@link ExperienceNews}).
 */
@LaotieTest
class GuaranteeTests {

    static final List<String> PHOTO = List.of("https://img.example.com/fake.jpg");
    static final long PRICE = 5_000;
    static final long RETURN_SHIPPING = 1_000;

    @Autowired Api api;
    @Autowired Ledger ledger;
    @Autowired Funds funds;
    @Autowired PlatformClock clock;
    @Autowired OrderDeadlines deadlines;
    @Autowired AbstractApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired ExperienceNews news;

    final List<Object> heard = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && (payload.getPayload() instanceof TrustGuaranteeGranted || payload.getPayload() instanceof TrustGuaranteeRevoked)) {
            heard.add(payload.getPayload());
        }
    };

    OrderFixture shop;
    User buyer;
    long merchantId;

    @BeforeEach
    void world() {
        context.addApplicationListener(recorder);
        shop = new OrderFixture(api, PRICE, 30, true);
        buyer = shop.buyer(1_000);
        merchantId = Long.parseLong(shop.merchant.user().id());
    }

    @AfterEach
    void quiet() {
        context.removeApplicationListener(recorder);
    }

    @Test
    void aGuaranteedShopsReturnIsRefundedAsSoonAsItIsShippedWithItsShippingPaid() {
        guarantee(shop, "4.7");
        String order = shop.delivered(buyer, 2);
        var asked = ask(order, refund("RETURN_AND_REFUND", 10_000, "QUALITY", PHOTO));
        assertThat(asked.text("status")).as("the merchant keeps their say on a return").isEqualTo("REQUESTED");
        assertThat(asked.body().path("cover").path("refundOnReturnShipment").asBoolean()).isTrue();
        assertThat(asked.body().path("cover").path("returnShipping").asLong()).isEqualTo(RETURN_SHIPPING);
        String refundId = asked.id();
        assertThat(act(refundId, "approval", shop.merchant.user(), null).text("status")).isEqualTo("AWAITING_RETURN");
        long subsidy = subsidy();

        var shipped = act(refundId, "return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT100"));
        assertThat(shipped.text("status")).isEqualTo("RETURN_SHIPPED");
        assertThat(shipped.body().path("advanced").asLong()).isEqualTo(10_000);
        assertThat(shipped.body().path("returnShippingPaid").asLong()).isEqualTo(RETURN_SHIPPING);
        assertThat(shop.wallet(buyer)).as("refund and shipping in the wallet before the merchant has the goods")
                .isEqualTo(100_000 - 10_000 + 10_000 + RETURN_SHIPPING);
        assertThat(subsidy() - subsidy).isEqualTo(-10_000 - RETURN_SHIPPING);
        assertThat(ledger.heldInEscrow(Long.parseLong(order))).as("escrow waits for the merchant").isEqualTo(10_000);
        assertBalanced();

        var received = act(refundId, "return-receipt", shop.merchant.user(), null);
        assertThat(received.text("status")).isEqualTo("REFUNDED");
        assertThat(shop.order(order, buyer).path("status").asString()).isEqualTo("REFUNDED");
        assertThat(shop.wallet(buyer)).as("never paid twice").isEqualTo(100_000 + RETURN_SHIPPING);
        assertThat(subsidy() - subsidy).as("escrow repaid the advance; the shipping is the platform's").isEqualTo(-RETURN_SHIPPING);
        assertThat(ledger.heldInEscrow(Long.parseLong(order))).isZero();
        assertThat(merchantMoney()).isZero();
        assertBalanced();
    }

    @Test
    void aMerchantStillDisputesAnAdvancedReturnAndTheRulingDecidesWhatEscrowRepays() {
        guarantee(shop, "4.8");
        String order = shop.delivered(buyer, 2);
        String refundId = ask(order, refund("RETURN_AND_REFUND", 10_000, "NOT_AS_DESCRIBED", PHOTO)).id();
        act(refundId, "approval", shop.merchant.user(), null);
        long subsidy = subsidy();
        act(refundId, "return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT200"));

        var rejected = act(refundId, "rejection", shop.merchant.user(), Map.of("reason", "寄回的是空盒子"));
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(act(refundId, "escalation", buyer, null).text("status")).isEqualTo("ESCALATED");
        var ruled = act(refundId, "arbitration", api.operator(),
                Map.of("outcome", "SPLIT", "amount", 4_000, "fault", "BUYER", "counterfeit", false));
        assertThat(ruled.text("status")).isEqualTo("REFUNDED");
        assertThat(ruled.body().path("refunded").asLong()).isEqualTo(4_000);
        assertThat(shop.wallet(buyer)).as("the platform does not take back its advance from the buyer")
                .isEqualTo(100_000 + RETURN_SHIPPING);
        assertThat(subsidy() - subsidy).as("escrow repays only what the ruling gives back")
                .isEqualTo(-10_000 - RETURN_SHIPPING + 4_000);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        deadlines.runDue();
        assertThat(shop.order(order, buyer).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(merchantMoney()).as("the merchant is settled the 6,000 fen kept, less the 5%% fee").isEqualTo(5_700);
        assertBalanced();
    }

    @Test
    void anAdvanceLeftWithTheBuyerByARejectionIsNotRefundableAgain() {
        guarantee(shop, "4.8");
        String order = shop.delivered(buyer, 2);
        String refundId = ask(order, refund("RETURN_AND_REFUND", 6_000, "QUALITY", PHOTO)).id();
        act(refundId, "approval", shop.merchant.user(), null);
        act(refundId, "return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT300"));
        act(refundId, "rejection", shop.merchant.user(), Map.of("reason", "寄回的是空盒子"));
        long subsidy = subsidy();
        long wallet = shop.wallet(buyer);

        var again = api.post("/api/orders/" + order + "/refund-requests", buyer, refund("RETURN_AND_REFUND", 4_001, "QUALITY", PHOTO));
        assertThat(again.status()).as("the 6,000 fen advanced are the buyer's already: %s", again.body()).isEqualTo(422);
        assertThat(again.body().toString()).contains("4000");
        assertThat(shop.wallet(buyer)).isEqualTo(wallet);
        assertThat(subsidy()).isEqualTo(subsidy);

        String rest = ask(order, refund("RETURN_AND_REFUND", 4_000, "QUALITY", PHOTO)).id();
        act(rest, "approval", shop.merchant.user(), null);
        act(rest, "return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT301"));
        act(rest, "return-receipt", shop.merchant.user(), null);
        assertThat(shop.wallet(buyer)).as("the order's 10,000 fen back once, and two return shippings")
                .isEqualTo(100_000 + 2 * RETURN_SHIPPING);
        assertThat(subsidy() - subsidy).as("the second advance repaid by escrow; the platform keeps the first one's loss only")
                .isEqualTo(-RETURN_SHIPPING);
        var none = api.post("/api/orders/" + order + "/refund-requests", buyer, refund("RETURN_AND_REFUND", 1, "QUALITY", PHOTO));
        assertThat(none.status()).as("nothing is left: %s", none.body()).isEqualTo(422);
        assertBalanced();
    }

    @Test
    void goodsRuledCounterfeitAreCompensatedThreeTimesAtOnceAndRecoveredFromTheMerchant() {
        guarantee(shop, "4.6");
        funds.available(merchantId, 20_000);
        assertThat(funds.available(merchantId, 20_000)).isEqualTo(38_000);
        String order = shop.delivered(buyer, 2);
        String refundId = escalated(order, 10_000);
        long subsidy = subsidy();

        var ruled = act(refundId, "arbitration", api.operator(),
                Map.of("outcome", "BUYER", "fault", "MERCHANT", "counterfeit", true));
        assertThat(ruled.text("status")).isEqualTo("REFUNDED");
        assertThat(ruled.body().path("compensated").asLong()).isEqualTo(30_000);
        assertThat(ruled.body().path("recovered").asLong()).isEqualTo(30_000);
        assertThat(shop.wallet(buyer)).as("the price back and three times it on top")
                .isEqualTo(100_000 - 10_000 + 10_000 + 30_000);
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchantId))).isEqualTo(38_000 - 30_000);
        assertThat(subsidy() - subsidy).as("paid out and taken back").isZero();
        assertBalanced();
    }

    @Test
    void compensationIsRecoveredOnlyAsFarAsTheMerchantsMoneyReachesAndOnlyForTheMerchantsFault() {
        guarantee(shop, "4.6");
        assertThat(funds.available(merchantId, 10_000)).isEqualTo(9_500);
        String first = shop.delivered(buyer, 1);
        String firstRefund = escalated(first, 5_000);
        long subsidy = subsidy();
        var ruled = act(firstRefund, "arbitration", api.operator(), Map.of("outcome", "BUYER", "fault", "MERCHANT", "counterfeit", true));
        assertThat(ruled.body().path("compensated").asLong()).isEqualTo(15_000);
        assertThat(ruled.body().path("recovered").asLong()).isEqualTo(9_500);
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchantId))).isZero();
        assertThat(subsidy() - subsidy).as("the rest is the platform's loss").isEqualTo(-15_000 + 9_500);

        funds.available(merchantId, 10_000);
        String second = shop.delivered(buyer, 1);
        String secondRefund = escalated(second, 5_000);
        var logistics = act(secondRefund, "arbitration", api.operator(), Map.of("outcome", "BUYER", "fault", "LOGISTICS", "counterfeit", true));
        assertThat(logistics.body().path("compensated").asLong()).isEqualTo(15_000);
        assertThat(logistics.body().path("recovered").asLong()).as("swapped in transit: not the merchant's to pay").isZero();
        assertThat(ledger.balance(AccountRef.merchantAvailable(merchantId))).isEqualTo(9_500);
        assertThat(shop.wallet(buyer)).isEqualTo(100_000 + 15_000 + 15_000);
        assertBalanced();
    }

    @Test
    void aShopWithoutTheGuaranteesFollowsTheNormalFlow() {
        String order = shop.delivered(buyer, 2);
        var asked = ask(order, refund("RETURN_AND_REFUND", 10_000, "QUALITY", PHOTO));
        assertThat(asked.body().path("cover").path("refundOnReturnShipment").asBoolean()).isFalse();
        String refundId = asked.id();
        act(refundId, "approval", shop.merchant.user(), null);
        long subsidy = subsidy();
        var shipped = act(refundId, "return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT300"));
        assertThat(shipped.body().path("advanced").asLong()).isZero();
        assertThat(shop.wallet(buyer)).as("the money waits for the merchant").isEqualTo(100_000 - 10_000);
        act(refundId, "return-receipt", shop.merchant.user(), null);
        assertThat(shop.wallet(buyer)).isEqualTo(100_000);

        String fake = shop.delivered(buyer, 1);
        var ruled = act(escalated(fake, 5_000), "arbitration", api.operator(), Map.of("outcome", "BUYER", "fault", "MERCHANT", "counterfeit", true));
        assertThat(ruled.body().path("compensated").asLong()).isZero();
        assertThat(shop.wallet(buyer)).isEqualTo(100_000);
        assertThat(subsidy()).as("the platform paid nothing").isEqualTo(subsidy);
        assertBalanced();
    }

    @Test
    void aRevokedShopsNewRequestsFollowTheNormalFlowWhileEarlierOnesKeepTheirCover() {
        guarantee(shop, "4.9");
        String covered = shop.delivered(buyer, 1);
        String coveredRefund = ask(covered, refund("RETURN_AND_REFUND", 5_000, "QUALITY", PHOTO)).id();
        act(coveredRefund, "approval", shop.merchant.user(), null);

        experience(shop, "4.3", ScoreLabel.GOOD);
        Eventually.until("the guarantees are revoked", () -> !guarantees(shop).path("guaranteed").asBoolean());
        String plain = shop.delivered(buyer, 1);
        var asked = ask(plain, refund("RETURN_AND_REFUND", 5_000, "QUALITY", PHOTO));
        assertThat(asked.body().path("cover").path("refundOnReturnShipment").asBoolean()).isFalse();
        act(asked.id(), "approval", shop.merchant.user(), null);
        act(asked.id(), "return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT400"));
        assertThat(shop.wallet(buyer)).isEqualTo(100_000 - 10_000);

        var shipped = act(coveredRefund, "return-shipment", buyer, Map.of("carrier", "中通", "trackingNumber", "ZT401"));
        assertThat(shipped.body().path("advanced").asLong()).as("a promise made is kept").isEqualTo(5_000);
        assertThat(shop.wallet(buyer)).isEqualTo(100_000 - 10_000 + 5_000 + RETURN_SHIPPING);
        assertBalanced();
    }

    @Test
    void theExperienceScoreGrantsAndRevokesTheGuaranteesWithEventsAndHistory() {
        long shopId = Long.parseLong(shop.merchant.shopId());
        JsonNode none = guarantees(shop);
        assertThat(none.path("guaranteed").asBoolean()).isFalse();
        assertThat(none.path("guarantees").size()).isZero();
        assertThat(none.path("badge").asString()).isEqualTo("信任购");

        experience(shop, "4.9", ScoreLabel.NEW);
        Eventually.until("the score is heard", () -> scoresHeard(shopId) == 1);
        assertThat(guarantees(shop).path("guaranteed").asBoolean()).as("NEW has too little data to say anything").isFalse();
        experience(shop, "4.4", ScoreLabel.GOOD);
        Eventually.until("the score is heard", () -> scoresHeard(shopId) == 2);
        assertThat(guarantees(shop).path("guaranteed").asBoolean()).as("4.4 is below 4.5").isFalse();

        Instant grantedAt = experience(shop, "4.5", ScoreLabel.EXCELLENT);
        Eventually.until("the guarantees are granted", () -> guarantees(shop).path("guaranteed").asBoolean());
        JsonNode held = guarantees(shop);
        assertThat(Instant.parse(held.path("since").asString())).isEqualTo(grantedAt);
        assertThat(held.path("guarantees").findValuesAsString("code"))
                .containsExactly("REFUND_ON_RETURN_SHIPMENT", "RETURN_SHIPPING", "COUNTERFEIT_COMPENSATION");
        assertThat(held.path("guarantees").findValuesAsString("name")).containsExactly("极速退款", "退货包运费", "假一赔三");
        assertThat(held.path("guarantees").get(1).path("explanation").asString()).contains("¥10.00");
        Eventually.until("the grant is announced", () -> heard.contains(new TrustGuaranteeGranted(shopId, grantedAt)));

        experience(shop, "1.0", ScoreLabel.POOR, grantedAt.minusSeconds(60));
        experience(shop, "4.6", ScoreLabel.EXCELLENT);
        Eventually.until("the later scores are heard", () -> scoresHeard(shopId) == 5);
        assertThat(guarantees(shop).path("guaranteed").asBoolean()).as("an older score changes nothing").isTrue();

        Instant revokedAt = experience(shop, "4.4", ScoreLabel.GOOD);
        Eventually.until("the guarantees are revoked", () -> !guarantees(shop).path("guaranteed").asBoolean());
        Eventually.until("the revocation is announced", () -> heard.contains(new TrustGuaranteeRevoked(shopId, revokedAt)));
        JsonNode revoked = guarantees(shop);
        assertThat(revoked.path("guarantees").size()).isZero();
        assertThat(revoked.path("history").findValuesAsString("kind")).containsExactly("GRANTED", "REVOKED");
        assertThat(revoked.path("history").findValuesAsString("score")).containsExactly("4.5", "4.4");
        assertThat(heard.stream().filter(e -> e instanceof TrustGuaranteeGranted g && g.shopId() == shopId)).hasSize(1);

        JsonNode english = api.get("/api/shops/" + shop.merchant.shopId() + "/guarantees?lang=en", null).body();
        assertThat(english.path("badge").asString()).isEqualTo("Trust guarantee");
        assertThat(api.get("/api/shops/987654321/guarantees", null).status()).isEqualTo(404);
    }

    // --- helpers

    private void guarantee(OrderFixture shop, String score) {
        news.guarantee(shop.merchant.shopId(), score);
    }

    private Instant experience(OrderFixture shop, String score, ScoreLabel label) {
        return news.announce(shop.merchant.shopId(), score, label);
    }

    private Instant experience(OrderFixture shop, String score, ScoreLabel label, Instant at) {
        return news.announce(shop.merchant.shopId(), score, label, at);
    }

    /** How many experience scores of the shop the guarantees' listener has finished with (kept or ignored). */
    private int scoresHeard(long shopId) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where completion_date is not null and listener_id like '%GuaranteeGrants%' and serialized_event like ?""")
                .param("%\"shopId\":" + shopId + ",%").query(Integer.class).single();
    }

    private JsonNode guarantees(OrderFixture shop) {
        return api.get("/api/shops/" + shop.merchant.shopId() + "/guarantees", null).body();
    }

    private Api.Response ask(String orderId, Map<String, Object> request) {
        var asked = api.post("/api/orders/" + orderId + "/refund-requests", buyer, request);
        assertThat(asked.status()).as("request: %s", asked.body()).isEqualTo(201);
        return asked;
    }

    private Api.Response act(String refundId, String step, User as, Object body) {
        var answer = api.post("/api/refund-requests/" + refundId + "/" + step, as, body);
        assertThat(answer.status()).as("%s: %s", step, answer.body()).isEqualTo(200);
        return answer;
    }

    /** A refund-only request for goods the buyer says are fake, rejected by the merchant and escalated. */
    private String escalated(String orderId, long amount) {
        String refundId = ask(orderId, refund("REFUND_ONLY", amount, "COUNTERFEIT", PHOTO)).id();
        act(refundId, "rejection", shop.merchant.user(), Map.of("reason", "正品"));
        act(refundId, "escalation", buyer, null);
        return refundId;
    }

    private long subsidy() {
        return ledger.balance(AccountRef.platformSubsidy());
    }

    private long merchantMoney() {
        return ledger.balance(AccountRef.merchantPending(merchantId)) + ledger.balance(AccountRef.merchantAvailable(merchantId));
    }

    /**
     * The whole ledger passes its audit. Other tests' orders completed by a moved clock are settled and released on
     * the scheduler meanwhile, and on H2 the audit's repeatable read may see a release half committed across tables;
     * so the check is repeated until it passes, which a real imbalance never does.
     */
    private void assertBalanced() {
        List<LedgerCheck> checks = new CopyOnWriteArrayList<>();
        try {
            Eventually.until("the ledger balances", () -> {
                checks.add(ledger.check());
                return checks.getLast().balanced();
            });
        } catch (AssertionError unbalanced) {
            assertThat(checks.getLast().problems()).isEmpty();
        }
        assertThat(checks.getLast().problems()).isEmpty();
    }
}
