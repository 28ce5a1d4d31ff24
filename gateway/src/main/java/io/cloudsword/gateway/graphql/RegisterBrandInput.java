package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RegisterBrandRequest;

@Input("RegisterBrandInput")
public class RegisterBrandInput {
    @Id
    @NonNull
    public String ownerId;
    @NonNull
    public String name;
    public List<String> aliases;
    public List<String> officialDomains;
    public List<String> gs1CompanyPrefixes;
    @DefaultValue("false")
    public Boolean exclusiveDistribution;
    public List<String> officialImageHashes;
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
