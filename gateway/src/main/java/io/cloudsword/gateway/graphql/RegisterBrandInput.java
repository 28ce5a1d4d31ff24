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

    RegisterBrandRequest toRequest() {
        return RegisterBrandRequest.newBuilder().setOwnerId(ownerId).setName(name)
                .addAllAliases(orEmpty(aliases)).addAllOfficialDomains(orEmpty(officialDomains))
                .addAllGs1CompanyPrefixes(orEmpty(gs1CompanyPrefixes)).setExclusiveDistribution(Boolean.TRUE.equals(exclusiveDistribution))
                .addAllOfficialImageHashes(orEmpty(officialImageHashes)).build();
    }

    static List<String> orEmpty(List<String> values) {
        // a null inside a list would make protobuf throw; the service names the bad entry instead
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }
}
