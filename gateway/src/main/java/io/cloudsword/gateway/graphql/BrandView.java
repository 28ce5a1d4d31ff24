package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Brand;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Name("Brand")
@Key(fields = @FieldSet("id"))
@Description("A brand as its rights owner registered it. A federation entity keyed by id.")
public class BrandView {
    @Description("The brand's id (UUID).")
    @Id
    @NonNull
    public String id;
    @Description("The rights owner that registered the brand and manages it.")
    @Id
    @NonNull
    public String ownerId;
    @Description("The brand's name as registered.")
    @NonNull
    public String name;
    @Description("Other names the brand is known by (translations, transliterations, former names); matched like "
            + "the name in listing texts.")
    @NonNull
    public List<@NonNull String> aliases;
    @Description("Web domains the brand sells or publishes from, e.g. \"example-brand.com\"; lower case.")
    @NonNull
    public List<@NonNull String> officialDomains;
    @Description("GS1 company prefixes in GTIN-13 form; the brand owns the GTINs under the longest matching prefix.")
    @NonNull
    public List<@NonNull String> gs1CompanyPrefixes;
    @Description("The brand sells only through its authorized sellers: new goods offered by anyone else are a "
            + "counterfeit-risk signal.")
    public boolean exclusiveDistribution;
    @Description("64-bit perceptual hashes of official product images, as 16 hex digits.")
    @NonNull
    public List<@NonNull String> officialImageHashes;
    @Description("Markets where the brand distributes its goods (ISO alpha-2, \"EU\" allowed); empty = worldwide.")
    @NonNull
    public List<@NonNull String> distributionTerritories;
    @Description("Increases with every change to the brand or what belongs to it; pass it as expectedVersion to "
            + "updateBrand.")
    public long version;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;

    static BrandView of(Brand b) {
        BrandView v = new BrandView();
        v.id = b.getId();
        v.ownerId = b.getOwnerId();
        v.name = b.getName();
        v.aliases = List.copyOf(b.getAliasesList());
        v.officialDomains = List.copyOf(b.getOfficialDomainsList());
        v.gs1CompanyPrefixes = List.copyOf(b.getGs1CompanyPrefixesList());
        v.exclusiveDistribution = b.getExclusiveDistribution();
        v.officialImageHashes = List.copyOf(b.getOfficialImageHashesList());
        v.distributionTerritories = List.copyOf(b.getDistributionTerritoriesList());
        v.version = b.getVersion();
        v.createdAt = Times.of(b.getCreatedAt());
        v.updatedAt = Times.of(b.getUpdatedAt());
        return v;
    }
}
