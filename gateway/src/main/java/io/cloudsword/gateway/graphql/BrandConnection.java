package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.common.v1.PageInfo;

@Description("One page of brands (Relay connection).")
@Name("BrandConnection")
public class BrandConnection {
    /** The services issue one cursor per page, not per item; so only the page's last edge has one. */
    static final String CURSOR = "Set on the last edge of the page only (equal to pageInfo.endCursor): "
            + "the registry issues cursors per page, not per item.";

    @Description("The brands of this page, in order.")
    @NonNull
    public List<@NonNull Edge> edges;
    @Description("Where the next page starts.")
    @NonNull
    public PageInfoView pageInfo;

    @Description("One brand in a page.")
    @Name("BrandEdge")
    public static class Edge {
        @Description(CURSOR)
        public String cursor;
        @Description("The brand.")
        @NonNull
        public BrandView node;
    }

    static BrandConnection of(List<Brand> brands, PageInfo page) {
        BrandConnection c = new BrandConnection();
        c.pageInfo = PageInfoView.of(page);
        c.edges = new ArrayList<>();
        for (int i = 0; i < brands.size(); i++) {
            Edge e = new Edge();
            e.node = BrandView.of(brands.get(i));
            e.cursor = i == brands.size() - 1 ? c.pageInfo.endCursor : null;
            c.edges.add(e);
        }
        return c;
    }
}
