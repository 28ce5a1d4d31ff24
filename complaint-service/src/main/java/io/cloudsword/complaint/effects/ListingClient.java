package io.cloudsword.complaint.effects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.listing.v1.AddStrikeRequest;
import io.cloudsword.api.listing.v1.AddStrikeResponse;
import io.cloudsword.api.listing.v1.BatchGetListingsRequest;
import io.cloudsword.api.listing.v1.BatchRestoreListingsRequest;
import io.cloudsword.api.listing.v1.BatchTakeDownListingsRequest;
import io.cloudsword.api.listing.v1.ListingKey;
import io.cloudsword.api.listing.v1.ListingLookupResult;
import io.cloudsword.api.listing.v1.ListingServiceGrpc.ListingServiceBlockingStub;
import io.cloudsword.api.listing.v1.ListingStateChangeResult;
import io.cloudsword.api.listing.v1.RecordConsumerReportRequest;
import io.cloudsword.api.listing.v1.RestoreListingRequest;
import io.cloudsword.api.listing.v1.RevokeStrikeRequest;
import io.cloudsword.api.listing.v1.TakeDownListingRequest;
import io.cloudsword.kit.auth.ServiceIdentity;
import io.quarkus.grpc.GrpcClient;

/**
 * complaint-service's calls to listing-service, on its own identity (system role), each with a
 * deadline. Lookups are made for a caller (a failure is UNAVAILABLE to it); the effect methods
 * are the outbox relay's and let gRPC failures through for it to classify.
 */
@ApplicationScoped
public class ListingClient {

    /** listing-service's limits: BatchGetListings 500 keys, batch takedown and restore 300. */
    static final int MAX_KEYS = 500;
    public static final int MAX_STATE_CHANGES = 300;

    private final ListingServiceBlockingStub listings;
    private final ServiceIdentity identity;
    private final Duration deadline;

    @Inject
    public ListingClient(@GrpcClient("listing") ListingServiceBlockingStub listings, ServiceIdentity identity,
            @ConfigProperty(name = "cloudsword.listing.deadline", defaultValue = "5s") Duration deadline) {
        this.listings = listings;
        this.identity = identity;
        this.deadline = deadline;
    }

    private ListingServiceBlockingStub stub() {
        return identity.authorize(listings).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One result per key, in order (several calls of 500 keys for a longer list). */
    public List<ListingLookupResult> lookup(List<ListingKey> keys) {
        List<ListingLookupResult> out = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<ListingKey> part = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS));
            out.addAll(Calls.forCaller("listing-service", "BatchGetListings", () -> stub()
                    .batchGetListings(BatchGetListingsRequest.newBuilder().addAllKeys(part).build()).getResultsList()));
        }
        return out;
    }

    public List<ListingStateChangeResult> takeDown(List<TakeDownListingRequest> requests) {
        return stub().batchTakeDownListings(BatchTakeDownListingsRequest.newBuilder().addAllRequests(requests).build())
                .getResultsList();
    }

    public List<ListingStateChangeResult> restore(List<RestoreListingRequest> requests) {
        return stub().batchRestoreListings(BatchRestoreListingsRequest.newBuilder().addAllRequests(requests).build())
                .getResultsList();
    }

    public AddStrikeResponse addStrike(AddStrikeRequest request) {
        return stub().addStrike(request);
    }

    public void revokeStrike(RevokeStrikeRequest request) {
        stub().revokeStrike(request);
    }

    public void recordConsumerReport(RecordConsumerReportRequest request) {
        stub().recordConsumerReport(request);
    }
}
