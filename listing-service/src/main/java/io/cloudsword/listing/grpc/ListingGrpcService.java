package io.cloudsword.listing.grpc;

import static io.cloudsword.listing.grpc.ListingMessages.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.api.listing.v1.*;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.listing.domain.ConsumerReports;
import io.cloudsword.listing.domain.Ingestion;
import io.cloudsword.listing.domain.IngestOrder;
import io.cloudsword.listing.domain.ListingData;
import io.cloudsword.listing.domain.ListingQueries;
import io.cloudsword.listing.domain.Moderation;
import io.cloudsword.listing.domain.Rescoring;
import io.cloudsword.listing.domain.ShopDiscipline;
import io.cloudsword.listing.domain.StoredListing;
import io.cloudsword.listing.scoring.RiskScore;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The gRPC face of listing-service: shapes requests into domain calls and answers into messages. */
@GrpcService
public class ListingGrpcService extends MutinyListingServiceGrpc.ListingServiceImplBase {

    private final Ingestion ingestion;
    private final ListingQueries queries;
    private final Moderation moderation;
    private final ShopDiscipline shops;
    private final ConsumerReports reports;
    private final Rescoring rescoring;
    private final Clock clock;
    /** Ingest chunks run here, a few at a time: scoring one chunk overlaps the database writing another. */
    private final ExecutorService ingestWorkers;

    public ListingGrpcService(Ingestion ingestion, ListingQueries queries, Moderation moderation, ShopDiscipline shops,
            ConsumerReports reports, Rescoring rescoring, Clock clock,
            @ConfigProperty(name = "cloudsword.ingest.concurrency", defaultValue = "4") int ingestConcurrency) {
        this.ingestion = ingestion;
        this.queries = queries;
        this.moderation = moderation;
        this.shops = shops;
        this.reports = reports;
        this.rescoring = rescoring;
        this.clock = clock;
        this.ingestWorkers = Executors.newFixedThreadPool(ingestConcurrency, r -> {
            Thread t = new Thread(r, "listing-ingest");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        ingestWorkers.shutdown();
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    // ----- ingest and score

    @Override
    public Uni<IngestListingResponse> ingestListing(IngestListingRequest request) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            ListingData data = toDomain(request.getListing());
            Ingestion.Outcome outcome = ingestion.ingest(caller, List.of(data)).get(0);
            if (outcome instanceof Ingestion.Rejected rejected) {
                throw rejected.error();
            }
            Ingestion.Accepted accepted = (Ingestion.Accepted) outcome;
            StoredListing stored = queries.get(caller, accepted.listingId().toString());
            return IngestListingResponse.newBuilder().setListing(toProto(stored)).setCreated(accepted.created()).build();
        });
    }

    @Override
    public Multi<IngestListingsResponse> ingestListings(Multi<IngestListingsRequest> requests) {
        Caller caller = CallerInterceptor.current();
        IngestOrder order = new IngestOrder();
        // Answers leave in the order the chunks came, each after its chunk was committed.
        return requests
                .onItem().transform(chunk -> order.submit(keys(chunk), () -> ingestChunk(caller, chunk), ingestWorkers))
                .onOverflow().buffer(64)
                .onItem().transformToUniAndConcatenate(Uni.createFrom()::completionStage);
    }

    private static Set<String> keys(IngestListingsRequest chunk) {
        Set<String> keys = new java.util.HashSet<>();
        chunk.getListingsList().forEach(l -> keys.add(IngestOrder.key(l.getPlatform(), l.getExternalId())));
        return keys;
    }

    private IngestListingsResponse ingestChunk(Caller caller, IngestListingsRequest chunk) {
        List<ListingData> items = new ArrayList<>(chunk.getListingsCount());
        chunk.getListingsList().forEach(in -> items.add(toDomain(in)));
        List<Ingestion.Outcome> outcomes = ingestion.ingest(caller, items);
        IngestListingsResponse.Builder out = IngestListingsResponse.newBuilder().setChunkId(chunk.getChunkId());
        for (int i = 0; i < outcomes.size(); i++) {
            ListingInput in = chunk.getListings(i);
            IngestListingResult.Builder r = IngestListingResult.newBuilder().setIndex(i).setPlatform(in.getPlatform())
                    .setExternalId(in.getExternalId());
            if (outcomes.get(i) instanceof Ingestion.Accepted a) {
                r.setAccepted(IngestAccepted.newBuilder().setListingId(a.listingId().toString()).setCreated(a.created())
                        .setRiskScore(a.score().score()).setState(state(a.state()))
                        .addAllSignals(signals(a.score().signals())));
            } else {
                r.setRejected(itemError(((Ingestion.Rejected) outcomes.get(i)).error()));
            }
            out.addResults(r);
        }
        return out.build();
    }

    @Override
    public Uni<PreviewRiskScoreResponse> previewRiskScore(PreviewRiskScoreRequest request) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            RiskScore score = ingestion.preview(caller, toDomain(request.getListing()));
            return PreviewRiskScoreResponse.newBuilder().setRiskScore(score.score()).addAllSignals(signals(score.signals()))
                    .setWouldFlag(score.flag()).setScoringVersion(score.scoringVersion()).build();
        });
    }

    @Override
    public Uni<MarkRemovedBySellerResponse> markRemovedBySeller(MarkRemovedBySellerRequest request) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            StoredListing l = resolve(caller, request.getListing(), "listing");
            Moderation.Change change = moderation.removedBySeller(caller, l.id(),
                    request.hasRemovedAt() ? ProtoTime.fromProto(request.getRemovedAt()) : null);
            return MarkRemovedBySellerResponse.newBuilder().setListing(toProto(change.listing()))
                    .setChanged(change.changed()).build();
        });
    }

    // ----- read and search

    @Override
    public Uni<GetListingResponse> getListing(GetListingRequest request) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetListingResponse.newBuilder().setListing(toProto(queries.get(caller, request.getId())))
                .build());
    }

    private static ListingQueries.Key key(ListingKey k) {
        return switch (k.getKeyCase()) {
            case ID -> new ListingQueries.Key(k.getId(), null, null, null);
            case EXTERNAL -> new ListingQueries.Key(null, k.getExternal().getPlatform(), k.getExternal().getExternalId(), null);
            case URL -> new ListingQueries.Key(null, null, null, k.getUrl());
            case KEY_NOT_SET -> new ListingQueries.Key(null, null, null, null);
        };
    }

    private StoredListing resolve(Caller caller, ListingKey k, String field) {
        ListingQueries.Lookup found = queries.batchGet(caller, List.of(key(k))).get(0);
        if (found.error() != null) {
            DomainException e = found.error();
            throw new DomainException(e.kind(), e.reason(), e.field().replace("keys[0]", field), e.getMessage()
                    .replace("keys[0]", field));
        }
        if (found.listing() == null) {
            throw DomainException.notFound(field, "LISTING_NOT_FOUND", "No such listing");
        }
        return found.listing();
    }

    @Override
    public Uni<BatchGetListingsResponse> batchGetListings(BatchGetListingsRequest request) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            List<ListingQueries.Lookup> found = queries.batchGet(caller,
                    request.getKeysList().stream().map(ListingGrpcService::key).toList());
            BatchGetListingsResponse.Builder out = BatchGetListingsResponse.newBuilder();
            for (int i = 0; i < found.size(); i++) {
                ListingQueries.Lookup l = found.get(i);
                ListingLookupResult.Builder r = ListingLookupResult.newBuilder().setKey(request.getKeys(i))
                        .setFound(l.listing() != null);
                if (l.listing() != null) {
                    r.setListing(toProto(l.listing()));
                }
                if (l.error() != null) {
                    r.setError(itemError(l.error()));
                }
                out.addResults(r);
            }
            return out.build();
        });
    }

    @Override
    public Uni<ListListingsResponse> listListings(ListListingsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Set<io.cloudsword.listing.domain.ListingState> states = EnumSet.noneOf(io.cloudsword.listing.domain.ListingState.class);
            r.getStatesList().forEach(s -> states.add(state(s)));
            ListingQueries.Order order = switch (r.getOrder()) {
                case LISTING_ORDER_RISK_SCORE_DESC -> ListingQueries.Order.RISK_SCORE_DESC;
                case LISTING_ORDER_CREATED_AT_DESC -> ListingQueries.Order.CREATED_AT_DESC;
                default -> ListingQueries.Order.UPDATED_AT_DESC;
            };
            ListingQueries.SearchPage page = queries.search(caller, new ListingQueries.Search(r.getPlatform(),
                    r.getShopId(), r.getBrandId(), states, r.hasMinRiskScore() ? r.getMinRiskScore() : null, r.getText(),
                    order), r.getPage().getFirst(), r.getPage().getAfter());
            return ListListingsResponse.newBuilder().addAllListings(page.listings().stream()
                    .map(ListingMessages::toProto).toList())
                    .setPageInfo(PageInfo.newBuilder().setEndCursor(page.endCursor()).setHasNextPage(page.hasNextPage()))
                    .build();
        });
    }

    @Override
    public Uni<ListListingTransitionsResponse> listListingTransitions(ListListingTransitionsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Page page = page(r.getPage(), ListingQueries.TRANSITIONS);
            Page.Slice<io.cloudsword.listing.repository.ListingStore.Transition> slice = queries.transitions(caller,
                    r.getListingId(), page);
            return ListListingTransitionsResponse.newBuilder()
                    .addAllTransitions(slice.items().stream().map(ListingMessages::toProto).toList())
                    .setPageInfo(pageInfo(slice, ListingQueries::cursor)).build();
        });
    }

    @Override
    public Uni<BatchListBrandListingsResponse> batchListBrandListings(BatchListBrandListingsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            List<ListingQueries.FirstPage<StoredListing>> pages = queries.firstListingsOfBrands(caller,
                    r.getBrandIdsList(), r.getFirstPerBrand());
            BatchListBrandListingsResponse.Builder out = BatchListBrandListingsResponse.newBuilder();
            for (int i = 0; i < pages.size(); i++) {
                ListingQueries.FirstPage<StoredListing> p = pages.get(i);
                BrandListings.Builder b = BrandListings.newBuilder().setBrandId(r.getBrandIds(i))
                        .addAllListings(p.items().stream().map(ListingMessages::toProto).toList())
                        .setHasMore(p.hasMore());
                if (p.error() != null) {
                    b.setError(itemError(p.error()));
                }
                out.addResults(b);
            }
            return out.build();
        });
    }

    @Override
    public Uni<BatchListListingTransitionsResponse> batchListListingTransitions(BatchListListingTransitionsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            List<ListingQueries.FirstPage<io.cloudsword.listing.repository.ListingStore.Transition>> pages = queries
                    .firstTransitionsOfListings(caller, r.getListingIdsList(), r.getFirstPerListing());
            BatchListListingTransitionsResponse.Builder out = BatchListListingTransitionsResponse.newBuilder();
            for (int i = 0; i < pages.size(); i++) {
                ListingQueries.FirstPage<io.cloudsword.listing.repository.ListingStore.Transition> p = pages.get(i);
                ListingTransitions.Builder b = ListingTransitions.newBuilder().setListingId(r.getListingIds(i))
                        .addAllTransitions(p.items().stream().map(ListingMessages::toProto).toList())
                        .setHasMore(p.hasMore());
                if (p.error() != null) {
                    b.setError(itemError(p.error()));
                }
                out.addResults(b);
            }
            return out.build();
        });
    }

    private static Page page(PageRequest p, String query) {
        return Page.of(p.getFirst(), p.getAfter(), query, 2);
    }

    private static <T> PageInfo pageInfo(Page.Slice<T> slice, java.util.function.Function<T, String> cursor) {
        return PageInfo.newBuilder().setEndCursor(slice.last() == null ? "" : cursor.apply(slice.last()))
                .setHasNextPage(slice.hasNextPage()).build();
    }

    // ----- takedown state

    private static Moderation.HoldRequest hold(String listingId, String noticeId, boolean hasStatement,
            io.cloudsword.api.common.v1.StatementOfReasons statement) {
        return new Moderation.HoldRequest(listingId, noticeId, ListingMessages.statement(hasStatement, statement));
    }

    @Override
    public Uni<TakeDownListingResponse> takeDownListing(TakeDownListingRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Moderation.Change c = moderation.takeDown(caller, hold(r.getListingId(), r.getNoticeId(), r.hasStatement(),
                    r.getStatement()));
            return TakeDownListingResponse.newBuilder().setListing(toProto(c.listing())).setChanged(c.changed()).build();
        });
    }

    @Override
    public Uni<BatchTakeDownListingsResponse> batchTakeDownListings(BatchTakeDownListingsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> BatchTakeDownListingsResponse.newBuilder().addAllResults(results(
                moderation.takeDownAll(caller, r.getRequestsList().stream()
                        .map(t -> hold(t.getListingId(), t.getNoticeId(), t.hasStatement(), t.getStatement())).toList())))
                .build());
    }

    @Override
    public Uni<RestoreListingResponse> restoreListing(RestoreListingRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Moderation.Change c = moderation.restore(caller, hold(r.getListingId(), r.getNoticeId(), r.hasStatement(),
                    r.getStatement()));
            return RestoreListingResponse.newBuilder().setListing(toProto(c.listing())).setChanged(c.changed()).build();
        });
    }

    @Override
    public Uni<BatchRestoreListingsResponse> batchRestoreListings(BatchRestoreListingsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> BatchRestoreListingsResponse.newBuilder().addAllResults(results(
                moderation.restoreAll(caller, r.getRequestsList().stream()
                        .map(t -> hold(t.getListingId(), t.getNoticeId(), t.hasStatement(), t.getStatement())).toList())))
                .build());
    }

    private static List<ListingStateChangeResult> results(List<Moderation.ItemResult> items) {
        return items.stream().map(i -> {
            ListingStateChangeResult.Builder b = ListingStateChangeResult.newBuilder().setListingId(nz(i.listingId()))
                    .setNoticeId(nz(i.noticeId())).setState(state(i.state())).setChanged(i.changed());
            if (i.error() != null) {
                b.setError(itemError(i.error()));
            }
            return b.build();
        }).toList();
    }

    @Override
    public Uni<ClearListingFlagResponse> clearListingFlag(ClearListingFlagRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Moderation.Change c = moderation.clearFlag(caller, r.getListingId(), r.getReason());
            return ClearListingFlagResponse.newBuilder().setListing(toProto(c.listing())).setChanged(c.changed()).build();
        });
    }

    // ----- shops and strikes

    @Override
    public Uni<AddStrikeResponse> addStrike(AddStrikeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            ShopDiscipline.StrikeAdded added = shops.addStrike(caller, ListingMessages.key(r.getShop()), r.getNoticeId(),
                    r.getListingId(), r.getReason(), r.hasIssuedAt() ? ProtoTime.fromProto(r.getIssuedAt()) : null);
            return AddStrikeResponse.newBuilder().setStrike(toProto(added.strike(), clock.instant()))
                    .setCreated(added.created()).setShop(toProto(added.shop()))
                    .setListingsTakenDown(added.listingsTakenDown()).build();
        });
    }

    @Override
    public Uni<RevokeStrikeResponse> revokeStrike(RevokeStrikeRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            ShopDiscipline.StrikeRevoked revoked = shops.revokeStrike(caller, r.getStrikeId(),
                    r.hasShop() ? ListingMessages.key(r.getShop()) : null, r.getNoticeId(), r.getReason());
            return RevokeStrikeResponse.newBuilder().setStrike(toProto(revoked.strike(), clock.instant()))
                    .setShop(toProto(revoked.shop())).setChanged(revoked.changed()).build();
        });
    }

    @Override
    public Uni<ReinstateShopResponse> reinstateShop(ReinstateShopRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            ShopDiscipline.Reinstated done = shops.reinstate(caller, ListingMessages.key(r.getShop()), r.getReason());
            return ReinstateShopResponse.newBuilder().setShop(toProto(done.shop()))
                    .setListingsRestored(done.listingsRestored()).setChanged(done.changed()).build();
        });
    }

    @Override
    public Uni<GetShopResponse> getShop(GetShopRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetShopResponse.newBuilder().setShop(toProto(shops.get(caller,
                ListingMessages.key(r.getShop())))).build());
    }

    @Override
    public Uni<BatchGetShopsResponse> batchGetShops(BatchGetShopsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            List<ShopDiscipline.ShopLookup> found = shops.batchGet(caller,
                    r.getShopsList().stream().map(ListingMessages::key).toList());
            BatchGetShopsResponse.Builder out = BatchGetShopsResponse.newBuilder();
            for (int i = 0; i < found.size(); i++) {
                ShopDiscipline.ShopLookup l = found.get(i);
                ShopLookupResult.Builder b = ShopLookupResult.newBuilder().setKey(r.getShops(i)).setFound(l.shop() != null);
                if (l.shop() != null) {
                    b.setShop(toProto(l.shop()));
                }
                if (l.error() != null) {
                    b.setError(itemError(l.error()));
                }
                out.addResults(b);
            }
            return out.build();
        });
    }

    @Override
    public Uni<ListShopStrikesResponse> listShopStrikes(ListShopStrikesRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Page.Slice<io.cloudsword.listing.domain.Strike> slice = shops.strikes(caller, ListingMessages.key(r.getShop()),
                    r.getIncludeInactive(), page(r.getPage(), ShopDiscipline.STRIKES));
            java.time.Instant now = clock.instant();
            return ListShopStrikesResponse.newBuilder().addAllStrikes(slice.items().stream().map(s -> toProto(s, now))
                    .toList()).setPageInfo(pageInfo(slice, ShopDiscipline::cursor)).build();
        });
    }

    @Override
    public Uni<ListShopEventsResponse> listShopEvents(ListShopEventsRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Page.Slice<io.cloudsword.listing.domain.ShopEvent> slice = shops.events(caller,
                    ListingMessages.key(r.getShop()), page(r.getPage(), ShopDiscipline.EVENTS));
            return ListShopEventsResponse.newBuilder().addAllEvents(slice.items().stream().map(ListingMessages::toProto)
                    .toList()).setPageInfo(pageInfo(slice, ShopDiscipline::cursor)).build();
        });
    }

    // ----- signals fed by other services

    @Override
    public Uni<RecordConsumerReportResponse> recordConsumerReport(RecordConsumerReportRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Moderation.Change c = reports.record(caller, key(r.getListing()), r.getReportId(), r.getReason(),
                    r.hasReportedAt() ? ProtoTime.fromProto(r.getReportedAt()) : null, r.getDismissed());
            return RecordConsumerReportResponse.newBuilder().setListing(toProto(c.listing())).setChanged(c.changed())
                    .build();
        });
    }

    @Override
    public Uni<RescoreBrandResponse> rescoreBrand(RescoreBrandRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> {
            Rescoring.Requested requested = rescoring.request(caller, r.getBrandId(), r.getReason());
            return RescoreBrandResponse.newBuilder().setJob(toProto(requested.job())).setCreated(requested.created())
                    .build();
        });
    }

    @Override
    public Uni<GetRescoreJobResponse> getRescoreJob(GetRescoreJobRequest r) {
        Caller caller = CallerInterceptor.current();
        return blocking(() -> GetRescoreJobResponse.newBuilder().setJob(toProto(rescoring.get(caller, r.getId()))).build());
    }
}
