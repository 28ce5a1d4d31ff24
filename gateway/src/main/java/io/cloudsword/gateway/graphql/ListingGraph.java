package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.listing.v1.ClearListingFlagRequest;
import io.cloudsword.api.listing.v1.GetListingRequest;
import io.cloudsword.api.listing.v1.GetRescoreJobRequest;
import io.cloudsword.api.listing.v1.IngestListingRequest;
import io.cloudsword.api.listing.v1.IngestListingResult;
import io.cloudsword.api.listing.v1.IngestListingsRequest;
import io.cloudsword.api.listing.v1.ListListingTransitionsRequest;
import io.cloudsword.api.listing.v1.ListListingsRequest;
import io.cloudsword.api.listing.v1.ListingOrder;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.api.listing.v1.MarkRemovedBySellerRequest;
import io.cloudsword.api.listing.v1.PreviewRiskScoreRequest;
import io.cloudsword.api.listing.v1.RescoreBrandRequest;
import io.cloudsword.api.listing.v1.RestoreListingRequest;
import io.cloudsword.api.listing.v1.TakeDownListingRequest;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;

/**
 * Listings (listing-service): partner platforms ingest and read their own platform's listings,
 * rights owners read those that carry or mention their brands, reviewers and admins read all and
 * take down, restore and clear flags. listing-service enforces all of that on the forwarded token;
 * the gateway only makes sure there is a signed-in caller.
 */
@GraphQLApi
public class ListingGraph {

    private final ListingCalls calls;
    private final BrandRegistryCalls registry;

    public ListingGraph(ListingCalls calls, BrandRegistryCalls registry) {
        this.calls = calls;
        this.registry = registry;
    }

    @Query
    @Description("A listing by id. Listings the caller may not see are LISTING_NOT_FOUND.")
    public Uni<ListingView> listing(
            @Description("The listing's id (Cloud Sword's, not the platform's).") @Id @NonNull String id) {
        return calls.call(Access::listingReader, s -> s.getListing(GetListingRequest.newBuilder().setId(id).build()))
                .map(r -> ListingView.of(r.getListing()));
    }

    /**
     * The Listing entities of one {@code _entities} request in one BatchGetListings call per 500
     * (federation batch resolving is on). Hidden from the schema. Unknown listings, and those the
     * caller may not see, resolve to null. The argument is a plain String list on purpose: declared
     * {@code @Id}, SmallRye's federation batch call handed the resolver no list and failed.
     */
    @Resolver
    public Uni<List<ListingView>> listingEntities(@Name("id") @NonNull List<@NonNull String> ids) {
        return calls.call(Caller::requireSignedIn, s -> calls.listingsById(ids))
                .map(listings -> listings.stream().map(l -> l == null ? null : ListingView.of(l)).toList());
    }

    @Query
    @Description("Listings the caller may see, filtered and ordered; stable under concurrent inserts.")
    public Uni<ListingView.Connection> listings(
            @Description("Only this platform's listings (a partner sees only its own anyway).") String platform,
            @Description("Only this shop's listings; needs platform.") String shopId,
            @Id @Description("Listings scored against this brand or mentioning it.") String brandId,
            @Description("Only these states (" + ListingView.STATES + "); empty = any.") List<String> states,
            @Description("Only listings scoring at least this, 0..100.") Integer minRiskScore,
            @Description("Full-text query over title and description, folded as scoring folds it.") String text,
            @Description("RISK_SCORE_DESC (highest first, then newest), UPDATED_AT_DESC (the default) or "
                    + "CREATED_AT_DESC.") String order,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::listingReader, s -> {
            ListListingsRequest.Builder request = ListListingsRequest.newBuilder()
                    .setPlatform(Inputs.orEmpty(platform)).setShopId(Inputs.orEmpty(shopId))
                    .setBrandId(Inputs.orEmpty(brandId))
                    .addAllStates(Enums.parseAll(ListingState.class, ListingView.STATE, states, "states"))
                    .setText(Inputs.orEmpty(text))
                    .setOrder(Enums.parse(ListingOrder.class, "LISTING_ORDER_", order, "order"))
                    .setPage(Paging.of(first, after));
            if (minRiskScore != null) {
                request.setMinRiskScore(minRiskScore);
            }
            return s.listListings(request.build());
        }).map(r -> ListingView.Connection.of(r.getListingsList(), r.getPageInfo()));
    }

    @Query
    @Description("Every state transition of a listing, oldest first, with who, when, why and the statement of "
            + "reasons.")
    public Uni<ListingTransitionView.Connection> listingTransitions(
            @Description("The listing whose history is read.") @Id @NonNull String listingId,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::listingReader, s -> s.listListingTransitions(transitions(listingId, first, after)))
                .map(r -> ListingTransitionView.Connection.of(r.getTransitionsList(), r.getPageInfo()));
    }

    @Query
    @Description("The score a listing would get, computed without storing anything (for partners checking before "
            + "publication). Bad input is INVALID_ARGUMENT naming the field, as in ingestListing.")
    public Uni<ListingPayloads.Preview> previewRiskScore(
            @Description("The listing as it would be ingested; nothing is stored.") @NonNull ListingDataInput input) {
        return calls.call(caller -> Access.actsForPlatform(caller.require(Role.PLATFORM_PARTNER, Role.REVIEWER,
                Role.ADMIN), input.platform, "listing.platform"), s -> s.previewRiskScore(
                PreviewRiskScoreRequest.newBuilder().setListing(input.toProto()).build()))
                .map(ListingPayloads.Preview::of);
    }

    @Query
    @Description("A rescoring job with its progress.")
    public Uni<RescoreJobView> rescoreJob(
            @Description("The rescore job's id, from rescoreBrand.") @Id @NonNull String id) {
        return calls.call(Access::staff, s -> s.getRescoreJob(GetRescoreJobRequest.newBuilder().setId(id)
                .build())).map(r -> RescoreJobView.of(r.getJob()));
    }

    @Mutation
    @Description("Creates or updates one listing, scores it and stores the score with its signals. Idempotent on "
            + "(platform, externalId). A score above the flag threshold moves an ACTIVE listing to FLAGGED; scoring "
            + "never takes anything down. Bad input is INVALID_ARGUMENT naming the field (FIELD_REQUIRED, "
            + "INVALID_GTIN, INVALID_CURRENCY, INVALID_COUNTRY, INVALID_IMAGE_HASH, INVALID_URL, FIELD_TOO_LONG); "
            + "another platform's listing is FORBIDDEN / NOT_OWNER.")
    public Uni<ListingPayloads.Ingest> ingestListing(
            @Description("The listing as the platform shows it.") @NonNull ListingDataInput input) {
        return calls.call(caller -> Access.actsForPlatform(caller.require(Role.PLATFORM_PARTNER, Role.ADMIN),
                input.platform, "listing.platform"), s -> s.ingestListing(
                IngestListingRequest.newBuilder().setListing(input.toProto()).build()))
                .map(r -> ListingPayloads.Ingest.of(r.getListing(), r.getCreated()));
    }

    @Mutation
    @Description("Bulk ingest for partners: up to 1,000 listings per call (one IngestListings chunk), answered per "
            + "item in input order, each accepted with its id, score, state and signals or rejected with the field "
            + "and reason. A bad item never fails the call or loses the good ones. More than 1,000 is refused as "
            + "INVALID_ARGUMENT / TOO_MANY_ITEMS on field inputs, before anything is stored. Send the list as a "
            + "variable, and larger loads as several calls.")
    public Uni<List<ListingPayloads.IngestResult>> ingestListings(
            @Description("Up to 1,000 listings as the platform shows them; each is answered on its own.")
            @NonNull List<@NonNull ListingDataInput> inputs) {
        return calls.call(caller -> {
            caller.require(Role.PLATFORM_PARTNER, Role.ADMIN);
            if (inputs.size() > ListingCalls.INGEST_CHUNK_CAP) {
                throw new ApiError(ErrorCode.INVALID_ARGUMENT, "inputs", "TOO_MANY_ITEMS", "inputs has "
                        + inputs.size() + " listings; at most " + ListingCalls.INGEST_CHUNK_CAP + " per call");
            }
        }, s -> {
            if (inputs.isEmpty()) {
                return Uni.createFrom().item(List.<IngestListingResult>of());
            }
            IngestListingsRequest.Builder chunk = IngestListingsRequest.newBuilder()
                    .setChunkId(UUID.randomUUID().toString());
            inputs.forEach(input -> chunk.addListings(input.toProto()));
            return calls.ingestChunk(chunk.build()).map(r -> r.getResultsList());
        }).map(results -> inInputOrder(results, inputs.size()));
    }

    /** The service answers in chunk order; placing each result by its index keeps that promise checked. */
    private static List<ListingPayloads.IngestResult> inInputOrder(List<IngestListingResult> results, int size) {
        if (results.size() != size) {
            throw new ApiError(ErrorCode.INTERNAL, null, "INTERNAL", "listing-service answered " + results.size()
                    + " results for " + size + " listings");
        }
        List<ListingPayloads.IngestResult> ordered = new ArrayList<>(java.util.Collections.nCopies(size, null));
        for (int i = 0; i < size; i++) {
            IngestListingResult result = results.get(i);
            int index = result.getIndex() >= 0 && result.getIndex() < size ? result.getIndex() : i;
            ordered.set(index, ListingPayloads.IngestResult.of(result));
        }
        return ordered;
    }

    @Mutation
    @Description("The platform reports that the seller removed the listing: REMOVED_BY_SELLER. Idempotent; a later "
            + "ingest of the same listing makes it ACTIVE again.")
    public Uni<ListingPayloads.Change> markRemovedBySeller(
            @Description("The platform and platform listing id of the listing the seller removed.")
            @NonNull ListingDataInput.ListingKeyInput listing,
            @Description("When the seller removed it; default now.") Instant removedAt) {
        return calls.call(caller -> Access.actsForPlatform(caller.require(Role.PLATFORM_PARTNER, Role.ADMIN),
                listing.platform, "listing.platform"), s -> {
            MarkRemovedBySellerRequest.Builder request = MarkRemovedBySellerRequest.newBuilder()
                    .setListing(listing.toProto("listing"));
            if (removedAt != null) {
                request.setRemovedAt(Times.toProto(removedAt));
            }
            return s.markRemovedBySeller(request.build());
        }).map(r -> ListingPayloads.Change.of(r.getListing(), r.getChanged()));
    }

    @Mutation
    @Description("Takes a listing down for a notice (ACTIVE, FLAGGED or RESTORED -> TAKEN_DOWN), recording the "
            + "statement of reasons given to the seller (decision CONTENT_REMOVED or CONTENT_DISABLED). Idempotent on "
            + "(listingId, noticeId). A listing stays down until every notice holding it is released.")
    public Uni<ListingPayloads.Change> takeDownListing(
            @Description("The listing to take down.") @Id @NonNull String listingId,
            @Id @NonNull @Description("The notice or reviewer decision this takedown executes.") String noticeId,
            @Description("The statement of reasons sent to the seller (DSA Art. 17).")
            @NonNull StatementOfReasonsInput statement) {
        return calls.call(Access::staff, s -> s.takeDownListing(TakeDownListingRequest.newBuilder()
                .setListingId(listingId).setNoticeId(noticeId).setStatement(statement.toProto("statement")).build()))
                .map(r -> ListingPayloads.Change.of(r.getListing(), r.getChanged()));
    }

    @Mutation
    @Description("Releases the hold of a notice (counter-notice succeeded, appeal granted, notice withdrawn): "
            + "TAKEN_DOWN -> RESTORED when no other hold remains. The statement's decision is CONTENT_RESTORED. "
            + "Idempotent on (listingId, noticeId).")
    public Uni<ListingPayloads.Change> restoreListing(
            @Description("The TAKEN_DOWN listing.") @Id @NonNull String listingId,
            @Id @NonNull @Description("The notice whose hold is released.") String noticeId,
            @Description("The statement of reasons sent to the seller (decision CONTENT_RESTORED).")
            @NonNull StatementOfReasonsInput statement) {
        return calls.call(Access::staff, s -> s.restoreListing(RestoreListingRequest.newBuilder()
                .setListingId(listingId).setNoticeId(noticeId).setStatement(statement.toProto("statement")).build()))
                .map(r -> ListingPayloads.Change.of(r.getListing(), r.getChanged()));
    }

    @Mutation
    @Description("A reviewer dismisses the automatic flag: FLAGGED -> ACTIVE. The flag does not come back until the "
            + "listing's content or signals change. Idempotent.")
    public Uni<ListingPayloads.Change> clearListingFlag(
            @Description("The FLAGGED listing to clear.") @Id @NonNull String listingId,
            @NonNull @Description("Why the flag is dismissed.") String reason) {
        return calls.call(Access::staff, s -> s.clearListingFlag(ClearListingFlagRequest.newBuilder()
                .setListingId(listingId).setReason(reason).build()))
                .map(r -> ListingPayloads.Change.of(r.getListing(), r.getChanged()));
    }

    @Mutation
    @Description("Rescores every listing of a brand in the background; a request while a job for the brand is "
            + "PENDING returns that job. Follow it with rescoreJob(id).")
    public Uni<ListingPayloads.RescoreBrand> rescoreBrand(
            @Description("The brand whose listings are rescored.") @Id @NonNull String brandId,
            @Description("Why, for the record.") String reason) {
        return calls.call(Access::staff, s -> s.rescoreBrand(RescoreBrandRequest.newBuilder()
                .setBrandId(brandId).setReason(Inputs.orEmpty(reason)).build()))
                .map(ListingPayloads.RescoreBrand::of);
    }

    // ----- fields of Listing and RescoreJob resolved through other calls

    @Name("brand")
    @Description("The brand the score was computed against; null if none. Batched: one BatchGetBrands per request, "
            + "however many listings.")
    public Uni<List<BrandView>> listingBrand(@Source List<ListingView> listings) {
        return registry.brandsById(listings.stream().map(l -> l.brandId).toList())
                .map(brands -> listings.stream().map(l -> l.brandId == null ? null : brands.get(l.brandId))
                        .map(b -> b == null ? null : BrandView.of(b)).toList());
    }

    @Name("mentionedBrands")
    @Description("Every brand mentioned in title or description that the registry knows. Batched: one "
            + "BatchGetBrands per request, however many listings.")
    public Uni<List<List<BrandView>>> listingMentionedBrands(@Source List<ListingView> listings) {
        return registry.brandsById(listings.stream().flatMap(l -> l.mentionedBrandIds.stream()).toList())
                .map(brands -> listings.stream().map(l -> mentioned(l, brands)).toList());
    }

    private static List<BrandView> mentioned(ListingView listing, Map<String, Brand> brands) {
        return listing.mentionedBrandIds.stream().map(brands::get).filter(b -> b != null).map(BrandView::of).toList();
    }

    @Name("shop")
    @Description("The shop that offers the listing, with its strikes standing. Batched: one BatchGetShops per "
            + "request, however many listings.")
    public Uni<List<ShopView>> listingShop(@Source List<ListingView> listings) {
        return calls.shopsByKey(listings.stream().map(l -> ListingCalls.shopKey(l.platform, l.shopId)).toList())
                .map(shops -> listings.stream().map(l -> shops.get(ListingCalls.shopKey(l.platform, l.shopId)))
                        .map(s -> s == null ? null : ShopView.of(s)).toList());
    }

    @Name("transitions")
    @Description("The listing's state transitions, oldest first. First page only: the first 10, in one "
            + "BatchListListingTransitions call for every listing of the request (no call per listing); "
            + "pageInfo.hasNextPage tells whether more exist, read them with the query listingTransitions(listingId:).")
    public Uni<List<ListingTransitionView.Connection>> transitionsOfListing(@Source List<ListingView> listings) {
        return calls.firstTransitionsOfListings(listings.stream().map(l -> l.id).toList())
                .map(found -> listings.stream().map(l -> found.get(l.id))
                        .map(t -> t == null ? null : ListingTransitionView.Connection.of(t.getTransitionsList(),
                                PageInfo.newBuilder().setHasNextPage(t.getHasMore()).build()))
                        .toList());
    }

    @Name("listings")
    @Description("The brand's listings with the highest counterfeit-risk score (scored against the brand or "
            + "mentioning it), as far as the caller may see them: a platform partner its platform's, a rights owner "
            + "those of its own brands (none of another owner's brand). First page only: the first 10, in one "
            + "BatchListBrandListings call for every brand of the request; pageInfo.hasNextPage tells whether more "
            + "exist, read them with the query listings(brandId:, order: RISK_SCORE_DESC). If listing-service is "
            + "unavailable this field alone fails with UNAVAILABLE; the brands are still answered.")
    public Uni<List<ListingView.Connection>> brandListings(@Source List<BrandView> brands) {
        return calls.firstListingsOfBrands(brands.stream().map(b -> b.id).toList())
                .map(found -> brands.stream().map(b -> found.get(b.id))
                        .map(l -> l == null ? null : ListingView.Connection.of(l.getListingsList(),
                                PageInfo.newBuilder().setHasNextPage(l.getHasMore()).build()))
                        .toList());
    }

    @Name("brand")
    @Description("The brand being rescored. Batched: one BatchGetBrands per request.")
    public Uni<List<BrandView>> rescoreJobBrand(@Source List<RescoreJobView> jobs) {
        return registry.brandsById(jobs.stream().map(j -> j.brandId).toList())
                .map(brands -> jobs.stream().map(j -> brands.get(j.brandId))
                        .map(b -> b == null ? null : BrandView.of(b)).toList());
    }

    private static ListListingTransitionsRequest transitions(String listingId, Integer first, String after) {
        return ListListingTransitionsRequest.newBuilder().setListingId(listingId).setPage(Paging.of(first, after))
                .build();
    }
}
