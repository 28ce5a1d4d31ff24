package io.cloudsword.gateway.graphql;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.api.brand.v1.BatchGetGtinOwnersRequest;
import io.cloudsword.api.brand.v1.BatchMatchCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.BatchMatchCustomsRecordationsResponse;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandMention;
import io.cloudsword.api.brand.v1.CustomsLineQuery;
import io.cloudsword.api.brand.v1.GtinOwnerResult;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.ResolveBrandMentionsRequest;
import io.cloudsword.api.brand.v1.TextBrandMentions;
import io.cloudsword.api.brand.v1.TradeParty;
import io.cloudsword.api.verification.v1.BatchVerifyRequest;
import io.cloudsword.api.verification.v1.CodeVerificationResult;
import io.cloudsword.api.verification.v1.ScanChannel;
import io.cloudsword.api.verification.v1.ScanContext;
import io.cloudsword.api.verification.v1.VerifyRequest;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The customs check's fan-out: one call per kind for the whole declaration, whatever its number
 * of lines (the declaration is capped at 1,000 lines and 1,000 codes, the RPCs' own caps).
 *
 * <ol>
 * <li>in parallel: BatchGetGtinOwners (every distinct GTIN), ResolveBrandMentions (every distinct
 * declared brand text), BatchGetProductsByGtin (MSRPs), BatchVerify (every scanned code, as a
 * customs scan);</li>
 * <li>then, in parallel: BatchMatchCustomsRecordations (each line with its resolved declared
 * brand, GTIN and HS code, and the consignor: the recordations that cover it and whether the
 * consignor is one of their authorized distributors) and BatchGetBrands (names of the declared and
 * prefix-owning brands).</li>
 * </ol>
 * The consignor check is the recordations' authorized distributors, answered inside
 * BatchMatchCustomsRecordations: BatchIsAuthorizedSeller is about marketplace shops (platform and
 * shop id), which a customs declaration does not have. A kind with nothing to ask (no GTIN, no
 * code) is not called.
 */
@ApplicationScoped
public class CustomsCalls {

    private final BrandRegistryCalls registry;
    private final VerificationCalls verification;

    public CustomsCalls(BrandRegistryCalls registry, VerificationCalls verification) {
        this.registry = registry;
        this.verification = verification;
    }

    /** What the services said about a declaration (and the declaration as validated). */
    record Gathered(CustomsCheckInput.Checked declaration, Map<String, GtinOwnerResult> ownersByGtin14,
            Map<String, List<String>> brandIdsByText, Map<String, Product> productsByGtin14,
            List<CodeVerificationResult> codeResults, BatchMatchCustomsRecordationsResponse match,
            Map<String, Brand> brands) {
    }

    /**
     * {@code check} runs before any call: it checks the caller, validates the declaration and
     * returns it, or refuses by throwing an ApiError (then nothing is called and nothing scanned).
     */
    Uni<Gathered> gather(Function<Caller, CustomsCheckInput.Checked> check) {
        AtomicReference<CustomsCheckInput.Checked> checked = new AtomicReference<>();
        return registry.call(caller -> checked.set(check.apply(caller)), stub -> gather(checked.get()));
    }

    private Uni<Gathered> gather(CustomsCheckInput.Checked d) {
        List<String> gtins = d.lines().stream().map(CustomsCheckInput.Line::gtin14).filter(g -> g != null).distinct()
                .toList();
        List<String> texts = d.lines().stream().map(CustomsCheckInput.Line::declaredBrand).filter(t -> !t.isEmpty())
                .distinct().toList();
        List<String> codes = d.lines().stream().flatMap(l -> l.codes().stream()).toList();

        Uni<Map<String, GtinOwnerResult>> owners = gtins.isEmpty() ? Uni.createFrom().item(Map.of())
                : registry.stub().batchGetGtinOwners(BatchGetGtinOwnersRequest.newBuilder().addAllGtins(gtins).build())
                        .map(r -> {
                            Map<String, GtinOwnerResult> byGtin = new HashMap<>();
                            // answered per GTIN in request order
                            for (int i = 0; i < Math.min(gtins.size(), r.getResultsCount()); i++) {
                                byGtin.put(gtins.get(i), r.getResults(i));
                            }
                            return byGtin;
                        });
        Uni<Map<String, List<String>>> mentions = texts.isEmpty() ? Uni.createFrom().item(Map.of())
                : registry.stub().resolveBrandMentions(ResolveBrandMentionsRequest.newBuilder().addAllTexts(texts)
                        .build()).map(r -> {
                            Map<String, List<String>> byText = new HashMap<>();
                            for (TextBrandMentions t : r.getResultsList()) {
                                if (t.getIndex() >= 0 && t.getIndex() < texts.size()) {
                                    byText.put(texts.get(t.getIndex()), t.getMentionsList().stream()
                                            .map(BrandMention::getBrandId).distinct().toList());
                                }
                            }
                            return byText;
                        });
        Uni<Map<String, Product>> products = registry.productsByGtin(gtins);
        Uni<List<CodeVerificationResult>> verified = codes.isEmpty() ? Uni.createFrom().item(List.of())
                : verification.stub().batchVerify(verifyRequest(codes, d.territory()))
                        .map(r -> r.getResultsList());

        return Uni.combine().all().unis(owners, mentions, products, verified).asTuple().flatMap(t -> {
            Map<String, List<String>> brandIdsByText = t.getItem2();
            Set<String> brandIds = new LinkedHashSet<>();
            t.getItem1().values().stream().filter(GtinOwnerResult::getFound).forEach(o -> brandIds.add(o.getBrandId()));
            brandIdsByText.values().forEach(brandIds::addAll);
            Uni<BatchMatchCustomsRecordationsResponse> match = registry.stub()
                    .batchMatchCustomsRecordations(matchRequest(d, brandIdsByText));
            Uni<Map<String, Brand>> brands = registry.brandsById(brandIds);
            return Uni.combine().all().unis(match, brands).asTuple().map(m -> new Gathered(d, t.getItem1(),
                    brandIdsByText, t.getItem3(), t.getItem4(), m.getItem1(), m.getItem2()));
        }).onFailure().transform(GrpcFailures::toApiError);
    }

    /** Codes are scanned at the office: channel CUSTOMS, in the office's country when it is one. */
    private static BatchVerifyRequest verifyRequest(List<String> codes, String territory) {
        ScanContext.Builder context = ScanContext.newBuilder().setChannel(ScanChannel.SCAN_CHANNEL_CUSTOMS);
        if (!"EU".equals(territory)) {
            context.setCountry(territory);
        }
        BatchVerifyRequest.Builder request = BatchVerifyRequest.newBuilder();
        codes.forEach(c -> request.addRequests(VerifyRequest.newBuilder().setCode(c).setContext(context)));
        return request.build();
    }

    private static BatchMatchCustomsRecordationsRequest matchRequest(CustomsCheckInput.Checked d,
            Map<String, List<String>> brandIdsByText) {
        BatchMatchCustomsRecordationsRequest.Builder request = BatchMatchCustomsRecordationsRequest.newBuilder()
                .setAuthority(d.authority()).setTerritory(d.territory()).setOnDate(Times.toProto(d.date()))
                .setConsignor(TradeParty.newBuilder().setName(d.consignorName()).setCountry(d.consignorCountry())
                        .setIdentifier(d.consignorIdentifier()));
        for (CustomsCheckInput.Line l : d.lines()) {
            // the line query takes one brand: the first the declared text names (the GTIN's prefix
            // owner is matched by the service from the GTIN itself)
            List<String> declared = brandIdsByText.getOrDefault(l.declaredBrand(), List.of());
            request.addLines(CustomsLineQuery.newBuilder().setBrandId(declared.isEmpty() ? "" : declared.get(0))
                    .setGtin(l.gtin14() == null ? "" : l.gtin14()).setHsCode(l.hsCode()));
        }
        return request.build();
    }
}
