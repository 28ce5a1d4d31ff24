package io.cloudsword.bench.seed;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.AddAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.DetentionContact;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterCustomsRecordationRequest;
import io.cloudsword.api.brand.v1.RegisterProductRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.TradeParty;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.brand.v1.RegisterTrademarkRequest;
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
 * Loads {@link DemoCatalog} into brand-registry-service over gRPC as an admin, one kind of record
 * after the other (each needs the ids of the one before), with {@code --concurrency} calls in
 * flight within a kind. Every create is idempotent on its natural key, so running it twice
 * changes nothing: the second run reports everything as already present. A kind the running
 * service does not implement yet (UNIMPLEMENTED) is skipped and reported; any other refusal is
 * counted as failed, its first messages printed, and the exit code is 1.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Load the demo catalogue (400 brands, 12,000 products, trademarks, sellers, recordations) "
                + "into the running suite. Idempotent.")
public class SeedCommand implements Callable<Integer> {

    @Option(names = "--brands", defaultValue = "400", description = "brands (default ${DEFAULT-VALUE})")
    int brands;

    @Option(names = "--products-per-brand", defaultValue = "30", description = "average (default ${DEFAULT-VALUE})")
    int productsPerBrand;

    @Option(names = "--concurrency", defaultValue = "32", description = "calls in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--seed", defaultValue = "42", description = "catalogue seed; the benchmarks use the default")
    long seed;

    @GrpcClient("brand-registry")
    MutinyBrandRegistryServiceStub registry;

    @ConfigProperty(name = "cloudsword.token")
    String token;

    private final List<Tally> tallies = new ArrayList<>();

    @Override
    public Integer call() {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        registry = GrpcClientUtils.attachHeaders(registry, bearer);
        DemoCatalog.Catalog catalog = DemoCatalog.generate(brands, productsPerBrand, seed);
        System.out.printf(Locale.ROOT, "seeding %d owners, %d brands, %d products, %d trademarks, %d authorized "
                + "sellers, %d customs recordations at concurrency %d%n", catalog.owners().size(),
                catalog.brands().size(), catalog.productCount(), catalog.trademarkCount(), catalog.sellerCount(),
                catalog.recordationCount(), concurrency);
        long start = System.nanoTime();

        List<DemoCatalog.Owner> owners = catalog.owners();
        List<OwnerState> ownerStates = phase("rights owners", owners.size(), i -> {
            DemoCatalog.Owner o = owners.get(i);
            return registry.registerRightsOwner(RegisterRightsOwnerRequest.newBuilder()
                    .setLegalName(o.legalName()).setCountry(o.country()).setAddress(o.address())
                    .setPhone(o.phone()).setEmail(o.email()).setTradeRegisterNumber(o.tradeRegisterNumber()).build())
                    .map(r -> new Outcome<>(new OwnerState(r.getOwner().getId(),
                            r.getOwner().getStatus() == RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED), r.getCreated()));
        });
        // only VERIFIED owners' rights count (DOMAIN.md); a verified owner is left alone
        phase("owner verifications", owners.size(), i -> {
            OwnerState owner = ownerStates.get(i);
            if (owner == null) {
                return null;
            }
            if (owner.verified()) {
                return Uni.createFrom().item(new Outcome<>(owner.id(), false));
            }
            return registry.verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.id())
                    .setNote("demo data: documents checked by the seed").build())
                    .map(r -> new Outcome<>(owner.id(), true));
        });

        List<DemoCatalog.Brand> brandList = catalog.brands();
        List<String> brandIds = phase("brands", brandList.size(), b -> {
            DemoCatalog.Brand brand = brandList.get(b);
            OwnerState owner = ownerStates.get(brand.ownerIndex());
            if (owner == null) {
                return null;
            }
            return registry.registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(owner.id())
                    .setName(brand.name()).addAllAliases(brand.aliases()).addGs1CompanyPrefixes(brand.gs1Prefix())
                    .addOfficialDomains(brand.domain()).setExclusiveDistribution(brand.exclusiveDistribution())
                    .build())
                    .map(r -> new Outcome<>(r.getBrand().getId(), r.getCreated()));
        });

        List<int[]> marks = pairs(brandList, b -> b.trademarks().size());
        List<String> trademarkIds = phase("trademarks", marks.size(), i -> {
            int[] at = marks.get(i);
            String brandId = brandIds.get(at[0]);
            return brandId == null ? null
                    : registry.registerTrademark(trademark(brandId, brandList.get(at[0]).trademarks().get(at[1])))
                            .map(r -> new Outcome<>(r.getTrademark().getId(), r.getCreated()));
        });

        List<int[]> products = pairs(brandList, b -> b.products().size());
        phase("products", products.size(), i -> {
            int[] at = products.get(i);
            String brandId = brandIds.get(at[0]);
            return brandId == null ? null
                    : registry.registerProduct(product(brandId, brandList.get(at[0]).products().get(at[1])))
                            .map(r -> new Outcome<>(r.getProduct().getId(), r.getCreated()));
        });

        List<int[]> sellers = pairs(brandList, b -> b.sellers().size());
        phase("authorized sellers", sellers.size(), i -> {
            int[] at = sellers.get(i);
            String brandId = brandIds.get(at[0]);
            return brandId == null ? null
                    : registry.addAuthorizedSeller(seller(brandId, brandList.get(at[0]).sellers().get(at[1])))
                            .map(r -> new Outcome<>(r.getSeller().getId(), r.getCreated()));
        });

        List<int[]> recordations = pairs(brandList, b -> b.recordations().size());
        phase("customs recordations", recordations.size(), i -> {
            int[] at = recordations.get(i);
            DemoCatalog.Recordation r = brandList.get(at[0]).recordations().get(at[1]);
            List<String> covered = new ArrayList<>();
            for (int t : r.trademarkIndexes()) {
                covered.add(trademarkIds.get(markIndex(marks, at[0], t)));
            }
            return covered.contains(null) ? null
                    : registry.registerCustomsRecordation(recordation(r, covered))
                            .map(x -> new Outcome<>(x.getRecordation().getId(), x.getCreated()));
        });

        System.out.printf(Locale.ROOT, "%n%-22s %8s %8s %8s %8s%n", "kind", "created", "present", "skipped",
                "failed");
        long failed = 0;
        for (Tally t : tallies) {
            System.out.printf(Locale.ROOT, "%-22s %8d %8d %8d %8d%s%n", t.kind, t.created, t.present, t.skipped,
                    t.failed, t.unimplemented ? "   (not implemented by the running service)" : "");
            failed += t.failed;
        }
        for (Tally t : tallies) {
            t.errors.forEach(e -> System.out.println("  " + t.kind + ": " + e));
        }
        System.out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return failed == 0 ? 0 : 1;
    }

    record OwnerState(String id, boolean verified) {
    }

    /** What one idempotent create answered: the record's value for later kinds, and whether it was new. */
    record Outcome<T>(T value, boolean created) {
    }

    static final class Tally {
        final String kind;
        long created;
        long present;
        long skipped;
        long failed;
        boolean unimplemented;
        final List<String> errors = new ArrayList<>();

        Tally(String kind) {
            this.kind = kind;
        }

        synchronized void add(Outcome<?> outcome) {
            if (outcome.created()) {
                created++;
            } else {
                present++;
            }
        }

        synchronized void skip(boolean notImplemented) {
            skipped++;
            unimplemented |= notImplemented;
        }

        synchronized void fail(Throwable e) {
            failed++;
            String message = e instanceof StatusRuntimeException sre
                    ? sre.getStatus().getCode() + ": " + sre.getStatus().getDescription()
                    : e.toString();
            if (errors.size() < 3 && !errors.contains(message)) {
                errors.add(message);
            }
        }
    }

    /**
     * Runs {@code call} for items 0..count-1 with {@code concurrency} in flight and returns each
     * item's value (null where skipped or failed). A call given as null means a record it depends
     * on is missing: skipped.
     */
    private <T> List<T> phase(String kind, int count, Function<Integer, Uni<Outcome<T>>> call) {
        Tally tally = new Tally(kind);
        tallies.add(tally);
        AtomicReferenceArray<T> values = new AtomicReferenceArray<>(count);
        long start = System.nanoTime();
        Multi.createFrom().range(0, count)
                .onItem().transformToUni(i -> {
                    Uni<Outcome<T>> uni = call.apply(i);
                    if (uni == null) {
                        tally.skip(false);
                        return Uni.createFrom().voidItem();
                    }
                    return uni.ifNoItem().after(Duration.ofSeconds(60)).fail()
                            .invoke(outcome -> {
                                values.set(i, outcome.value());
                                tally.add(outcome);
                            })
                            .replaceWithVoid()
                            .onFailure().recoverWithItem(e -> {
                                if (e instanceof StatusRuntimeException sre
                                        && sre.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                                    tally.skip(true);
                                } else {
                                    tally.fail(e);
                                }
                                return null;
                            });
                })
                .merge(concurrency)
                .collect().last()
                .await().atMost(Duration.ofMinutes(30));
        System.out.printf(Locale.ROOT, "%-22s %6d in %6.1f s%n", kind, count, (System.nanoTime() - start) / 1e9);
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(values.get(i));
        }
        return out;
    }

    /** (brand index, item index) for every item of every brand, brand by brand. */
    private static List<int[]> pairs(List<DemoCatalog.Brand> brands, Function<DemoCatalog.Brand, Integer> size) {
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < brands.size(); b++) {
            int brand = b;
            IntStream.range(0, size.apply(brands.get(b))).forEach(i -> out.add(new int[] { brand, i }));
        }
        return out;
    }

    private static int markIndex(List<int[]> marks, int brand, int trademark) {
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i)[0] == brand && marks.get(i)[1] == trademark) {
                return i;
            }
        }
        throw new IllegalArgumentException("no trademark " + trademark + " of brand " + brand);
    }

    static RegisterTrademarkRequest trademark(String brandId, DemoCatalog.Trademark t) {
        return RegisterTrademarkRequest.newBuilder().setBrandId(brandId)
                .setOffice(TrademarkOffice.valueOf("TRADEMARK_OFFICE_" + t.office()))
                .setRegistrationNumber(t.registrationNumber()).setMarkText(t.markText())
                .addAllNiceClasses(t.niceClasses()).addAllTerritories(t.territories())
                .setRegistrationDate(date(t.registered())).setExpiryDate(date(t.expires()))
                .setStatus(TrademarkStatus.TRADEMARK_STATUS_REGISTERED)
                .setEvidenceSha256(t.evidenceSha256())
                .build();
    }

    static RegisterProductRequest product(String brandId, DemoCatalog.Product p) {
        RegisterProductRequest.Builder request = RegisterProductRequest.newBuilder().setBrandId(brandId)
                .setGtin(p.gtin13()).setName(p.name()).setHsCode(p.hsCode());
        for (DemoCatalog.Msrp m : p.msrps()) {
            request.addMsrps(MarketPrice.newBuilder().setCountry(m.country())
                    .setPrice(Money.newBuilder().setAmountMinor(m.amountMinor()).setCurrency(m.currency())));
        }
        return request.build();
    }

    static AddAuthorizedSellerRequest seller(String brandId, DemoCatalog.Seller s) {
        AddAuthorizedSellerRequest.Builder request = AddAuthorizedSellerRequest.newBuilder().setBrandId(brandId)
                .setPlatform(s.platform()).setShopId(s.shopId()).addAllTerritories(s.territories())
                .setValidFrom(instant(s.validFrom())).setNote("demo distribution agreement");
        if (s.validUntil() != null) {
            request.setValidUntil(instant(s.validUntil()));
        }
        return request.build();
    }

    static RegisterCustomsRecordationRequest recordation(DemoCatalog.Recordation r, List<String> trademarkIds) {
        DemoCatalog.Contact c = r.detentionContact();
        RegisterCustomsRecordationRequest.Builder request = RegisterCustomsRecordationRequest.newBuilder()
                .setAuthority(CustomsAuthority.valueOf("CUSTOMS_AUTHORITY_" + r.authority()))
                .setRecordationNumber(r.number()).addAllTrademarkIds(trademarkIds).addAllHsCodes(r.hsCodes())
                .addAllTerritories(r.territories()).addAllAuthenticGtins(r.authenticGtins())
                .setDetentionContact(DetentionContact.newBuilder().setName(c.name()).setOrganization(c.organization())
                        .setEmail(c.email()).setPhone(c.phone()).setAddress(c.address())
                        .addAllLanguages(c.languages()))
                .setValidFrom(date(r.validFrom())).setValidUntil(date(r.validUntil()))
                .setStatus(CustomsRecordationStatus.CUSTOMS_RECORDATION_STATUS_ACTIVE);
        for (DemoCatalog.Party p : r.authorizedDistributors()) {
            request.addAuthorizedDistributors(TradeParty.newBuilder().setName(p.name()).setCountry(p.country())
                    .setIdentifier(p.identifier()));
        }
        return request.build();
    }

    private static CalendarDate date(LocalDate d) {
        return CalendarDate.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth())
                .build();
    }

    private static Timestamp instant(LocalDate d) {
        return Timestamp.newBuilder().setSeconds(d.atStartOfDay(ZoneOffset.UTC).toEpochSecond()).build();
    }
}
