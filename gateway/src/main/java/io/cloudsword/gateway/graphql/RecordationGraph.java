package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.CustomsRecordationStatus;
import io.cloudsword.api.brand.v1.GetCustomsRecordationRequest;
import io.cloudsword.api.brand.v1.ListCustomsRecordationsRequest;
import io.cloudsword.api.brand.v1.SearchCustomsRecordationsRequest;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/** Customs recordations: owners see and write their own; customs, reviewers and admins search them all. */
@GraphQLApi
public class RecordationGraph {

    private final BrandRegistryCalls calls;

    public RecordationGraph(BrandRegistryCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A customs recordation by id: its owner, customs, reviewers, admins.")
    public Uni<CustomsRecordationView> customsRecordation(
            @Description("The recordation's id.") @Id @NonNull String id) {
        return calls.call(RecordationGraph::mayRead,
                s -> s.getCustomsRecordation(GetCustomsRecordationRequest.newBuilder().setId(id).build()))
                .map(r -> CustomsRecordationView.of(r.getRecordation()));
    }

    @Query
    @Description("Recordations by owner: rights owners list their own (ownerId required), staff any.")
    public Uni<CustomsRecordationConnection> customsRecordations(
            @Description("Whose recordations: required for rights owners (their own), optional for customs and "
                    + "staff.") @Id String ownerId,
            @Description("EU_AFA, US_CBP, ...; null = any") String authority,
            @Description("Empty = any") List<String> statuses,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(caller -> {
            mayRead(caller);
            if (!caller.is(Role.CUSTOMS)) {
                // rights owners list their own only; customs and staff any owner
                Access.requireOwnerOrStaff(caller, ownerId, "ownerId");
            }
        }, s -> s.listCustomsRecordations(ListCustomsRecordationsRequest
                .newBuilder().setOwnerId(Inputs.orEmpty(ownerId))
                .setAuthority(Enums.parse(CustomsAuthority.class, CustomsRecordationView.AUTHORITY, authority,
                        "authority"))
                .addAllStatuses(Enums.parseAll(CustomsRecordationStatus.class, CustomsRecordationView.STATUS, statuses,
                        "statuses"))
                .setPage(Paging.of(first, after)).build()))
                .map(r -> CustomsRecordationConnection.of(r.getRecordationsList(), r.getPageInfo()));
    }

    @Query
    @Description("Search by brand, GTIN, HS code, authority, territory; at least one of brandId, gtin, hsCode, "
            + "authority. In force on `inForceOn` (default today, UTC) unless includeInactive. Customs, reviewers, "
            + "admins, and owners (their own only).")
    public Uni<CustomsRecordationConnection> searchCustomsRecordations(
            @Description("Recordations covering this brand's trademarks.") @Id String brandId,
            @Description("GTIN-8/12/13/14 of the goods checked.") String gtin,
            @Description("4..6 digits") String hsCode,
            @Description("EU_AFA, US_CBP, CN_GACC, UK_HMRC, JP_CUSTOMS or KR_KCS.") String authority,
            @Description("Country where the goods are checked") String territory, LocalDate inForceOn,
            @Description("Also return recordations not in force on inForceOn; default false.")
            @DefaultValue("false") boolean includeInactive,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(RecordationGraph::mayRead, s -> {
            SearchCustomsRecordationsRequest.Builder request = SearchCustomsRecordationsRequest.newBuilder()
                    .setBrandId(Inputs.orEmpty(brandId)).setGtin(Inputs.orEmpty(gtin))
                    .setHsCode(Inputs.orEmpty(hsCode))
                    .setAuthority(Enums.parse(CustomsAuthority.class, CustomsRecordationView.AUTHORITY, authority,
                            "authority"))
                    .setTerritory(Inputs.orEmpty(territory)).setIncludeInactive(includeInactive)
                    .setPage(Paging.of(first, after));
            if (inForceOn != null) {
                request.setInForceOn(Times.toProto(inForceOn));
            }
            return s.searchCustomsRecordations(request.build());
        }).map(r -> CustomsRecordationConnection.of(r.getRecordationsList(), r.getPageInfo()));
    }

    @Mutation
    @Description("Records the caller's trademarks with a customs authority. Idempotent on authority and number.")
    public Uni<CustomsRecordationView> registerCustomsRecordation(
            @Description("The recordation as granted (or applied for) by the customs authority.")
            @NonNull RegisterCustomsRecordationInput input) {
        return calls.call(Access::ownerWrite, s -> s.registerCustomsRecordation(input.toRequest()))
                .map(r -> CustomsRecordationView.of(r.getRecordation()));
    }

    @Mutation
    @Description("Changes the fields set in the input. The recordation's owner or an admin.")
    public Uni<CustomsRecordationView> updateCustomsRecordation(
            @Description("The recordation and the fields to change; unset fields stay as they are.")
            @NonNull UpdateCustomsRecordationInput input) {
        return calls.call(Access::ownerWrite, s -> s.updateCustomsRecordation(input.toRequest()))
                .map(r -> CustomsRecordationView.of(r.getRecordation()));
    }

    private static void mayRead(io.cloudsword.gateway.security.Caller caller) {
        caller.require(Role.RIGHTS_OWNER, Role.CUSTOMS, Role.REVIEWER, Role.ADMIN);
    }
}
