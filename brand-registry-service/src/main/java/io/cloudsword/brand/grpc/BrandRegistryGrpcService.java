package io.cloudsword.brand.grpc;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.cloudsword.api.brand.v1.*;
import io.cloudsword.brand.domain.AgentMandates;
import io.cloudsword.brand.domain.AuthorizedSellers;
import io.cloudsword.brand.domain.BrandMentions;
import io.cloudsword.brand.domain.BrandRegistry;
import io.cloudsword.brand.domain.ChangeFeed;
import io.cloudsword.brand.domain.CustomsRecordations;
import io.cloudsword.brand.domain.GtinOwners;
import io.cloudsword.brand.domain.NewBrand;
import io.cloudsword.brand.domain.NewRightsOwner;
import io.cloudsword.brand.domain.OwnerReviews;
import io.cloudsword.brand.domain.Products;
import io.cloudsword.brand.domain.Trademarks;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.kit.paging.Page;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The gRPC face of the brand registry: translation only, the rules live in the domain. Every
 * method of the contract is implemented, agent mandates included (their rules are in
 * AgentMandates; the agent case of the standing check in RightStanding). The caller (its token
 * verified by CallerInterceptor) is read when a method starts and handed to the domain.
 */
@GrpcService
public class BrandRegistryGrpcService extends MutinyBrandRegistryServiceGrpc.BrandRegistryServiceImplBase {

    private final BrandRegistry registry;
    private final OwnerReviews reviews;
    private final BrandMentions mentions;
    private final ChangeFeed changes;
    private final Clock clock;
    private final AuthorizedSellers sellers;
    private final CustomsRecordations recordations;
    private final Trademarks trademarks;
    private final Products products;
    private final GtinOwners gtinOwners;
    private final AgentMandates mandates;

    public BrandRegistryGrpcService(BrandRegistry registry, OwnerReviews reviews, BrandMentions mentions,
            ChangeFeed changes, Clock clock, AuthorizedSellers sellers,
            CustomsRecordations recordations, Trademarks trademarks,
            Products products, GtinOwners gtinOwners, AgentMandates mandates) {
        this.registry = registry;
        this.reviews = reviews;
        this.mentions = mentions;
        this.changes = changes;
        this.clock = clock;
        this.sellers = sellers;
        this.recordations = recordations;
        this.trademarks = trademarks;
        this.products = products;
        this.gtinOwners = gtinOwners;
        this.mandates = mandates;
    }

    @Override
    public Uni<RegisterRightsOwnerResponse> registerRightsOwner(RegisterRightsOwnerRequest request) {
        return registry.registerOwner(CallerInterceptor.current(), BrandMessages.toDomain(request)).map(r -> RegisterRightsOwnerResponse
                .newBuilder().setOwner(owner(r.value())).setCreated(r.created()).build());
    }

    @Override
    public Uni<GetRightsOwnerResponse> getRightsOwner(GetRightsOwnerRequest request) {
        return registry.getOwner(CallerInterceptor.current(), request.getId())
                .map(o -> GetRightsOwnerResponse.newBuilder().setOwner(owner(o)).build());
    }

    @Override
    public Uni<RegisterBrandResponse> registerBrand(RegisterBrandRequest request) {
        return registry.registerBrand(CallerInterceptor.current(), BrandMessages.toDomain(request)).map(r -> RegisterBrandResponse.newBuilder()
                .setBrand(BrandMessages.toProto(r.value())).setCreated(r.created()).build());
    }

    @Override
    public Uni<GetBrandResponse> getBrand(GetBrandRequest request) {
        return registry.getBrand(request.getId())
                .map(b -> GetBrandResponse.newBuilder().setBrand(BrandMessages.toProto(b)).build());
    }

    @Override
    public Uni<BatchGetBrandsResponse> batchGetBrands(BatchGetBrandsRequest request) {
        return registry.batchGetBrands(request.getIdsList()).map(result -> {
            BatchGetBrandsResponse.Builder response = BatchGetBrandsResponse.newBuilder()
                    .addAllMissingIds(result.missing());
            result.found().forEach(b -> response.addBrands(BrandMessages.toProto(b)));
            return response.build();
        });
    }

    // --- agent mandates ---

    @Override
    public Uni<GrantAgentMandateResponse> grantAgentMandate(GrantAgentMandateRequest request) {
        return mandates.grant(CallerInterceptor.current(), MandateMessages.toDomain(request))
                .map(r -> GrantAgentMandateResponse.newBuilder().setMandate(MandateMessages.toProto(r.value()))
                        .setCreated(r.created()).build());
    }

    @Override
    public Uni<RevokeAgentMandateResponse> revokeAgentMandate(RevokeAgentMandateRequest request) {
        return mandates.revoke(CallerInterceptor.current(), request.getId(), request.getReason())
                .map(m -> RevokeAgentMandateResponse.newBuilder().setMandate(MandateMessages.toProto(m)).build());
    }

    @Override
    public Uni<ListAgentMandatesResponse> listAgentMandates(ListAgentMandatesRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.page(request.getPage(), AgentMandates.LIST_CURSOR, 2))
                .flatMap(page -> mandates.list(caller, request.getPrincipalOwnerId(), request.getAgentOwnerId(),
                        request.getIncludeRevoked(), page))
                .map(slice -> {
                    ListAgentMandatesResponse.Builder response = ListAgentMandatesResponse.newBuilder();
                    slice.items().forEach(m -> response.addMandates(MandateMessages.toProto(m)));
                    io.cloudsword.brand.domain.AgentMandate last = slice.last();
                    return response.setPageInfo(Wire.pageInfo(last == null ? "" : Page.cursor(AgentMandates.LIST_CURSOR,
                            last.createdAt.toString(), last.id.toString()), slice.hasNextPage())).build();
                });
    }

    // --- trademarks, products and GTIN ownership ---
    @Override
    public Uni<RegisterTrademarkResponse> registerTrademark(RegisterTrademarkRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> TrademarkMessages.toDomain(request))
                .flatMap(t -> trademarks.register(caller, t))
                .map(r -> RegisterTrademarkResponse.newBuilder()
                        .setTrademark(TrademarkMessages.toProto(r.value(), trademarks.today()))
                        .setCreated(r.created()).build());
    }

    @Override
    public Uni<GetTrademarkResponse> getTrademark(GetTrademarkRequest request) {
        return trademarks.get(request.getId()).map(t -> GetTrademarkResponse.newBuilder()
                .setTrademark(TrademarkMessages.toProto(t, trademarks.today())).build());
    }

    @Override
    public Uni<BatchGetTrademarksResponse> batchGetTrademarks(BatchGetTrademarksRequest request) {
        return trademarks.batchGet(request.getIdsList()).map(result -> {
            java.time.LocalDate today = trademarks.today();
            BatchGetTrademarksResponse.Builder response = BatchGetTrademarksResponse.newBuilder()
                    .addAllMissingIds(result.missing());
            result.found().forEach(t -> response.addTrademarks(TrademarkMessages.toProto(t, today)));
            return response.build();
        });
    }

    @Override
    public Uni<ListTrademarksResponse> listTrademarks(ListTrademarksRequest request) {
        return Uni.createFrom().item(() -> {
            Set<io.cloudsword.brand.domain.Trademark.Status> statuses = new HashSet<>();
            for (int i = 0; i < request.getStatusesCount(); i++) {
                statuses.add(TrademarkMessages.statusFilter("statuses[" + i + "]", request.getStatuses(i)));
            }
            return statuses;
        }).flatMap(statuses -> trademarks.list(request.getOwnerId(), request.getBrandId(),
                TrademarkMessages.office(request.getOffice()), statuses, request.getRegistrationNumber(),
                Wire.page(request.getPage(), "trademarks-by-office", 2))).map(slice -> {
                    java.time.LocalDate today = trademarks.today();
                    ListTrademarksResponse.Builder response = ListTrademarksResponse.newBuilder();
                    slice.items().forEach(t -> response.addTrademarks(TrademarkMessages.toProto(t, today)));
                    io.cloudsword.brand.domain.Trademark last = slice.last();
                    return response.setPageInfo(Wire.pageInfo(last == null ? "" : Page.cursor("trademarks-by-office",
                            last.office.name(), last.registrationNumber), slice.hasNextPage())).build();
                });
    }

    @Override
    public Uni<BatchListBrandTrademarksResponse> batchListBrandTrademarks(BatchListBrandTrademarksRequest request) {
        return trademarks.firstOfBrands(request.getBrandIdsList(), request.getFirstPerBrand()).map(results -> {
            java.time.LocalDate today = trademarks.today();
            BatchListBrandTrademarksResponse.Builder response = BatchListBrandTrademarksResponse.newBuilder();
            for (Trademarks.BrandFirst<io.cloudsword.brand.domain.Trademark> r : results) {
                BrandTrademarks.Builder item = BrandTrademarks.newBuilder().setBrandId(r.brandId())
                        .setHasMore(r.hasMore());
                r.items().forEach(t -> item.addTrademarks(TrademarkMessages.toProto(t, today)));
                if (r.error() != null) {
                    item.setError(Wire.itemError(r.error()));
                }
                response.addResults(item);
            }
            return response.build();
        });
    }

    @Override
    public Uni<UpdateTrademarkResponse> updateTrademark(UpdateTrademarkRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.mask(request.getUpdateMask(), io.cloudsword.brand.domain.NewTrademark.UPDATABLE))
                .flatMap(paths -> trademarks.update(caller, request.getTrademark().getId(),
                        TrademarkMessages.toDomain(request.getTrademark(), paths), paths))
                .map(t -> UpdateTrademarkResponse.newBuilder()
                        .setTrademark(TrademarkMessages.toProto(t, trademarks.today())).build());
    }

    @Override
    public Uni<CheckRightStandingResponse> checkRightStanding(CheckRightStandingRequest request) {
        return trademarks.checkStanding(CallerInterceptor.current(), TrademarkMessages.toDomain(request))
                .map(s -> CheckRightStandingResponse.newBuilder().setStanding(TrademarkMessages.toProto(s)).build());
    }

    @Override
    public Uni<BatchCheckRightStandingResponse> batchCheckRightStanding(BatchCheckRightStandingRequest request) {
        java.util.List<io.cloudsword.brand.domain.RightStanding.Check> checks = new java.util.ArrayList<>();
        request.getChecksList().forEach(c -> checks.add(TrademarkMessages.toDomain(c)));
        return trademarks.batchCheckStanding(CallerInterceptor.current(), checks).map(results -> {
            BatchCheckRightStandingResponse.Builder response = BatchCheckRightStandingResponse.newBuilder();
            results.forEach(s -> response.addResults(TrademarkMessages.toProto(s)));
            return response.build();
        });
    }

    @Override
    public Uni<RegisterProductResponse> registerProduct(RegisterProductRequest request) {
        return products.register(CallerInterceptor.current(), ProductMessages.toDomain(request))
                .map(r -> RegisterProductResponse.newBuilder().setProduct(ProductMessages.toProto(r.value()))
                        .setCreated(r.created()).build());
    }

    @Override
    public Uni<GetProductResponse> getProduct(GetProductRequest request) {
        return products.get(request.getId())
                .map(p -> GetProductResponse.newBuilder().setProduct(ProductMessages.toProto(p)).build());
    }

    @Override
    public Uni<BatchGetProductsByGtinResponse> batchGetProductsByGtin(BatchGetProductsByGtinRequest request) {
        return products.byGtins(request.getGtinsList()).map(results -> {
            BatchGetProductsByGtinResponse.Builder response = BatchGetProductsByGtinResponse.newBuilder();
            results.forEach(l -> response.addResults(ProductMessages.toProto(l)));
            return response.build();
        });
    }

    @Override
    public Uni<ListProductsResponse> listProducts(ListProductsRequest request) {
        return Uni.createFrom().item(() -> Wire.page(request.getPage(), "products-by-gtin", 1))
                .flatMap(page -> products.list(request.getBrandId(), request.getOwnerId(), request.getNameQuery(),
                        request.getHsCodePrefix(), page))
                .map(slice -> {
                    ListProductsResponse.Builder response = ListProductsResponse.newBuilder();
                    slice.items().forEach(p -> response.addProducts(ProductMessages.toProto(p)));
                    io.cloudsword.brand.domain.Product last = slice.last();
                    return response.setPageInfo(Wire.pageInfo(last == null ? ""
                            : Page.cursor("products-by-gtin", last.gtin), slice.hasNextPage())).build();
                });
    }

    @Override
    public Uni<BatchListBrandProductsResponse> batchListBrandProducts(BatchListBrandProductsRequest request) {
        return products.firstOfBrands(request.getBrandIdsList(), request.getFirstPerBrand()).map(results -> {
            BatchListBrandProductsResponse.Builder response = BatchListBrandProductsResponse.newBuilder();
            for (Trademarks.BrandFirst<io.cloudsword.brand.domain.Product> r : results) {
                BrandProducts.Builder item = BrandProducts.newBuilder().setBrandId(r.brandId()).setHasMore(r.hasMore());
                r.items().forEach(p -> item.addProducts(ProductMessages.toProto(p)));
                if (r.error() != null) {
                    item.setError(Wire.itemError(r.error()));
                }
                response.addResults(item);
            }
            return response.build();
        });
    }

    @Override
    public Uni<UpdateProductResponse> updateProduct(UpdateProductRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.mask(request.getUpdateMask(), io.cloudsword.brand.domain.NewProduct.UPDATABLE))
                .flatMap(paths -> products.update(caller, request.getProduct().getId(),
                        ProductMessages.toDomain(request.getProduct()), paths))
                .map(p -> UpdateProductResponse.newBuilder().setProduct(ProductMessages.toProto(p)).build());
    }

    @Override
    public Uni<GetGtinOwnerResponse> getGtinOwner(GetGtinOwnerRequest request) {
        return gtinOwners.owner(request.getGtin())
                .map(r -> GetGtinOwnerResponse.newBuilder().setResult(ProductMessages.toProto(r)).build());
    }

    @Override
    public Uni<BatchGetGtinOwnersResponse> batchGetGtinOwners(BatchGetGtinOwnersRequest request) {
        return gtinOwners.batch(request.getGtinsList()).map(results -> {
            BatchGetGtinOwnersResponse.Builder response = BatchGetGtinOwnersResponse.newBuilder();
            results.forEach(r -> response.addResults(ProductMessages.toProto(r)));
            return response.build();
        });
    }


    // --- authorized sellers and customs recordations ---

    @Override
    public Uni<RegisterCustomsRecordationResponse> registerCustomsRecordation(RegisterCustomsRecordationRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> RecordationMessages.toDomain(request))
                .flatMap(r -> recordations.register(caller, r))
                .map(r -> RegisterCustomsRecordationResponse.newBuilder()
                        .setRecordation(RecordationMessages.toProto(r.value(), recordations.today()))
                        .setCreated(r.created()).build());
    }

    @Override
    public Uni<GetCustomsRecordationResponse> getCustomsRecordation(GetCustomsRecordationRequest request) {
        return recordations.get(CallerInterceptor.current(), request.getId())
                .map(r -> GetCustomsRecordationResponse.newBuilder()
                        .setRecordation(RecordationMessages.toProto(r, recordations.today())).build());
    }

    @Override
    public Uni<UpdateCustomsRecordationResponse> updateCustomsRecordation(UpdateCustomsRecordationRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.mask(request.getUpdateMask(),
                io.cloudsword.brand.domain.NewRecordation.UPDATABLE))
                .flatMap(paths -> recordations.update(caller, request.getRecordation().getId(),
                        RecordationMessages.toDomain(request.getRecordation()), paths))
                .map(r -> UpdateCustomsRecordationResponse.newBuilder()
                        .setRecordation(RecordationMessages.toProto(r, recordations.today())).build());
    }

    @Override
    public Uni<ListCustomsRecordationsResponse> listCustomsRecordations(ListCustomsRecordationsRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.page(request.getPage(), "recordations-by-created", 2))
                .flatMap(page -> recordations.list(caller, request.getOwnerId(),
                        RecordationMessages.toDomain(request.getAuthority()),
                        RecordationMessages.statuses(request.getStatusesList()), page))
                .map(slice -> {
                    java.time.LocalDate today = recordations.today();
                    ListCustomsRecordationsResponse.Builder response = ListCustomsRecordationsResponse.newBuilder();
                    slice.items().forEach(r -> response.addRecordations(RecordationMessages.toProto(r, today)));
                    io.cloudsword.brand.domain.CustomsRecordation last = slice.last();
                    return response.setPageInfo(Wire.pageInfo(last == null ? "" : Page.cursor("recordations-by-created",
                            last.createdAt.toString(), last.id.toString()), slice.hasNextPage())).build();
                });
    }

    @Override
    public Uni<SearchCustomsRecordationsResponse> searchCustomsRecordations(SearchCustomsRecordationsRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.page(request.getPage(), "recordation-search", 1))
                .flatMap(page -> recordations.search(caller, RecordationMessages.toDomain(request), page))
                .map(slice -> {
                    java.time.LocalDate today = recordations.today();
                    SearchCustomsRecordationsResponse.Builder response = SearchCustomsRecordationsResponse.newBuilder();
                    slice.items().forEach(r -> response.addRecordations(RecordationMessages.toProto(r, today)));
                    io.cloudsword.brand.domain.CustomsRecordation last = slice.last();
                    return response.setPageInfo(Wire.pageInfo(last == null ? "" : Page.cursor("recordation-search",
                            last.id.toString()), slice.hasNextPage())).build();
                });
    }

    @Override
    public Uni<BatchMatchCustomsRecordationsResponse> batchMatchCustomsRecordations(
            BatchMatchCustomsRecordationsRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.date("on_date", request.hasOnDate(), request.getOnDate()))
                .flatMap(day -> recordations.match(caller, RecordationMessages.toDomain(request.getAuthority()),
                        request.getTerritory(), day,
                        request.hasConsignor() ? RecordationMessages.toDomain(request.getConsignor()) : null,
                        RecordationMessages.lines(request)))
                .map(result -> {
                    java.time.LocalDate today = recordations.today();
                    BatchMatchCustomsRecordationsResponse.Builder response = BatchMatchCustomsRecordationsResponse
                            .newBuilder();
                    for (int i = 0; i < result.lines().size(); i++) {
                        response.addMatches(RecordationMessages.toProto(i, result.lines().get(i)));
                    }
                    result.recordations().forEach(r -> response.addRecordations(RecordationMessages.toProto(r, today)));
                    return response.build();
                });
    }

    @Override
    public Uni<AddAuthorizedSellerResponse> addAuthorizedSeller(AddAuthorizedSellerRequest request) {
        return sellers.add(CallerInterceptor.current(), SellerMessages.toDomain(request))
                .map(r -> AddAuthorizedSellerResponse.newBuilder().setSeller(SellerMessages.toProto(r.value()))
                        .setCreated(r.created()).build());
    }

    @Override
    public Uni<UpdateAuthorizedSellerResponse> updateAuthorizedSeller(UpdateAuthorizedSellerRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.mask(request.getUpdateMask(),
                io.cloudsword.brand.domain.AuthorizedSellers.UPDATABLE))
                .flatMap(paths -> sellers.update(caller, request.getSeller().getId(),
                        SellerMessages.toDomain(request.getSeller()), paths))
                .map(s -> UpdateAuthorizedSellerResponse.newBuilder().setSeller(SellerMessages.toProto(s)).build());
    }

    @Override
    public Uni<RemoveAuthorizedSellerResponse> removeAuthorizedSeller(RemoveAuthorizedSellerRequest request) {
        return sellers.remove(CallerInterceptor.current(), request.getId())
                .map(removed -> RemoveAuthorizedSellerResponse.newBuilder().setRemoved(removed).build());
    }

    @Override
    public Uni<ListAuthorizedSellersResponse> listAuthorizedSellers(ListAuthorizedSellersRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.page(request.getPage(), "sellers-by-shop", 2))
                .flatMap(page -> sellers.list(caller, request.getBrandId(), request.getPlatform(),
                        request.hasValidAt() ? ProtoTime.fromProto(request.getValidAt()) : null, page))
                .map(slice -> {
                    ListAuthorizedSellersResponse.Builder response = ListAuthorizedSellersResponse.newBuilder();
                    slice.items().forEach(s -> response.addSellers(SellerMessages.toProto(s)));
                    io.cloudsword.brand.domain.AuthorizedSeller last = slice.last();
                    return response.setPageInfo(Wire.pageInfo(last == null ? "" : Page.cursor("sellers-by-shop",
                            last.platform, last.shopId), slice.hasNextPage())).build();
                });
    }

    /** The single form fails the call for a malformed or forbidden check, as GetGtinOwner does. */
    @Override
    public Uni<IsAuthorizedSellerResponse> isAuthorizedSeller(IsAuthorizedSellerRequest request) {
        return sellers.check(CallerInterceptor.current(), java.util.List.of(SellerMessages.toDomain(request)))
                .map(results -> {
                    if (results.get(0).error() != null) {
                        throw results.get(0).error();
                    }
                    return IsAuthorizedSellerResponse.newBuilder().setResult(SellerMessages.toProto(results.get(0)))
                            .build();
                });
    }

    @Override
    public Uni<BatchIsAuthorizedSellerResponse> batchIsAuthorizedSeller(BatchIsAuthorizedSellerRequest request) {
        return sellers.check(CallerInterceptor.current(), SellerMessages.toDomain(request.getChecksList()))
                .map(results -> {
                    BatchIsAuthorizedSellerResponse.Builder response = BatchIsAuthorizedSellerResponse.newBuilder();
                    results.forEach(r -> response.addResults(SellerMessages.toProto(r)));
                    return response.build();
                });
    }

    // --- rights-owner lifecycle, brand listing and updates, mentions, change stream ---

    private RightsOwner owner(io.cloudsword.brand.domain.RightsOwner o) {
        return BrandMessages.toProto(o, clock.instant());
    }

    @Override
    public Uni<BatchGetRightsOwnersResponse> batchGetRightsOwners(BatchGetRightsOwnersRequest request) {
        return registry.batchGetOwners(CallerInterceptor.current(), request.getIdsList()).map(result -> {
            BatchGetRightsOwnersResponse.Builder response = BatchGetRightsOwnersResponse.newBuilder()
                    .addAllMissingIds(result.missing());
            result.found().forEach(o -> response.addOwners(owner(o)));
            return response.build();
        });
    }

    @Override
    public Uni<ListRightsOwnersResponse> listRightsOwners(ListRightsOwnersRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> {
            Set<io.cloudsword.brand.domain.RightsOwnerStatus> statuses = new HashSet<>();
            for (int i = 0; i < request.getStatusesCount(); i++) {
                statuses.add(BrandMessages.toDomain("statuses[" + i + "]", request.getStatuses(i)));
            }
            return new BrandRegistry.OwnerQuery(statuses, Checks.optionalText("name_query", request.getNameQuery(), 300),
                    request.getTrustedFlaggersOnly());
        }).flatMap(query -> {
            Page page = Wire.page(request.getPage(), "owners-by-created", 2);
            return registry.listOwners(caller, query, page);
        }).map(slice -> {
            ListRightsOwnersResponse.Builder response = ListRightsOwnersResponse.newBuilder();
            slice.items().forEach(o -> response.addOwners(owner(o)));
            io.cloudsword.brand.domain.RightsOwner last = slice.last();
            return response.setPageInfo(Wire.pageInfo(last == null ? "" : Page.cursor("owners-by-created",
                    last.createdAt.toString(), last.id.toString()), slice.hasNextPage())).build();
        });
    }

    @Override
    public Uni<UpdateRightsOwnerResponse> updateRightsOwner(UpdateRightsOwnerRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.mask(request.getUpdateMask(), NewRightsOwner.UPDATABLE))
                .flatMap(paths -> registry.updateOwner(caller, request.getOwner().getId(),
                        BrandMessages.toDomain(request.getOwner()), paths,
                        request.hasExpectedVersion() ? request.getExpectedVersion() : null))
                .map(o -> UpdateRightsOwnerResponse.newBuilder().setOwner(owner(o)).build());
    }

    @Override
    public Uni<VerifyRightsOwnerResponse> verifyRightsOwner(VerifyRightsOwnerRequest request) {
        return reviews.verify(CallerInterceptor.current(), request.getId(), request.getNote())
                .map(o -> VerifyRightsOwnerResponse.newBuilder().setOwner(owner(o)).build());
    }

    @Override
    public Uni<RejectRightsOwnerResponse> rejectRightsOwner(RejectRightsOwnerRequest request) {
        return reviews.reject(CallerInterceptor.current(), request.getId(), request.getReason())
                .map(o -> RejectRightsOwnerResponse.newBuilder().setOwner(owner(o)).build());
    }

    @Override
    public Uni<SuspendRightsOwnerResponse> suspendRightsOwner(SuspendRightsOwnerRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> {
            for (int i = 0; i < request.getNoticeIdsCount(); i++) {
                Checks.id("notice_ids[" + i + "]", request.getNoticeIds(i));
            }
            return request;
        }).flatMap(r -> reviews.suspend(caller, r.getId(), r.getReason(),
                r.hasUntil() ? ProtoTime.fromProto(r.getUntil()) : null, r.getNoticeIdsList()))
                .map(o -> SuspendRightsOwnerResponse.newBuilder().setOwner(owner(o)).build());
    }

    @Override
    public Uni<ReinstateRightsOwnerResponse> reinstateRightsOwner(ReinstateRightsOwnerRequest request) {
        return reviews.reinstate(CallerInterceptor.current(), request.getId(), request.getReason())
                .map(o -> ReinstateRightsOwnerResponse.newBuilder().setOwner(owner(o)).build());
    }

    @Override
    public Uni<SetTrustedFlaggerResponse> setTrustedFlagger(SetTrustedFlaggerRequest request) {
        return reviews.setTrustedFlagger(CallerInterceptor.current(), request.getOwnerId(), request.getTrusted(),
                request.getGrantingAuthority(), request.getReference())
                .map(o -> SetTrustedFlaggerResponse.newBuilder().setOwner(owner(o)).build());
    }

    @Override
    public Uni<ListBrandsResponse> listBrands(ListBrandsRequest request) {
        return Uni.createFrom().item(() -> Wire.page(request.getPage(), "brands-by-name", 2))
                .flatMap(page -> registry.listBrands(request.getOwnerId(),
                        Checks.optionalText("name_query", request.getNameQuery(), 200), page))
                .map(slice -> {
                    ListBrandsResponse.Builder response = ListBrandsResponse.newBuilder();
                    slice.items().forEach(b -> response.addBrands(BrandMessages.toProto(b)));
                    io.cloudsword.brand.domain.Brand last = slice.last();
                    return response.setPageInfo(Wire.pageInfo(last == null ? "" : Page.cursor("brands-by-name",
                            last.name, last.id.toString()), slice.hasNextPage())).build();
                });
    }

    @Override
    public Uni<UpdateBrandResponse> updateBrand(UpdateBrandRequest request) {
        Caller caller = CallerInterceptor.current();
        return Uni.createFrom().item(() -> Wire.mask(request.getUpdateMask(), NewBrand.UPDATABLE))
                .flatMap(paths -> registry.updateBrand(caller, request.getBrand().getId(),
                        BrandMessages.toDomain(request.getBrand()), paths,
                        request.hasExpectedVersion() ? request.getExpectedVersion() : null))
                .map(b -> UpdateBrandResponse.newBuilder().setBrand(BrandMessages.toProto(b)).build());
    }

    @Override
    public Uni<ResolveBrandMentionsResponse> resolveBrandMentions(ResolveBrandMentionsRequest request) {
        return Uni.createFrom().item(() -> {
            Set<String> only = new LinkedHashSet<>();
            for (int i = 0; i < request.getBrandIdsCount(); i++) {
                only.add(Checks.id("brand_ids[" + i + "]", request.getBrandIds(i)));
            }
            return only;
        }).flatMap(only -> mentions.resolve(request.getTextsList(), only)).map(results -> {
            ResolveBrandMentionsResponse.Builder response = ResolveBrandMentionsResponse.newBuilder();
            for (int i = 0; i < results.size(); i++) {
                TextBrandMentions.Builder text = TextBrandMentions.newBuilder().setIndex(i);
                results.get(i).forEach(m -> text.addMentions(BrandMessages.toProto(m)));
                response.addResults(text);
            }
            return response.build();
        });
    }

    @Override
    public Multi<WatchBrandChangesResponse> watchBrandChanges(WatchBrandChangesRequest request) {
        Caller caller = CallerInterceptor.current();
        return Multi.createFrom().deferred(() -> {
            Set<String> kinds = new HashSet<>();
            for (int i = 0; i < request.getKindsCount(); i++) {
                BrandChangeKind kind = request.getKinds(i);
                if (!BrandMessages.FILTERABLE.contains(kind)) {
                    throw DomainException.invalid("kinds[" + i + "]", "VALUE_OUT_OF_RANGE",
                            "kinds[" + i + "] must be a change kind (control events are always sent)");
                }
                kinds.add(BrandMessages.kindName(kind));
            }
            Set<UUID> brands = new HashSet<>();
            for (int i = 0; i < request.getBrandIdsCount(); i++) {
                brands.add(UUID.fromString(Checks.id("brand_ids[" + i + "]", request.getBrandIds(i))));
            }
            return changes.watch(caller,
                    request.hasAfterSequence() ? request.getAfterSequence() : null, kinds, brands);
        }).map(BrandMessages::toProto);
    }
}
