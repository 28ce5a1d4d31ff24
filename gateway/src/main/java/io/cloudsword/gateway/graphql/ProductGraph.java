package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.GetGtinOwnerRequest;
import io.cloudsword.api.brand.v1.GetProductRequest;
import io.cloudsword.api.brand.v1.ListProductsRequest;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.gateway.security.Caller;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;

/** Products (GTINs) and GS1 prefix ownership: public registry data; the brand's owner (or an admin) writes. */
@GraphQLApi
public class ProductGraph {

    private final BrandRegistryCalls calls;

    public ProductGraph(BrandRegistryCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A product by id. Any signed-in role.")
    public Uni<ProductView> product(@Description("The product's id.") @Id @NonNull String id) {
        return calls.call(Caller::requireSignedIn, s -> s.getProduct(GetProductRequest.newBuilder().setId(id).build()))
                .map(r -> ProductView.of(r.getProduct()));
    }

    @Query
    @Description("A product by GTIN (8, 12, 13 or 14 digits); null when none is registered. An invalid GTIN is an "
            + "INVALID_ARGUMENT / INVALID_GTIN error. Also resolves the Product entity for federation.")
    public Uni<ProductView> productByGtin(@Description("GTIN-8/12/13/14.") @NonNull String gtin) {
        return calls.call(Caller::requireSignedIn, s -> s.batchGetProductsByGtin(
                BatchGetProductsByGtinRequest.newBuilder().addGtins(gtin).build()))
                .map(r -> {
                    ProductLookupResult result = r.getResults(0);
                    if (ItemErrors.present(result.hasError(), result.getError())) {
                        throw ItemErrors.toApiError(result.getError(), "gtin");
                    }
                    return result.getFound() ? ProductView.of(result.getProduct()) : null;
                });
    }

    /**
     * The Product entities of one {@code _entities} request in one BatchGetProductsByGtin call
     * (federation batch resolving is on). Hidden from the schema. An unknown or invalid GTIN
     * resolves to null here; productByGtin reports the item error instead.
     */
    @Resolver
    public Uni<List<ProductView>> productEntities(@Name("gtin") @NonNull List<@NonNull String> gtins) {
        return calls.call(Caller::requireSignedIn, s -> s.batchGetProductsByGtin(
                BatchGetProductsByGtinRequest.newBuilder().addAllGtins(gtins).build()))
                .map(r -> r.getResultsList().stream()
                        .map(result -> result.getFound() ? ProductView.of(result.getProduct()) : null).toList());
    }

    @Query
    @Description("Products by GTIN. Any signed-in role.")
    public Uni<ProductConnection> products(
            @Description("Only this brand's products.") @Id String brandId,
            @Description("Only the products of this owner's brands.") @Id String ownerId,
            @Description("Folded substring of the product name") String nameQuery,
            @Description("HS code prefix, 2..6 digits") String hsCodePrefix,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Caller::requireSignedIn, s -> s.listProducts(listRequest(brandId, first, after)
                .setOwnerId(Inputs.orEmpty(ownerId)).setNameQuery(Inputs.orEmpty(nameQuery))
                .setHsCodePrefix(Inputs.orEmpty(hsCodePrefix)).build()))
                .map(r -> ProductConnection.of(r.getProductsList(), r.getPageInfo()));
    }

    @Query
    @Description("Which brand owns this GTIN by longest matching GS1 company prefix (WCO IPM step 1)? Answers for "
            + "GTINs not registered as products too. Any signed-in role.")
    public Uni<GtinOwnerView> gtinOwner(@Description("GTIN-8/12/13/14.") @NonNull String gtin) {
        return calls.call(Caller::requireSignedIn,
                s -> s.getGtinOwner(GetGtinOwnerRequest.newBuilder().setGtin(gtin).build()))
                .map(r -> GtinOwnerView.of(r.getResult()));
    }

    @Name("brand")
    @Description("The product's brand. Batched: one BatchGetBrands per request, however many products.")
    public Uni<List<BrandView>> productBrand(@Source List<ProductView> products) {
        return calls.brandsById(products.stream().map(p -> p.brandId).toList())
                .map(brands -> products.stream().map(p -> brands.get(p.brandId))
                        .map(b -> b == null ? null : BrandView.of(b)).toList());
    }

    @Name("products")
    @Description("The brand's products by GTIN. First page only: the first 10, in one BatchListBrandProducts call "
            + "for every brand of the request (no call per brand); pageInfo.hasNextPage tells whether more exist, "
            + "read them with the query products(brandId:).")
    public Uni<List<ProductConnection>> brandProducts(@Source List<BrandView> brands) {
        return calls.firstProductsOfBrands(brands.stream().map(b -> b.id).toList())
                .map(found -> brands.stream().map(b -> found.get(b.id))
                        .map(p -> p == null ? null : ProductConnection.of(p.getProductsList(),
                                PageInfo.newBuilder().setHasNextPage(p.getHasMore()).build()))
                        .toList());
    }

    @Mutation
    @Description("Registers a product of the caller's brand. Idempotent on the GTIN-14.")
    public Uni<ProductView> registerProduct(
            @Description("The product to register.") @NonNull RegisterProductInput input) {
        return calls.call(Access::ownerWrite, s -> s.registerProduct(input.toRequest()))
                .map(r -> ProductView.of(r.getProduct()));
    }

    @Mutation
    @Description("Changes the fields set in the input. The brand's owner or an admin.")
    public Uni<ProductView> updateProduct(
            @Description("The product and the fields to change; unset fields stay as they are.")
            @NonNull UpdateProductInput input) {
        return calls.call(Access::ownerWrite, s -> s.updateProduct(input.toRequest()))
                .map(r -> ProductView.of(r.getProduct()));
    }

    private static ListProductsRequest.Builder listRequest(String brandId, Integer first, String after) {
        return ListProductsRequest.newBuilder().setBrandId(Inputs.orEmpty(brandId)).setPage(Paging.of(first, after));
    }
}
