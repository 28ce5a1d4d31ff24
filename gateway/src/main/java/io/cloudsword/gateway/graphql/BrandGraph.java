package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.ListBrandsRequest;
import io.cloudsword.api.brand.v1.ResolveBrandMentionsRequest;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/** Brands: public registry data any signed-in caller may read; the owner (or an admin) writes. */
@GraphQLApi
// SmallRye prints the federation directive definitions of its latest spec (e.g. @override's label,
// new in 2.7); linking an older version makes composition reject those definitions.
@Link(url = Link.FEDERATION_SPEC_LATEST_URL, _import = { @Import(name = "@key") })
public class BrandGraph {

    private final BrandRegistryCalls calls;

    public BrandGraph(BrandRegistryCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A brand by id. Any signed-in role may read brands. Also resolves the Brand entity for federation.")
    public Uni<BrandView> brand(@Description("The brand's id.") @Id @NonNull String id) {
        return calls.call(Caller::requireSignedIn, s -> s.getBrand(GetBrandRequest.newBuilder().setId(id).build()))
                .map(r -> BrandView.of(r.getBrand()));
    }

    @Query
    @Description("Several brands in one call (up to 500), in the order asked; unknown ids are left out.")
    public Uni<List<BrandView>> brandsByIds(
            @Description("Brand ids, up to 500.") @NonNull List<@NonNull String> ids) {
        return calls.call(Caller::requireSignedIn,
                s -> s.batchGetBrands(BatchGetBrandsRequest.newBuilder().addAllIds(ids).build()))
                .map(r -> r.getBrandsList().stream().map(BrandView::of).toList());
    }

    @Query
    @Description("Brands by name, then id. Any signed-in role.")
    public Uni<BrandConnection> brands(@Id @Description("Only this owner's brands") String ownerId,
            @Description("Folded prefix match on names and aliases") String nameQuery,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Caller::requireSignedIn, s -> s.listBrands(ListBrandsRequest.newBuilder()
                .setOwnerId(Inputs.orEmpty(ownerId)).setNameQuery(Inputs.orEmpty(nameQuery))
                .setPage(Paging.of(first, after)).build()))
                .map(r -> BrandConnection.of(r.getBrandsList(), r.getPageInfo()));
    }

    @Query
    @Description("Brand mentions in many texts at once (up to 1,000), one entry per text in order. Folds case, "
            + "accents, full-width forms and spacing; never matches inside another word.")
    public Uni<List<BrandMentionsView>> resolveBrandMentions(
            @Description("Texts to search, up to 1,000 (listing titles, descriptions).")
            @NonNull List<@NonNull String> texts,
            @Id @Description("Only report these brands; empty = all") List<String> brandIds) {
        return calls.call(Caller::requireSignedIn, s -> s.resolveBrandMentions(ResolveBrandMentionsRequest
                .newBuilder().addAllTexts(texts).addAllBrandIds(Inputs.orEmpty(brandIds)).build()))
                .map(r -> r.getResultsList().stream().map(BrandMentionsView::of).toList());
    }

    @Mutation
    @Description("Registers a brand for its owner. Idempotent on the owner and the folded name.")
    public Uni<BrandView> registerBrand(@Description("The brand to register.") @NonNull RegisterBrandInput input) {
        return calls.call(caller -> Access.requireOwnerOrStaff(caller.require(Role.RIGHTS_OWNER, Role.ADMIN),
                input.ownerId, "ownerId"), s -> s.registerBrand(input.toRequest()))
                .map(r -> BrandView.of(r.getBrand()));
    }

    @Mutation
    @Description("Changes the fields set in the input. The brand's owner or an admin; a stale expectedVersion is "
            + "refused with VERSION_MISMATCH.")
    public Uni<BrandView> updateBrand(
            @Description("The brand and the fields to change; unset fields stay as they are.")
            @NonNull UpdateBrandInput input) {
        return calls.call(Access::ownerWrite, s -> s.updateBrand(input.toRequest()))
                .map(r -> BrandView.of(r.getBrand()));
    }
}
