package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.UpdateBrandRequest;

@Input("UpdateBrandInput")
@Description("Only the fields set are changed; lists are replaced whole (pass [] to clear one).")
public class UpdateBrandInput {
    @Description("The brand to change; the caller must own it (admins: any).")
    @Id
    @NonNull
    public String id;
    @Description("The version last read; a stale one is refused (VERSION_MISMATCH). Null = no check.")
    public Long expectedVersion;
    @Description("New brand name.")
    public String name;
    @Description("New aliases, replacing the old list; [] clears.")
    public List<String> aliases;
    @Description("New official domains, replacing the old list; [] clears.")
    public List<String> officialDomains;
    @Description("New GS1 company prefixes in GTIN-13 form (6 to 12 digits), replacing the old list.")
    public List<String> gs1CompanyPrefixes;
    @Description("New exclusive-distribution flag.")
    public Boolean exclusiveDistribution;
    @Description("New official image hashes (16 hex each), replacing the old list; [] clears.")
    public List<String> officialImageHashes;
    @Description("New distribution markets, replacing the old list; [] = worldwide.")
    public List<String> distributionTerritories;

    UpdateBrandRequest toRequest() {
        Brand.Builder brand = Brand.newBuilder().setId(id);
        Inputs.Mask mask = new Inputs.Mask();
        if (mask.has(name, "name")) {
            brand.setName(name);
        }
        if (mask.has(aliases, "aliases")) {
            brand.addAllAliases(Inputs.orEmpty(aliases));
        }
        if (mask.has(officialDomains, "official_domains")) {
            brand.addAllOfficialDomains(Inputs.orEmpty(officialDomains));
        }
        if (mask.has(gs1CompanyPrefixes, "gs1_company_prefixes")) {
            brand.addAllGs1CompanyPrefixes(Inputs.orEmpty(gs1CompanyPrefixes));
        }
        if (mask.has(exclusiveDistribution, "exclusive_distribution")) {
            brand.setExclusiveDistribution(exclusiveDistribution);
        }
        if (mask.has(officialImageHashes, "official_image_hashes")) {
            brand.addAllOfficialImageHashes(Inputs.orEmpty(officialImageHashes));
        }
        if (mask.has(distributionTerritories, "distribution_territories")) {
            brand.addAllDistributionTerritories(Inputs.orEmpty(distributionTerritories));
        }
        UpdateBrandRequest.Builder request = UpdateBrandRequest.newBuilder().setBrand(brand).setUpdateMask(mask.build());
        if (expectedVersion != null) {
            request.setExpectedVersion(expectedVersion);
        }
        return request.build();
    }
}
