package io.cloudsword.verification.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.GetBrandResponse;
import io.cloudsword.api.brand.v1.GetGtinOwnerRequest;
import io.cloudsword.api.brand.v1.GetGtinOwnerResponse;
import io.cloudsword.api.brand.v1.GetRightsOwnerRequest;
import io.cloudsword.api.brand.v1.GetRightsOwnerResponse;
import io.cloudsword.api.brand.v1.GtinOwnerResult;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in brand-registry-service on a real gRPC port: tests register brands (owner, GTIN
 * prefix, territories) and owners' statuses; the service under test asks it over gRPC.
 */
public class FakeBrandRegistry implements QuarkusTestResourceLifecycleManager {

    public record FakeBrand(UUID id, UUID ownerId, String gtinPrefix, List<String> territories) {
    }

    static final Map<UUID, FakeBrand> BRANDS = new ConcurrentHashMap<>();
    static final Map<UUID, RightsOwnerStatus> OWNERS = new ConcurrentHashMap<>();

    private Server server;

    /** A verified owner with one brand whose GTIN-14s start with {@code gtinPrefix}. */
    public static FakeBrand brand(String gtinPrefix, List<String> territories) {
        FakeBrand brand = new FakeBrand(UUID.randomUUID(), UUID.randomUUID(), gtinPrefix, territories);
        BRANDS.put(brand.id(), brand);
        OWNERS.put(brand.ownerId(), RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED);
        return brand;
    }

    public static void ownerStatus(UUID owner, RightsOwnerStatus status) {
        OWNERS.put(owner, status);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0).addService(new Service()).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // test-port too: in test mode Quarkus points clients on localhost at its own test port
        String port = Integer.toString(server.getPort());
        return Map.of("cloudsword.brand-registry.host", "localhost", "cloudsword.brand-registry.port", port,
                "quarkus.grpc.clients.brand-registry.test-port", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    static class Service extends BrandRegistryServiceGrpc.BrandRegistryServiceImplBase {
        @Override
        public void getGtinOwner(GetGtinOwnerRequest request, StreamObserver<GetGtinOwnerResponse> out) {
            GtinOwnerResult.Builder result = GtinOwnerResult.newBuilder().setGtin(request.getGtin()).setGtin14(request.getGtin());
            BRANDS.values().stream().filter(b -> request.getGtin().startsWith(b.gtinPrefix())).findFirst().ifPresent(b -> result
                    .setFound(true).setBrandId(b.id().toString()).setOwnerId(b.ownerId().toString())
                    .setMatchedPrefix(b.gtinPrefix()));
            out.onNext(GetGtinOwnerResponse.newBuilder().setResult(result).build());
            out.onCompleted();
        }

        @Override
        public void getRightsOwner(GetRightsOwnerRequest request, StreamObserver<GetRightsOwnerResponse> out) {
            RightsOwnerStatus status = OWNERS.get(UUID.fromString(request.getId()));
            if (status == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(GetRightsOwnerResponse.newBuilder()
                    .setOwner(RightsOwner.newBuilder().setId(request.getId()).setStatus(status)).build());
            out.onCompleted();
        }

        @Override
        public void getBrand(GetBrandRequest request, StreamObserver<GetBrandResponse> out) {
            FakeBrand b = BRANDS.get(UUID.fromString(request.getId()));
            if (b == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(GetBrandResponse.newBuilder().setBrand(Brand.newBuilder().setId(b.id().toString())
                    .setOwnerId(b.ownerId().toString()).setName("Brand " + b.gtinPrefix())
                    .addAllDistributionTerritories(b.territories())).build());
            out.onCompleted();
        }
    }
}
