package io.cloudsword.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.BatchListBrandProductsRequest;
import io.cloudsword.api.brand.v1.BatchListBrandProductsResponse;
import io.cloudsword.api.brand.v1.BatchListBrandTrademarksRequest;
import io.cloudsword.api.brand.v1.BatchListBrandTrademarksResponse;
import io.cloudsword.api.brand.v1.BrandProducts;
import io.cloudsword.api.brand.v1.BrandTrademarks;
import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.BatchGetBrandsResponse;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinResponse;
import io.cloudsword.api.brand.v1.BatchGetRightsOwnersRequest;
import io.cloudsword.api.brand.v1.BatchGetRightsOwnersResponse;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.ListBrandsRequest;
import io.cloudsword.api.brand.v1.ListTrademarksRequest;
import io.cloudsword.api.brand.v1.ListTrademarksResponse;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationRequest;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationResponse;
import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.brand.v1.ListBrandsResponse;
import io.cloudsword.api.brand.v1.ListProductsRequest;
import io.cloudsword.api.brand.v1.ListProductsResponse;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.RegisterProductRequest;
import io.cloudsword.api.brand.v1.RegisterProductResponse;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.UpdateBrandRequest;
import io.cloudsword.api.brand.v1.UpdateBrandResponse;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.GetBrandResponse;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterBrandResponse;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in brand-registry-service on a real gRPC port, so the gateway's tests exercise its
 * client, deadlines, token forwarding and error mapping without the real service (the
 * end-to-end test in cli/ runs the real one). It answers like the service: ErrorDetail on refusals.
 */
public class FakeBrandRegistry implements QuarkusTestResourceLifecycleManager {

    static final String SLOW_ID = "00000000-0000-7000-8000-00000000510e";
    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
    static final Map<String, Brand> BRANDS = new ConcurrentHashMap<>();
    static final Map<String, RightsOwner> OWNERS = new ConcurrentHashMap<>();
    /** Products by GTIN-14. */
    static final Map<String, Product> PRODUCTS = new ConcurrentHashMap<>();
    /** Calls per RPC name ("BatchGetBrands"), and the authorization each RPC last received. */
    static final Map<String, AtomicInteger> METHOD_CALLS = new ConcurrentHashMap<>();
    static final Map<String, String> METHOD_AUTHORIZATION = new ConcurrentHashMap<>();
    static final Map<String, Trademark> TRADEMARKS = new ConcurrentHashMap<>();
    static final AtomicReference<RegisterCustomsRecordationRequest> LAST_RECORDATION = new AtomicReference<>();
    static final AtomicReference<UpdateBrandRequest> LAST_UPDATE_BRAND = new AtomicReference<>();
    private static final io.grpc.Context.Key<String> CALLER_AUTHORIZATION = io.grpc.Context.key("authorization");
    private static final Timestamp CREATED = Timestamp.newBuilder().setSeconds(1_700_000_000).build();
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new Service(), new Recorder()))
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

    /** Counts calls and keeps the authorization metadata the gateway forwarded. */
    static class Recorder implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            CALLS.incrementAndGet();
            String method = call.getMethodDescriptor().getBareMethodName();
            METHOD_CALLS.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            String authorization = headers.get(AUTHORIZATION);
            LAST_AUTHORIZATION.set(authorization);
            METHOD_AUTHORIZATION.put(method, String.valueOf(authorization));
            return Contexts.interceptCall(io.grpc.Context.current().withValue(CALLER_AUTHORIZATION, authorization), call,
                    headers, next);
        }
    }

    static int calls(String method) {
        AtomicInteger count = METHOD_CALLS.get(method);
        return count == null ? 0 : count.get();
    }

    static Brand brand(String ownerId, String name, String... prefixes) {
        Brand brand = Brand.newBuilder().setId(UUID.randomUUID().toString()).setOwnerId(ownerId).setName(name)
                .addAllGs1CompanyPrefixes(List.of(prefixes)).setVersion(1).setCreatedAt(CREATED).setUpdatedAt(CREATED)
                .build();
        BRANDS.put(brand.getId(), brand);
        return brand;
    }

    static RightsOwner owner(String legalName) {
        RightsOwner owner = RightsOwner.newBuilder().setId(UUID.randomUUID().toString()).setLegalName(legalName)
                .setCountry("DE").setStatus(RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED).setCreatedAt(CREATED)
                .setUpdatedAt(CREATED).setVersion(1).build();
        OWNERS.put(owner.getId(), owner);
        return owner;
    }

    static Product product(Brand brand, String gtin14, String name) {
        Product product = Product.newBuilder().setId(UUID.randomUUID().toString()).setBrandId(brand.getId())
                .setOwnerId(brand.getOwnerId()).setGtin(gtin14).setName(name).setHsCode("640411")
                .addMsrps(MarketPrice.newBuilder().setCountry("DE")
                        .setPrice(Money.newBuilder().setAmountMinor(12_999).setCurrency("EUR")))
                .setCreatedAt(CREATED).setUpdatedAt(CREATED).build();
        PRODUCTS.put(gtin14, product);
        return product;
    }

    static Trademark trademark(Brand brand, String registrationNumber) {
        Trademark trademark = Trademark.newBuilder().setId(UUID.randomUUID().toString()).setBrandId(brand.getId())
                .setOwnerId(brand.getOwnerId()).setOffice(TrademarkOffice.TRADEMARK_OFFICE_EUIPO)
                .setRegistrationNumber(registrationNumber).addNiceClasses(25).addTerritories("EU")
                .setRegistrationDate(CalendarDate.newBuilder().setYear(2020).setMonth(2).setDay(29))
                .setExpiryDate(CalendarDate.newBuilder().setYear(2030).setMonth(2).setDay(28))
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_REGISTERED).setCreatedAt(CREATED).setUpdatedAt(CREATED)
                .build();
        TRADEMARKS.put(trademark.getId(), trademark);
        return trademark;
    }

    /** A valid GTIN-14: the 13 digits given plus their check digit. */
    static String gtin14(String first13) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (first13.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return first13 + (10 - sum % 10) % 10;
    }

    /** GTIN-8/12/13/14 with a correct check digit, as GTIN-14; null when invalid. */
    static String toGtin14(String gtin) {
        if (gtin == null || !gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
            return null;
        }
        String padded = "0".repeat(14 - gtin.length()) + gtin;
        return gtin14(padded.substring(0, 13)).equals(padded) ? padded : null;
    }

    /** The owner_id claim of the forwarded token (the gateway checked its signature; the fake only reads it). */
    private static String callerClaim(String claim) {
        String authorization = CALLER_AUTHORIZATION.get();
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + claim + "\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\])").matcher(payload);
        return m.find() ? m.group(1) : null;
    }

    private static boolean callerIsStaff() {
        String groups = callerClaim("groups");
        return groups != null && (groups.contains("\"admin\"") || groups.contains("\"reviewer\""));
    }

    private static boolean callerOwns(String ownerId) {
        return callerIsStaff() || ("\"" + ownerId + "\"").equals(callerClaim("owner_id"));
    }

    /** Offset cursors are enough for a fake; the real service uses keyset cursors. */
    private static <T> List<T> page(List<T> all, PageRequest page, PageInfo.Builder info) {
        int size = page.getFirst() == 0 ? 50 : page.getFirst();
        int from = page.getAfter().isEmpty() ? 0
                : Integer.parseInt(new String(Base64.getUrlDecoder().decode(page.getAfter()), StandardCharsets.UTF_8));
        List<T> slice = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        if (!slice.isEmpty()) {
            info.setEndCursor(Base64.getUrlEncoder().encodeToString(
                    Integer.toString(from + slice.size()).getBytes(StandardCharsets.UTF_8)));
        }
        info.setHasNextPage(from + size < all.size());
        return slice;
    }

    static class Service extends BrandRegistryServiceGrpc.BrandRegistryServiceImplBase {

        @Override
        public void batchGetRightsOwners(BatchGetRightsOwnersRequest request,
                StreamObserver<BatchGetRightsOwnersResponse> response) {
            BatchGetRightsOwnersResponse.Builder answer = BatchGetRightsOwnersResponse.newBuilder();
            for (String id : request.getIdsList().stream().distinct().toList()) {
                RightsOwner owner = OWNERS.get(id);
                if (owner != null && callerOwns(id)) {
                    answer.addOwners(owner);
                } else {
                    answer.addMissingIds(id);
                }
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void batchGetBrands(BatchGetBrandsRequest request, StreamObserver<BatchGetBrandsResponse> response) {
            BatchGetBrandsResponse.Builder answer = BatchGetBrandsResponse.newBuilder();
            for (String id : request.getIdsList().stream().distinct().toList()) {
                Brand brand = BRANDS.get(id);
                if (brand != null) {
                    answer.addBrands(brand);
                } else {
                    answer.addMissingIds(id);
                }
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void listBrands(ListBrandsRequest request, StreamObserver<ListBrandsResponse> response) {
            List<Brand> all = BRANDS.values().stream()
                    .filter(b -> request.getOwnerId().isEmpty() || b.getOwnerId().equals(request.getOwnerId()))
                    .filter(b -> b.getName().toLowerCase().startsWith(request.getNameQuery().toLowerCase()))
                    .sorted(Comparator.comparing(Brand::getName).thenComparing(Brand::getId)).toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            List<Brand> page = page(all, request.getPage(), info);
            response.onNext(ListBrandsResponse.newBuilder().addAllBrands(page).setPageInfo(info).build());
            response.onCompleted();
        }

        @Override
        public void updateBrand(UpdateBrandRequest request, StreamObserver<UpdateBrandResponse> response) {
            LAST_UPDATE_BRAND.set(request);
            Brand brand = BRANDS.get(request.getBrand().getId());
            if (brand == null) {
                response.onError(refusal(Status.Code.NOT_FOUND, "brand.id", "BRAND_NOT_FOUND", "No such brand"));
                return;
            }
            if (!callerOwns(brand.getOwnerId())) {
                response.onError(refusal(Status.Code.PERMISSION_DENIED, "brand.id", "NOT_OWNER",
                        "The brand belongs to another rights owner"));
                return;
            }
            if (request.hasExpectedVersion() && request.getExpectedVersion() != brand.getVersion()) {
                response.onError(refusal(Status.Code.ABORTED, "expected_version", "VERSION_MISMATCH",
                        "The brand changed since it was read"));
                return;
            }
            Brand.Builder changed = brand.toBuilder().setVersion(brand.getVersion() + 1);
            for (String path : request.getUpdateMask().getPathsList()) {
                switch (path) {
                    case "name" -> changed.setName(request.getBrand().getName());
                    case "aliases" -> changed.clearAliases().addAllAliases(request.getBrand().getAliasesList());
                    case "exclusive_distribution" ->
                        changed.setExclusiveDistribution(request.getBrand().getExclusiveDistribution());
                    default -> {
                        response.onError(refusal(Status.Code.INVALID_ARGUMENT, "update_mask", "INVALID_UPDATE_MASK",
                                "The fake does not update " + path));
                        return;
                    }
                }
            }
            BRANDS.put(brand.getId(), changed.build());
            response.onNext(UpdateBrandResponse.newBuilder().setBrand(changed).build());
            response.onCompleted();
        }

        @Override
        public void registerProduct(RegisterProductRequest request, StreamObserver<RegisterProductResponse> response) {
            String gtin14 = toGtin14(request.getGtin());
            if (gtin14 == null) {
                response.onError(refusal(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN",
                        "gtin must be a GTIN-8/12/13/14 with a valid check digit"));
                return;
            }
            Brand brand = BRANDS.get(request.getBrandId());
            if (brand == null) {
                response.onError(refusal(Status.Code.NOT_FOUND, "brand_id", "BRAND_NOT_FOUND", "No such brand"));
                return;
            }
            if (!callerOwns(brand.getOwnerId())) {
                response.onError(refusal(Status.Code.PERMISSION_DENIED, "brand_id", "NOT_OWNER",
                        "The brand belongs to another rights owner"));
                return;
            }
            Product product = product(brand, gtin14, request.getName());
            response.onNext(RegisterProductResponse.newBuilder().setProduct(product).setCreated(true).build());
            response.onCompleted();
        }

        @Override
        public void batchGetProductsByGtin(BatchGetProductsByGtinRequest request,
                StreamObserver<BatchGetProductsByGtinResponse> response) {
            BatchGetProductsByGtinResponse.Builder answer = BatchGetProductsByGtinResponse.newBuilder();
            for (int i = 0; i < request.getGtinsCount(); i++) {
                String gtin = request.getGtins(i);
                String gtin14 = toGtin14(gtin);
                ProductLookupResult.Builder result = ProductLookupResult.newBuilder().setGtin(gtin);
                if (gtin14 == null) {
                    result.setError(ItemError.newBuilder().setCode(Status.Code.INVALID_ARGUMENT.value())
                            .setDetail(ErrorDetail.newBuilder().setField("gtins[" + i + "]").setReason("INVALID_GTIN")
                                    .setMessage("not a GTIN")));
                } else {
                    result.setGtin14(gtin14);
                    Product product = PRODUCTS.get(gtin14);
                    if (product != null) {
                        result.setFound(true).setProduct(product);
                    }
                }
                answer.addResults(result);
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void listTrademarks(ListTrademarksRequest request, StreamObserver<ListTrademarksResponse> response) {
            List<Trademark> all = TRADEMARKS.values().stream()
                    .filter(t -> request.getOwnerId().isEmpty() || t.getOwnerId().equals(request.getOwnerId()))
                    .filter(t -> request.getBrandId().isEmpty() || t.getBrandId().equals(request.getBrandId()))
                    .sorted(Comparator.comparing(Trademark::getRegistrationNumber)).toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            List<Trademark> page = page(all, request.getPage(), info);
            response.onNext(ListTrademarksResponse.newBuilder().addAllTrademarks(page).setPageInfo(info).build());
            response.onCompleted();
        }

        @Override
        public void batchListBrandTrademarks(BatchListBrandTrademarksRequest request,
                StreamObserver<BatchListBrandTrademarksResponse> response) {
            int first = request.getFirstPerBrand() == 0 ? 10 : request.getFirstPerBrand();
            BatchListBrandTrademarksResponse.Builder answer = BatchListBrandTrademarksResponse.newBuilder();
            for (String brand : request.getBrandIdsList()) {
                List<Trademark> all = TRADEMARKS.values().stream().filter(t -> t.getBrandId().equals(brand))
                        .sorted(Comparator.comparing(Trademark::getRegistrationNumber)).toList();
                answer.addResults(BrandTrademarks.newBuilder().setBrandId(brand)
                        .addAllTrademarks(all.subList(0, Math.min(first, all.size()))).setHasMore(all.size() > first));
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void batchListBrandProducts(BatchListBrandProductsRequest request,
                StreamObserver<BatchListBrandProductsResponse> response) {
            int first = request.getFirstPerBrand() == 0 ? 10 : request.getFirstPerBrand();
            BatchListBrandProductsResponse.Builder answer = BatchListBrandProductsResponse.newBuilder();
            for (String brand : request.getBrandIdsList()) {
                List<Product> all = PRODUCTS.values().stream().filter(p -> p.getBrandId().equals(brand))
                        .sorted(Comparator.comparing(Product::getGtin)).toList();
                answer.addResults(BrandProducts.newBuilder().setBrandId(brand)
                        .addAllProducts(all.subList(0, Math.min(first, all.size()))).setHasMore(all.size() > first));
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        /** Echoes the request as the stored recordation, so tests see what the gateway sent. */
        @Override
        public void registerCustomsRecordation(RegisterCustomsRecordationRequest request,
                StreamObserver<RegisterCustomsRecordationResponse> response) {
            LAST_RECORDATION.set(request);
            CustomsRecordation recordation = CustomsRecordation.newBuilder().setId(UUID.randomUUID().toString())
                    .setOwnerId(String.valueOf(callerClaim("owner_id")).replace("\"", ""))
                    .setAuthority(request.getAuthority()).setRecordationNumber(request.getRecordationNumber())
                    .addAllTrademarkIds(request.getTrademarkIdsList()).addAllHsCodes(request.getHsCodesList())
                    .addAllTerritories(request.getTerritoriesList())
                    .addAllAuthorizedDistributors(request.getAuthorizedDistributorsList())
                    .setDetentionContact(request.getDetentionContact()).setValidFrom(request.getValidFrom())
                    .setValidUntil(request.getValidUntil())
                    .setStatus(request.getStatus() == CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_UNSPECIFIED
                            ? CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_ACTIVE : request.getStatus())
                    .setCreatedAt(CREATED).setUpdatedAt(CREATED).build();
            response.onNext(RegisterCustomsRecordationResponse.newBuilder().setRecordation(recordation).setCreated(true)
                    .build());
            response.onCompleted();
        }

        @Override
        public void listProducts(ListProductsRequest request, StreamObserver<ListProductsResponse> response) {
            List<Product> all = PRODUCTS.values().stream()
                    .filter(p -> request.getBrandId().isEmpty() || p.getBrandId().equals(request.getBrandId()))
                    .filter(p -> request.getOwnerId().isEmpty() || p.getOwnerId().equals(request.getOwnerId()))
                    .sorted(Comparator.comparing(Product::getGtin)).toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            List<Product> page = page(all, request.getPage(), info);
            response.onNext(ListProductsResponse.newBuilder().addAllProducts(page).setPageInfo(info).build());
            response.onCompleted();
        }

        @Override
        public void registerBrand(RegisterBrandRequest request, StreamObserver<RegisterBrandResponse> response) {
            if (request.getGs1CompanyPrefixesList().stream().anyMatch(p -> !p.matches("[0-9]{4,12}"))) {
                response.onError(refusal(Status.Code.INVALID_ARGUMENT, "gs1_company_prefixes[0]",
                        "INVALID_GS1_PREFIX", "gs1_company_prefixes[0] must be a GS1 company prefix"));
                return;
            }
            String id = java.util.UUID.randomUUID().toString();
            Brand brand = Brand.newBuilder().setId(id).setOwnerId(request.getOwnerId()).setName(request.getName())
                    .addAllAliases(request.getAliasesList()).addAllGs1CompanyPrefixes(request.getGs1CompanyPrefixesList())
                    .setCreatedAt(Timestamp.newBuilder().setSeconds(1_700_000_000))
                    .setUpdatedAt(Timestamp.newBuilder().setSeconds(1_700_000_000)).build();
            BRANDS.put(id, brand);
            response.onNext(RegisterBrandResponse.newBuilder().setBrand(brand).setCreated(true).build());
            response.onCompleted();
        }

        @Override
        public void getBrand(GetBrandRequest request, StreamObserver<GetBrandResponse> response) {
            if (SLOW_ID.equals(request.getId())) {
                return; // never answers: the gateway's deadline must end the call
            }
            Brand brand = BRANDS.get(request.getId());
            if (brand == null) {
                response.onError(refusal(Status.Code.NOT_FOUND, "id", "BRAND_NOT_FOUND", "No brand with id "
                        + request.getId()));
                return;
            }
            response.onNext(GetBrandResponse.newBuilder().setBrand(brand).build());
            response.onCompleted();
        }
    }

    static RuntimeException refusal(Status.Code code, String field, String reason, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(code.value())
                .setMessage(message).addDetails(Any.pack(ErrorDetail.newBuilder().setField(field).setReason(reason)
                        .setMessage(message).build()))
                .build());
    }
}
