package io.cloudsword.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.MutinyHealthGrpc.MutinyHealthStub;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.grpc.Metadata;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * gRPC GetBrand on brand-registry-service at a given concurrency (one primary-key read through
 * Hibernate Reactive and PostgreSQL per call). Baseline, measured alternately in the same run:
 * the standard gRPC health Check on the same server, which crosses the same transport and
 * framework but touches no database, so the ratio shows what the read itself costs.
 */
@Command(name = "grpc-get-brand", mixinStandardHelpOptions = true,
        description = "gRPC GetBrand throughput and latency; baseline gRPC health Check on the same server.")
public class GetBrandBench implements Runnable {

    @Option(names = "--concurrency", defaultValue = "32", description = "calls in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--seconds", defaultValue = "10", description = "length of one timed run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs of each; medians are reported")
    int runs;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "untimed warm-up of each")
    int warmupSeconds;

    @GrpcClient("brand-registry")
    MutinyBrandRegistryServiceStub brands;

    @GrpcClient("brand-registry")
    MutinyHealthStub health;

    /** An admin token (./cloudsword bench mints one with the dev key): every call carries it, as through the gateway. */
    @ConfigProperty(name = "cloudsword.token")
    String token;

    @Override
    public void run() {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        brands = GrpcClientUtils.attachHeaders(brands, bearer);
        health = GrpcClientUtils.attachHeaders(health, bearer);
        try {
            String brandId = seedBrand();
            GetBrandRequest get = GetBrandRequest.newBuilder().setId(brandId).build();
            HealthCheckRequest check = HealthCheckRequest.getDefaultInstance();
            System.out.printf(Locale.ROOT, "warm-up %d s each, then %d alternating runs of %d s at concurrency %d%n",
                    warmupSeconds, runs, seconds, concurrency);
            LoadRun.run(() -> brands.getBrand(get), concurrency, Duration.ofSeconds(warmupSeconds));
            LoadRun.run(() -> health.check(check), concurrency, Duration.ofSeconds(warmupSeconds));
            List<LoadRun.Result> measured = new ArrayList<>();
            List<LoadRun.Result> baseline = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                measured.add(print("grpc-get-brand", LoadRun.run(() -> brands.getBrand(get), concurrency,
                        Duration.ofSeconds(seconds))));
                baseline.add(print("grpc-health-check", LoadRun.run(() -> health.check(check), concurrency,
                        Duration.ofSeconds(seconds))));
            }
            System.out.println(new Report("grpc-get-brand", "grpc-health-check", measured, baseline, concurrency)
                    .toJson());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LoadRun.Result print(String name, LoadRun.Result r) {
        System.out.printf(Locale.ROOT, "%-18s %10.1f ops/s  p50 %.3f ms  p99 %.3f ms  errors %d%n", name,
                r.opsPerSecond(), r.percentileMillis(50), r.percentileMillis(99), r.errors());
        return r;
    }

    /** A brand of a throwaway owner to read; registering is idempotent, so reruns reuse nothing by accident. */
    private String seedBrand() {
        String ownerId = brands.registerRightsOwner(RegisterRightsOwnerRequest.newBuilder()
                .setLegalName("Bench Owner Ltd").setCountry("GB").setAddress("1 Bench Road, London")
                .setPhone("+44 20 7946 0999").setEmail("bench@bench.example")
                .setTradeRegisterNumber("BENCH-" + UUID.randomUUID()).build())
                .await().atMost(Duration.ofSeconds(30)).getOwner().getId();
        return brands.registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(ownerId).setName("Bench Brand")
                .addAliases("基准").addGs1CompanyPrefixes("4012345").build())
                .await().atMost(Duration.ofSeconds(30)).getBrand().getId();
    }
}
