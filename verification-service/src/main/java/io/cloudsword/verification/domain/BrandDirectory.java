package io.cloudsword.verification.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.GetGtinOwnerRequest;
import io.cloudsword.api.brand.v1.GetRightsOwnerRequest;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.kit.error.DomainException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * What verification-service asks brand-registry-service: who owns a GTIN's prefix, whether an
 * owner is verified (on the caller's own token), and a brand's distribution territories (public
 * registry data, cached briefly so Verify does not call out per scan).
 */
@ApplicationScoped
public class BrandDirectory {

    static final Duration DEADLINE = Duration.ofSeconds(3);
    static final Duration BRAND_TTL = Duration.ofSeconds(60);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    public record GtinOwner(boolean found, UUID brandId, UUID ownerId) {
    }

    public record BrandFacts(UUID id, UUID ownerId, String name, List<String> territories, long fetchedAtNanos) {
    }

    private final MutinyBrandRegistryServiceStub registry;
    private final Map<UUID, BrandFacts> brands = new ConcurrentHashMap<>();

    public BrandDirectory(@GrpcClient("brand-registry") MutinyBrandRegistryServiceStub registry) {
        this.registry = registry;
    }

    private MutinyBrandRegistryServiceStub stub(String bearer) {
        MutinyBrandRegistryServiceStub stub = registry.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        if (bearer != null) {
            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, bearer);
            stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        return stub;
    }

    public Uni<GtinOwner> gtinOwner(String gtin14) {
        return stub(null).getGtinOwner(GetGtinOwnerRequest.newBuilder().setGtin(gtin14).build())
                .map(r -> r.getResult().getFound()
                        ? new GtinOwner(true, UUID.fromString(r.getResult().getBrandId()),
                                UUID.fromString(r.getResult().getOwnerId()))
                        : new GtinOwner(false, null, null))
                .onFailure().transform(BrandDirectory::unavailable);
    }

    /** Whether the owner is VERIFIED, asked with the caller's own token (the registry checks who may see it). */
    public Uni<Boolean> ownerVerified(UUID ownerId, String bearer) {
        return stub(bearer).getRightsOwner(GetRightsOwnerRequest.newBuilder().setId(ownerId.toString()).build())
                .map(r -> r.getOwner().getStatus() == RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED)
                .onFailure(e -> Status.fromThrowable(e).getCode() == Status.Code.NOT_FOUND).recoverWithItem(false)
                .onFailure().transform(BrandDirectory::unavailable);
    }

    /** The brand's public facts; a recent copy when there is one. */
    public Uni<BrandFacts> brand(UUID brandId) {
        BrandFacts known = brands.get(brandId);
        if (known != null && System.nanoTime() - known.fetchedAtNanos() < BRAND_TTL.toNanos()) {
            return Uni.createFrom().item(known);
        }
        return stub(null).getBrand(GetBrandRequest.newBuilder().setId(brandId.toString()).build())
                .map(r -> {
                    BrandFacts facts = new BrandFacts(brandId, UUID.fromString(r.getBrand().getOwnerId()),
                            r.getBrand().getName(), List.copyOf(r.getBrand().getDistributionTerritoriesList()),
                            System.nanoTime());
                    brands.put(brandId, facts);
                    return facts;
                })
                .onFailure().recoverWithUni(e -> known != null ? Uni.createFrom().item(known)
                        : Uni.createFrom().failure(unavailable(e)));
    }

    private static Throwable unavailable(Throwable e) {
        if (e instanceof DomainException) {
            return e;
        }
        Status.Code code = Status.fromThrowable(e).getCode();
        if (code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNAUTHENTICATED) {
            return DomainException.forbidden("NOT_OWNER", "brand-registry refused to show the rights owner to this caller");
        }
        return new StatusRuntimeException(Status.UNAVAILABLE
                .withDescription("brand-registry-service is unavailable (" + code + "); retry later"));
    }
}
