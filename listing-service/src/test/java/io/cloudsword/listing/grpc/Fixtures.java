package io.cloudsword.listing.grpc;

import java.time.Duration;
import java.util.UUID;

import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.common.v1.StatementGround;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.ListingService;
import io.cloudsword.support.tokens.TestTokens;
import io.quarkus.grpc.GrpcClientUtils;

/** Listings, statements and callers the gRPC tests share. */
final class Fixtures {

    static final Duration WAIT = Duration.ofSeconds(30);

    private Fixtures() {
    }

    /** A fresh platform per test, so counts and searches see only the test's own listings. */
    static String platform() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An innocent listing: no brand, no counterfeit words, a normal price. */
    static ListingInput.Builder listing(String platform, String externalId) {
        return ListingInput.newBuilder().setPlatform(platform).setExternalId(externalId).setShopId("shop-1")
                .setSellerId("seller-1").setTitle("Running shoe").setDescription("Comfortable running shoe, size 42")
                .setPrice(Money.newBuilder().setAmountMinor(8999).setCurrency("EUR"))
                .setMarketCountry("DE").setShipsFromCountry("CN")
                .setUrl("https://" + platform + ".example/item/" + externalId);
    }

    static StatementOfReasons removal(String notice) {
        return StatementOfReasons.newBuilder().setId(UUID.randomUUID().toString())
                .setDecision(StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED)
                .setGround(StatementGround.STATEMENT_GROUND_ILLEGAL_CONTENT)
                .setLegalGround("Regulation (EU) 2017/1001 Art. 9(2)(a)")
                .setFactsAndCircumstances("The listing offers goods bearing a registered trade mark without consent.")
                .setNoticeId(notice).build();
    }

    static StatementOfReasons restoration(String notice) {
        return StatementOfReasons.newBuilder().setId(UUID.randomUUID().toString())
                .setDecision(StatementDecision.STATEMENT_DECISION_CONTENT_RESTORED)
                .setFactsAndCircumstances("The notifier filed no proof of legal action within the waiting period.")
                .setNoticeId(notice).build();
    }

    static ListingService as(ListingService anonymous, String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    static String partner(String platform) {
        return TestTokens.TOKENS.token("partner-" + platform).role("platform_partner").claim("platform_id", platform).sign();
    }
}
