package io.cloudsword.brand.grpc;

import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.BatchGetBrandsResponse;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.GetBrandResponse;
import io.cloudsword.api.brand.v1.GetRightsOwnerRequest;
import io.cloudsword.api.brand.v1.GetRightsOwnerResponse;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterBrandResponse;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerResponse;
import io.cloudsword.brand.domain.BrandRegistry;
import io.cloudsword.kit.auth.CallerInterceptor;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The gRPC face of the brand registry. Methods not implemented yet answer UNIMPLEMENTED
 * (inherited from the generated base class) rather than pretending. The caller (its token
 * verified by CallerInterceptor) is read when a method starts and handed to the domain.
 */
@GrpcService
public class BrandRegistryGrpcService extends MutinyBrandRegistryServiceGrpc.BrandRegistryServiceImplBase {

    private final BrandRegistry registry;

    public BrandRegistryGrpcService(BrandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Uni<RegisterRightsOwnerResponse> registerRightsOwner(RegisterRightsOwnerRequest request) {
        return registry.registerOwner(CallerInterceptor.current(), BrandMessages.toDomain(request)).map(r -> RegisterRightsOwnerResponse
                .newBuilder().setOwner(BrandMessages.toProto(r.value())).setCreated(r.created()).build());
    }

    @Override
    public Uni<GetRightsOwnerResponse> getRightsOwner(GetRightsOwnerRequest request) {
        return registry.getOwner(CallerInterceptor.current(), request.getId())
                .map(o -> GetRightsOwnerResponse.newBuilder().setOwner(BrandMessages.toProto(o)).build());
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

    // --- trademarks, products and GTIN ownership ---

    // --- authorized sellers and customs recordations ---

    // --- rights-owner lifecycle, brand listing and updates, mentions, change stream ---
}
