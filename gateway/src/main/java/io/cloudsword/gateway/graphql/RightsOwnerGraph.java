package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.brand.v1.GetRightsOwnerRequest;
import io.cloudsword.api.brand.v1.ListRightsOwnersRequest;
import io.cloudsword.api.brand.v1.ReinstateRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RejectRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.SetTrustedFlaggerRequest;
import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.brand.v1.VerifyRightsOwnerRequest;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/** Rights owners: registration, KYC review and trusted-flagger status. */
@GraphQLApi
public class RightsOwnerGraph {

    private static final String STATUS = "RIGHTS_OWNER_STATUS_";

    private final BrandRegistryCalls calls;

    public RightsOwnerGraph(BrandRegistryCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A rights owner with its contact data: the owner itself, reviewers and admins only.")
    public Uni<RightsOwnerView> rightsOwner(@Description("The rights owner's id.") @Id @NonNull String id) {
        return calls.call(caller -> Access.requireOwnerOrStaff(caller.require(Role.RIGHTS_OWNER, Role.REVIEWER,
                Role.ADMIN), id, "id"),
                s -> s.getRightsOwner(GetRightsOwnerRequest.newBuilder().setId(id).build()))
                .map(r -> RightsOwnerView.of(r.getOwner()));
    }

    @Query
    @Description("Reviewers and admins: rights owners oldest first, e.g. the PENDING verification queue.")
    public Uni<RightsOwnerConnection> rightsOwners(
            @Description("PENDING, VERIFIED, REJECTED, SUSPENDED; empty = any") List<String> statuses,
            @Description("Case-, accent- and width-insensitive substring of the legal name") String nameQuery,
            @Description("Only owners with trusted-flagger status.") @DefaultValue("false") boolean trustedFlaggersOnly,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Access::staff, s -> s.listRightsOwners(ListRightsOwnersRequest.newBuilder()
                .addAllStatuses(Enums.parseAll(RightsOwnerStatus.class, STATUS, statuses, "statuses"))
                .setNameQuery(Inputs.orEmpty(nameQuery)).setTrustedFlaggersOnly(trustedFlaggersOnly)
                .setPage(Paging.of(first, after)).build()))
                .map(RightsOwnerConnection::of);
    }

    @Name("owner")
    @Description("The brand's rights owner, for callers who may see owner data (the owner itself, reviewers, "
            + "admins); null for everyone else. Batched: one BatchGetRightsOwners per request.")
    public Uni<List<RightsOwnerView>> owner(@Source List<BrandView> brands) {
        return calls.ownersById(brands.stream().map(b -> b.ownerId).toList())
                .map(owners -> brands.stream().map(b -> owners.get(b.ownerId))
                        .map(o -> o == null ? null : RightsOwnerView.of(o)).toList());
    }

    @Mutation
    @Description("Registers a company as a rights owner (PENDING until a reviewer verifies it). Idempotent on "
            + "country and trade-register number.")
    public Uni<RightsOwnerView> registerRightsOwner(
            @Description("The legal person applying.") @NonNull RegisterRightsOwnerInput input) {
        return calls.call(caller -> caller.require(Role.RIGHTS_OWNER, Role.ADMIN),
                s -> s.registerRightsOwner(input.toRequest()))
                .map(r -> RightsOwnerView.of(r.getOwner()));
    }

    @Mutation
    @Description("Changes contact or KYC data: the owner itself, reviewers, admins.")
    public Uni<RightsOwnerView> updateRightsOwner(
            @Description("The owner and the fields to change; unset fields stay as they are.")
            @NonNull UpdateRightsOwnerInput input) {
        return calls.call(caller -> Access.requireOwnerOrStaff(caller.require(Role.RIGHTS_OWNER, Role.REVIEWER,
                Role.ADMIN), input.id, "id"), s -> s.updateRightsOwner(input.toRequest()))
                .map(r -> RightsOwnerView.of(r.getOwner()));
    }

    @Mutation
    @Description("PENDING -> VERIFIED. Reviewers and admins, never the owner itself. Idempotent.")
    public Uni<RightsOwnerView> verifyRightsOwner(
            @Description("The PENDING rights owner whose identity and documents were checked.") @Id @NonNull String id,
            @Description("Note on the documents checked, kept in history") String note) {
        return calls.call(Access::staff, s -> s.verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(id)
                .setNote(Inputs.orEmpty(note)).build()))
                .map(r -> RightsOwnerView.of(r.getOwner()));
    }

    @Mutation
    @Description("PENDING -> REJECTED with a reason shown to the owner. Reviewers and admins. Idempotent.")
    public Uni<RightsOwnerView> rejectRightsOwner(
            @Description("The PENDING rights owner.") @Id @NonNull String id,
            @Description("Why the application is rejected; shown to the owner.") @NonNull String reason) {
        return calls.call(Access::staff, s -> s.rejectRightsOwner(RejectRightsOwnerRequest.newBuilder().setId(id)
                .setReason(reason).build()))
                .map(r -> RightsOwnerView.of(r.getOwner()));
    }

    @Mutation
    @Description("VERIFIED or PENDING -> SUSPENDED (DSA Art. 23). Reviewers and admins. Idempotent.")
    public Uni<RightsOwnerView> suspendRightsOwner(
            @Description("The rights owner to suspend.") @Id @NonNull String id,
            @Description("Why, shown to the owner (DSA Art. 23 requires a statement).") @NonNull String reason,
            @Description("End of the suspension; null = until reinstated") Instant until,
            @Description("Notices that motivate the suspension") List<String> noticeIds) {
        return calls.call(Access::staff, s -> {
            SuspendRightsOwnerRequest.Builder request = SuspendRightsOwnerRequest.newBuilder().setId(id)
                    .setReason(reason).addAllNoticeIds(Inputs.orEmpty(noticeIds));
            if (until != null) {
                request.setUntil(Times.toProto(until));
            }
            return s.suspendRightsOwner(request.build());
        }).map(r -> RightsOwnerView.of(r.getOwner()));
    }

    @Mutation
    @Description("SUSPENDED -> VERIFIED (or PENDING if never verified). Reviewers and admins. Idempotent.")
    public Uni<RightsOwnerView> reinstateRightsOwner(
            @Description("The SUSPENDED rights owner.") @Id @NonNull String id,
            @Description("Why the suspension ends, for the record and the owner; optional.") String reason) {
        return calls.call(Access::staff, s -> s.reinstateRightsOwner(ReinstateRightsOwnerRequest.newBuilder()
                .setId(id).setReason(Inputs.orEmpty(reason)).build()))
                .map(r -> RightsOwnerView.of(r.getOwner()));
    }

    @Mutation
    @Name("setTrustedFlagger")
    @Description("Grants or revokes trusted-flagger status (DSA Art. 22). Admins only. Idempotent.")
    public Uni<RightsOwnerView> setTrustedFlagger(
            @Description("The rights owner whose status changes.") @Id @NonNull String ownerId,
            @Description("True grants the status, false revokes it.") boolean trusted,
            @Description("Required when trusted, e.g. \"Bundesnetzagentur (DE)\"") String grantingAuthority,
            @Description("Reference of the award decision") String reference) {
        return calls.call(caller -> caller.require(Role.ADMIN), s -> s.setTrustedFlagger(SetTrustedFlaggerRequest
                .newBuilder().setOwnerId(ownerId).setTrusted(trusted)
                .setGrantingAuthority(Inputs.orEmpty(grantingAuthority)).setReference(Inputs.orEmpty(reference))
                .build()))
                .map(r -> RightsOwnerView.of(r.getOwner()));
    }
}
