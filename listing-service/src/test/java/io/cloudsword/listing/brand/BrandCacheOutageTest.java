package io.cloudsword.listing.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc;
import io.cloudsword.api.brand.v1.ListBrandsRequest;
import io.cloudsword.api.brand.v1.ListBrandsResponse;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc;
import io.cloudsword.kit.auth.ServiceIdentity;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.listing.brand.BrandFacts.Subject;
import io.cloudsword.listing.scoring.BrandContext;
import io.cloudsword.listing.support.FakeBrandRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * The cache built by hand (no Quarkus) against registries that are not there, do not answer, or
 * are asked for more than one batch holds.
 */
class BrandCacheOutageTest {

    /** A cache over its own channel, closed with it. */
    private record Connected(BrandCache cache, ManagedChannel channel) implements AutoCloseable {

        static Connected to(int port, Duration deadline) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
            ServiceIdentity none = new ServiceIdentity(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Clock.systemUTC());
            return new Connected(new BrandCache(new BrandRegistryClient(MutinyBrandRegistryServiceGrpc.newMutinyStub(channel),
                    none, deadline), 1_000, 1_000, Duration.ofMinutes(5)), channel);
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }

    private static void assertDependencyUnavailable(BrandCache cache) {
        DomainException e = assertThrows(DomainException.class, () -> cache.contexts(List.of(
                new Subject("demo-market", "shop", "DE", null, "Nike shoes", ""))));
        assertEquals(DomainException.Kind.UNAVAILABLE, e.kind());
        assertEquals("DEPENDENCY_UNAVAILABLE", e.reason());
    }

    @Test
    void anUnreachableRegistryWithNothingCachedIsAnUnavailableDependency() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (Connected c = Connected.to(closedPort, Duration.ofSeconds(2))) {
            assertDependencyUnavailable(c.cache());
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerIsCutOffByTheDeadline() throws IOException {
        Server silent = NettyServerBuilder.forPort(0).addService(new BrandRegistryServiceGrpc.BrandRegistryServiceImplBase() {
            @Override
            public void listBrands(ListBrandsRequest request, StreamObserver<ListBrandsResponse> out) {
                // never answers
            }
        }).build().start();
        try {
            try (Connected c = Connected.to(silent.getPort(), Duration.ofMillis(300))) {
                assertDependencyUnavailable(c.cache());
            }
        } finally {
            silent.shutdownNow();
        }
    }

    @Test
    void moreMissesThanOneBatchHoldsAreSplitAtTheRegistrysLimit() {
        FakeBrandRegistry registry = new FakeBrandRegistry();
        Map<String, String> config = registry.start();
        try {
            Brand brand = FakeBrandRegistry.brand("Splitbatch");
            List<Subject> subjects = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                subjects.add(new Subject("demo-market", "split-shop-" + i, "DE",
                        FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0), i), "item", ""));
            }
            int products = FakeBrandRegistry.calls("BatchGetProductsByGtin");
            int sellers = FakeBrandRegistry.calls("BatchIsAuthorizedSeller");
            List<BrandContext> contexts;
            try (Connected c = Connected.to(Integer.parseInt(config.get("cloudsword.brand-registry.port")),
                    Duration.ofSeconds(5))) {
                contexts = c.cache().contexts(subjects);
            }
            assertEquals(1_500, contexts.size());
            assertEquals(brand.getId(), contexts.get(1_499).brandId());
            assertEquals(2, FakeBrandRegistry.calls("BatchGetProductsByGtin") - products);
            assertEquals(2, FakeBrandRegistry.calls("BatchIsAuthorizedSeller") - sellers);
        } finally {
            registry.stop();
        }
    }
}
