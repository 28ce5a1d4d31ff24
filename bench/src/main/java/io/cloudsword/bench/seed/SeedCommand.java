package io.cloudsword.bench.seed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.AddAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.DetentionContact;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationRequest;
import io.cloudsword.api.brand.v1.RegisterProductRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.brand.v1.VerifyRightsOwnerRequest;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.common.v1.Money;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loads {@link DemoCatalog} into brand-registry-service over gRPC, as an admin. Every create is
 * idempotent on its natural key, so running it twice changes nothing.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Load the demo catalogue (400 brands, 12,000 products, ...) into the running suite.")
public class SeedCommand implements Runnable {

    @Option(names = "--brands", defaultValue = "400")
    int brands;

    @Option(names = "--products-per-brand", defaultValue = "30")
    int productsPerBrand;

    @Option(names = "--concurrency", defaultValue = "16")
    int concurrency;

    @GrpcClient("brand-registry")
    MutinyBrandRegistryServiceStub registry;

    @ConfigProperty(name = "cloudsword.token")
    String token;

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger existing = new AtomicInteger();
    /** Kinds of record the running service cannot take yet (UNIMPLEMENTED): reported, not fatal. */
    private final java.util.Set<String> skipped = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void run() {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        registry = GrpcClientUtils.attachHeaders(registry, bearer);
        DemoCatalog.Catalog catalog = DemoCatalog.generate(brands, productsPerBrand, 42);
        long start = System.nanoTime();

        List<String> ownerIds = new ArrayList<>();
        for (DemoCatalog.Owner owner : catalog.owners()) {
            ownerIds.add(registerOwner(owner));
        }
        System.out.printf(Locale.ROOT, "%d rights owners%n", ownerIds.size());
        Multi.createFrom().iterable(catalog.brands())
                .onItem().transformToUni(brand -> loadBrand(brand, ownerIds.get(brand.ownerIndex())))
                .merge(concurrency)
                .collect().last().await().atMost(Duration.ofMinutes(30));
        System.out.printf(Locale.ROOT, "%d brands, %d products: %d records created, %d already there, in %.1f s%n",
                catalog.brands().size(), catalog.productCount(), created.get(), existing.get(),
                (System.nanoTime() - start) / 1e9);
        if (!skipped.isEmpty()) {
            System.out.println("skipped, not implemented by the running brand-registry-service yet: " + skipped);
        }
    }

    private String registerOwner(DemoCatalog.Owner owner) {
        var registered = registry.registerRightsOwner(RegisterRightsOwnerRequest.newBuilder()
                .setLegalName(owner.legalName()).setCountry(owner.country()).setAddress("1 Demo Street")
                .setPhone("+44 20 7946 0000").setEmail("legal@demo-brands.example")
                .setTradeRegisterNumber(owner.tradeRegisterNumber()).build()).await().atMost(Duration.ofSeconds(30));
        count(registered.getCreated());
        String id = registered.getOwner().getId();
        try {
            // only VERIFIED owners' rights count (DOMAIN.md)
            registry.verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(id).setNote("demo data").build())
                    .await().atMost(Duration.ofSeconds(30));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                skipped.add("owner verification");
            } else if (e.getStatus().getCode() != Status.Code.FAILED_PRECONDITION) { // already verified
                throw e;
            }
        }
        return id;
    }

    private Uni<Void> loadBrand(DemoCatalog.Brand brand, String ownerId) {
        return registry.registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(ownerId).setName(brand.name())
                .addAllAliases(brand.aliases()).addGs1CompanyPrefixes(brand.gs1Prefix())
                .addOfficialDomains(brand.domain()).setExclusiveDistribution(brand.exclusiveDistribution()).build())
                .flatMap(b -> {
                    count(b.getCreated());
                    String brandId = b.getBrand().getId();
                    return Multi.createFrom().iterable(brand.trademarks())
                            .onItem().transformToUniAndConcatenate(t -> optional("trademarks", registry.registerTrademark(
                                    trademark(brandId, t)).invoke(r -> count(r.getCreated()))
                                    .map(r -> r.getTrademark().getId())))
                            .collect().asList()
                            .flatMap(trademarkIds -> Multi.createFrom().iterable(brand.products())
                                    .onItem().transformToUniAndConcatenate(p -> optional("products", registry.registerProduct(
                                            product(brandId, p)).invoke(r -> count(r.getCreated()))))
                                    .collect().last()
                                    .flatMap(x -> Multi.createFrom().iterable(brand.sellers())
                                            .onItem().transformToUniAndConcatenate(s -> optional("authorized sellers",
                                                    registry.addAuthorizedSeller(AddAuthorizedSellerRequest
                                                            .newBuilder().setBrandId(brandId)
                                                            .setPlatform(s.platform()).setShopId(s.shopId())
                                                            .addAllTerritories(s.territories()).build())
                                                            .invoke(r -> count(r.getCreated()))))
                                            .collect().last())
                                    .flatMap(x -> trademarkIds.size() < brand.trademarks().size() ? Uni.createFrom().voidItem()
                                            : optional("customs recordations", registry.registerCustomsRecordation(
                                                    recordation(brand, trademarkIds))
                                                    .invoke(r -> count(r.getCreated())))))
                            .replaceWithVoid();
                });
    }

    /** A step the running service may not implement yet: UNIMPLEMENTED becomes null and a note. */
    private <T> Uni<T> optional(String kind, Uni<T> call) {
        return call.onFailure(e -> e instanceof StatusRuntimeException sre
                && sre.getStatus().getCode() == Status.Code.UNIMPLEMENTED).recoverWithItem(() -> {
                    skipped.add(kind);
                    return null;
                });
    }

    private static RegisterTrademarkRequest trademark(String brandId, DemoCatalog.Trademark t) {
        return RegisterTrademarkRequest.newBuilder().setBrandId(brandId)
                .setOffice(TrademarkOffice.valueOf("TRADEMARK_OFFICE_" + t.office()))
                .setRegistrationNumber(t.registrationNumber()).setMarkText(t.registrationNumber())
                .addAllNiceClasses(t.niceClasses()).addTerritories(t.territory())
                .setRegistrationDate(date(t.registered())).setExpiryDate(date(t.expires()))
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_REGISTERED)
                .setEvidenceSha256(String.format(Locale.ROOT, "%064x", Math.abs((long) t.registrationNumber()
                        .hashCode())))
                .build();
    }

    private static RegisterProductRequest product(String brandId, DemoCatalog.Product p) {
        RegisterProductRequest.Builder request = RegisterProductRequest.newBuilder().setBrandId(brandId)
                .setGtin(p.gtin13()).setName(p.name()).setHsCode(p.hsCode());
        for (DemoCatalog.Msrp m : p.msrps()) {
            request.addMsrps(MarketPrice.newBuilder().setCountry(m.country())
                    .setPrice(Money.newBuilder().setAmountMinor(m.amountMinor()).setCurrency(m.currency())));
        }
        return request.build();
    }

    private static RegisterCustomsRecordationRequest recordation(DemoCatalog.Brand brand, List<String> trademarkIds) {
        DemoCatalog.Recordation r = brand.recordation();
        LocalDate from = LocalDate.of(2024, 1, 1);
        return RegisterCustomsRecordationRequest.newBuilder()
                .setAuthority(CustomsAuthority.valueOf("CUSTOMS_AUTHORITY_" + r.authority()))
                .setRecordationNumber(r.number()).addAllTrademarkIds(trademarkIds).addAllHsCodes(r.hsCodes())
                .addAllTerritories(r.territories())
                .setDetentionContact(DetentionContact.newBuilder().setName("Brand Protection Desk")
                        .setOrganization(brand.name()).setEmail("protect@" + brand.domain()).setPhone("+442079460000"))
                .setValidFrom(date(from)).setValidUntil(date(from.plusYears(r.authority().equals("CN_GACC") ? 10 : 1)))
                .build();
    }

    private static CalendarDate date(LocalDate d) {
        return CalendarDate.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth())
                .build();
    }

    private void count(boolean wasCreated) {
        (wasCreated ? created : existing).incrementAndGet();
    }
}
