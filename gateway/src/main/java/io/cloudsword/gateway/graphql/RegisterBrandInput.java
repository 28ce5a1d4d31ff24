package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RegisterBrandRequest;

@Description("A new brand for a rights owner. The owner (its own brands) or an admin.")
@Input("RegisterBrandInput")
public class RegisterBrandInput {
    @Description("The rights owner registering the brand: the caller's own owner_id unless the caller is an admin.")
    @Id
    @NonNull
    public String ownerId;
    @Description("The brand's name as it appears on goods; matched (case- and accent-folded) in listing texts.")
    @NonNull
    public String name;
    @Description("Other names of the brand (translations, transliterations); matched like the name in listing texts.")
    public List<String> aliases;
    @Description("Web domains the brand sells or publishes from, e.g. \"example-brand.com\".")
    public List<String> officialDomains;
    @Description("GS1 company prefixes in GTIN-13 form (6 to 12 digits); the brand owns the GTINs under the "
            + "longest matching prefix.")
    public List<String> gs1CompanyPrefixes;
    @Description("True when the brand sells only through its authorized sellers; default false.")
    @DefaultValue("false")
    public Boolean exclusiveDistribution;
    @Description("64-bit perceptual hashes (16 hex) of official product images; listings reusing them are a risk "
            + "signal.")
    public List<String> officialImageHashes;
    @Description("Markets where the brand distributes (ISO alpha-2, \"EU\" allowed); empty = worldwide.")
    public List<String> distributionTerritories;

    RegisterBrandRequest toRequest() {
        return RegisterBrandRequest.newBuilder().setOwnerId(ownerId).setName(name)
                .addAllAliases(orEmpty(aliases)).addAllOfficialDomains(orEmpty(officialDomains))
                .addAllGs1CompanyPrefixes(orEmpty(gs1CompanyPrefixes)).setExclusiveDistribution(Boolean.TRUE.equals(exclusiveDistribution))
                .addAllOfficialImageHashes(orEmpty(officialImageHashes))
                .addAllDistributionTerritories(orEmpty(distributionTerritories)).build();
    }

    private static List<String> orEmpty(List<String> values) {
        return Inputs.orEmpty(values);
    }
}
