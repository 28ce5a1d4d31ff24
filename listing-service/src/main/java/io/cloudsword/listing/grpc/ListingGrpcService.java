package io.cloudsword.listing.grpc;

import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.listing.v1.GetListingRequest;
import io.cloudsword.api.listing.v1.GetListingResponse;
import io.cloudsword.api.listing.v1.IngestListingRequest;
import io.cloudsword.api.listing.v1.IngestListingResponse;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.MutinyListingServiceGrpc;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.listing.domain.Listing;
import io.cloudsword.listing.domain.ListingData;
import io.cloudsword.listing.domain.Listings;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of listing-service; methods not implemented yet answer UNIMPLEMENTED. */
@GrpcService
public class ListingGrpcService extends MutinyListingServiceGrpc.ListingServiceImplBase {

    private final Listings listings;

    public ListingGrpcService(Listings listings) {
        this.listings = listings;
    }

    @Override
    public Uni<IngestListingResponse> ingestListing(IngestListingRequest request) {
        return listings.ingest(CallerInterceptor.current(), toDomain(request.getListing())).map(r -> IngestListingResponse.newBuilder()
                .setListing(toProto(r.listing())).setCreated(r.created()).build());
    }

    @Override
    public Uni<GetListingResponse> getListing(GetListingRequest request) {
        return listings.get(CallerInterceptor.current(), request.getId()).map(l -> GetListingResponse.newBuilder().setListing(toProto(l)).build());
    }

    static ListingData toDomain(ListingInput in) {
        return new ListingData(in.getPlatform(), in.getExternalId(), in.getShopId(), in.getSellerId(), in.getTitle(),
                in.getDescription(), in.getPrice().getAmountMinor(), in.getPrice().getCurrency(),
                in.getMarketCountry(), in.getShipsFromCountry(), in.getGtin(), in.getImageHashesList(), in.getUrl());
    }

    static io.cloudsword.api.listing.v1.Listing toProto(Listing l) {
        ListingInput data = ListingInput.newBuilder()
                .setPlatform(l.platform).setExternalId(l.externalId).setShopId(l.shopId).setSellerId(l.sellerId)
                .setTitle(l.title).setDescription(l.description)
                .setPrice(Money.newBuilder().setAmountMinor(l.priceMinor).setCurrency(l.currency))
                .setMarketCountry(l.marketCountry).setShipsFromCountry(l.shipsFromCountry)
                .setGtin(l.gtin == null ? "" : l.gtin).addAllImageHashes(l.imageHashes).setUrl(l.url)
                .build();
        return io.cloudsword.api.listing.v1.Listing.newBuilder()
                .setId(l.id.toString())
                .setData(data)
                .setState(io.cloudsword.api.listing.v1.ListingState.valueOf("LISTING_STATE_" + l.state.name()))
                .setRiskScore(l.riskScore)
                .setCreatedAt(ProtoTime.toProto(l.createdAt))
                .setUpdatedAt(ProtoTime.toProto(l.updatedAt))
                .build();
    }
}
