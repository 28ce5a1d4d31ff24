package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.common.v1.PageInfo;

@Description("One page of products (Relay connection).")
@Name("ProductConnection")
public class ProductConnection {
    @Description("The products of this page, in order.")
    @NonNull
    public List<@NonNull Edge> edges;
    @Description("Where the next page starts.")
    @NonNull
    public PageInfoView pageInfo;

    @Description("One product in a page.")
    @Name("ProductEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The product.")
        @NonNull
        public ProductView node;
    }

    static ProductConnection of(List<Product> items, PageInfo page) {
        ProductConnection c = new ProductConnection();
        c.pageInfo = PageInfoView.of(page);
        c.edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Edge e = new Edge();
            e.node = ProductView.of(items.get(i));
            e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
            c.edges.add(e);
        }
        return c;
    }
}
