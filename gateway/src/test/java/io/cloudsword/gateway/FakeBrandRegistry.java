package io.cloudsword.gateway;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.GetBrandResponse;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterBrandResponse;
import io.cloudsword.api.common.v1.ErrorDetail;
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
            LAST_AUTHORIZATION.set(headers.get(AUTHORIZATION));
            return next.startCall(call, headers);
        }
    }

    static class Service extends BrandRegistryServiceGrpc.BrandRegistryServiceImplBase {
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
