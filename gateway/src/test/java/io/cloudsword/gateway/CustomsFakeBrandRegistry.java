package io.cloudsword.gateway;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.cloudsword.api.brand.v1.BatchGetGtinOwnersRequest;
import io.cloudsword.api.brand.v1.BatchGetGtinOwnersResponse;
import io.cloudsword.api.brand.v1.BatchMatchCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.BatchMatchCustomsRecordationsResponse;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandMention;
import io.cloudsword.api.brand.v1.CustomsLineMatch;
import io.cloudsword.api.brand.v1.CustomsLineQuery;
import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.GtinOwnerResult;
import io.cloudsword.api.brand.v1.ResolveBrandMentionsRequest;
import io.cloudsword.api.brand.v1.ResolveBrandMentionsResponse;
import io.cloudsword.api.brand.v1.TextBrandMentions;
import io.cloudsword.api.brand.v1.TradeParty;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * FakeBrandRegistry plus the three RPCs the customs check needs (BatchGetGtinOwners,
 * ResolveBrandMentions, BatchMatchCustomsRecordations), answering as brand_registry.proto says
 * from the fake's brands and products and the recordations a test puts in {@link #RECORDATIONS}.
 * Calls are counted in FakeBrandRegistry.METHOD_CALLS like every other RPC of the fake.
 */
public class CustomsFakeBrandRegistry implements QuarkusTestResourceLifecycleManager {

    static final Map<String, CustomsRecordation> RECORDATIONS = new ConcurrentHashMap<>();

    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new Service(), new FakeBrandRegistry.Recorder(),
                            new FakeCallers()))
                    .build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("cloudsword.brand-registry.host", "localhost",
                "cloudsword.brand-registry.port", Integer.toString(server.getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    /** Longest matching GS1 company prefix over digits 2–13 of the GTIN-14; null when none. */
    static Brand prefixOwner(String gtin14) {
        String digits = gtin14.substring(1);
        Brand best = null;
        int bestLength = 0;
        for (Brand b : FakeBrandRegistry.BRANDS.values()) {
            for (String p : b.getGs1CompanyPrefixesList()) {
                if (digits.startsWith(p) && p.length() > bestLength) {
                    best = b;
                    bestLength = p.length();
                }
            }
        }
        return best;
    }

    static String matchedPrefix(Brand brand, String gtin14) {
        return brand.getGs1CompanyPrefixesList().stream().filter(gtin14.substring(1)::startsWith)
                .max((a, b) -> a.length() - b.length()).orElse("");
    }

    private static LocalDate date(CalendarDate d) {
        return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    private static String key(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    static class Service extends FakeBrandRegistry.Service {

        @Override
        public void batchGetGtinOwners(BatchGetGtinOwnersRequest request,
                StreamObserver<BatchGetGtinOwnersResponse> response) {
            BatchGetGtinOwnersResponse.Builder answer = BatchGetGtinOwnersResponse.newBuilder();
            for (int i = 0; i < request.getGtinsCount(); i++) {
                String gtin = request.getGtins(i);
                String gtin14 = FakeBrandRegistry.toGtin14(gtin);
                GtinOwnerResult.Builder result = GtinOwnerResult.newBuilder().setGtin(gtin);
                if (gtin14 == null) {
                    result.setError(ItemError.newBuilder().setCode(Status.Code.INVALID_ARGUMENT.value())
                            .setDetail(ErrorDetail.newBuilder().setField("gtins[" + i + "]").setReason("INVALID_GTIN")
                                    .setMessage("not a GTIN")));
                } else {
                    result.setGtin14(gtin14);
                    Brand owner = prefixOwner(gtin14);
                    if (owner != null) {
                        var product = FakeBrandRegistry.PRODUCTS.get(gtin14);
                        result.setFound(true).setBrandId(owner.getId()).setOwnerId(owner.getOwnerId())
                                .setMatchedPrefix(matchedPrefix(owner, gtin14))
                                .setRegisteredProduct(product != null && product.getBrandId().equals(owner.getId()));
                    }
                }
                answer.addResults(result);
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        /** Case-insensitive whole-word matches of brand names and aliases (the real service folds more). */
        @Override
        public void resolveBrandMentions(ResolveBrandMentionsRequest request,
                StreamObserver<ResolveBrandMentionsResponse> response) {
            ResolveBrandMentionsResponse.Builder answer = ResolveBrandMentionsResponse.newBuilder();
            for (int i = 0; i < request.getTextsCount(); i++) {
                String text = request.getTexts(i);
                TextBrandMentions.Builder mentions = TextBrandMentions.newBuilder().setIndex(i);
                for (Brand b : FakeBrandRegistry.BRANDS.values()) {
                    List<String> names = new ArrayList<>(b.getAliasesList());
                    names.add(0, b.getName());
                    for (String name : names) {
                        var m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
                        if (m.find()) {
                            mentions.addMentions(BrandMention.newBuilder().setBrandId(b.getId()).setMatchedName(name)
                                    .setStart(m.start()).setEnd(m.end()).setMatchedText(m.group()));
                            break;
                        }
                    }
                }
                answer.addResults(mentions);
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void batchMatchCustomsRecordations(BatchMatchCustomsRecordationsRequest request,
                StreamObserver<BatchMatchCustomsRecordationsResponse> response) {
            String groups = FakeCallers.claim("groups");
            boolean admin = groups != null && groups.contains("\"admin\"");
            String authority = String.valueOf(FakeCallers.claim("customs_authority")).replace("\"", "");
            if (!admin && (groups == null || !groups.contains("\"customs\"")
                    || !request.getAuthority().name().endsWith(authority))) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.PERMISSION_DENIED, "authority", "NOT_OWNER",
                        "Customs officers match recordations of their own authority only"));
                return;
            }
            if (request.getLinesCount() > 1000) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "lines", "TOO_MANY_ITEMS",
                        "At most 1,000 lines"));
                return;
            }
            LocalDate day = date(request.getOnDate());
            String territory = request.getTerritory();
            Map<String, CustomsRecordation> referenced = new LinkedHashMap<>();
            BatchMatchCustomsRecordationsResponse.Builder answer = BatchMatchCustomsRecordationsResponse.newBuilder();
            for (int i = 0; i < request.getLinesCount(); i++) {
                CustomsLineQuery line = request.getLines(i);
                String gtin14 = line.getGtin().isEmpty() ? null : FakeBrandRegistry.toGtin14(line.getGtin());
                Brand owner = gtin14 == null ? null : prefixOwner(gtin14);
                CustomsLineMatch.Builder match = CustomsLineMatch.newBuilder().setIndex(i);
                for (CustomsRecordation r : RECORDATIONS.values().stream()
                        .sorted((a, b) -> a.getId().compareTo(b.getId())).toList()) {
                    boolean inForce = r.getAuthority() == request.getAuthority()
                            && !date(r.getValidFrom()).isAfter(day) && !date(r.getValidUntil()).isBefore(day)
                            && (r.getTerritoriesList().contains(territory) || r.getTerritoriesList().contains("EU")
                                    || "EU".equals(territory));
                    boolean listsGtin = gtin14 != null && r.getAuthenticGtinsList().contains(gtin14);
                    boolean coversBrand = (!line.getBrandId().isEmpty() && r.getBrandIdsList().contains(line.getBrandId()))
                            || (owner != null && r.getBrandIdsList().contains(owner.getId()));
                    boolean hs = line.getHsCode().isEmpty() || r.getHsCodesList().stream()
                            .anyMatch(c -> c.startsWith(line.getHsCode()) || line.getHsCode().startsWith(c));
                    if (!inForce || !(listsGtin || coversBrand) || !hs) {
                        continue;
                    }
                    match.addRecordationIds(r.getId());
                    referenced.put(r.getId(), r);
                    if (listsGtin) {
                        match.setGtinListedAsAuthentic(true);
                    }
                    if (isDistributor(r.getAuthorizedDistributorsList(), request.getConsignor())) {
                        match.setConsignorAuthorized(true);
                    }
                }
                answer.addMatches(match);
            }
            answer.addAllRecordations(referenced.values());
            response.onNext(answer.build());
            response.onCompleted();
        }

        private static boolean isDistributor(List<TradeParty> distributors, TradeParty consignor) {
            for (TradeParty d : distributors) {
                if (!key(consignor.getIdentifier()).isEmpty() && !key(d.getIdentifier()).isEmpty()) {
                    if (key(consignor.getIdentifier()).equals(key(d.getIdentifier()))) {
                        return true;
                    }
                } else if (!key(consignor.getName()).isEmpty() && key(consignor.getName()).equals(key(d.getName()))) {
                    return true;
                }
            }
            return false;
        }
    }
}
