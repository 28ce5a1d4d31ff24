package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.AuthorizedSeller;
import io.cloudsword.api.common.v1.PageInfo;

@Description("One page of authorized sellers (Relay connection).")
@Name("AuthorizedSellerConnection")
public class AuthorizedSellerConnection {
    @Description("The authorized sellers of this page, in order.")
    @NonNull
    public List<@NonNull Edge> edges;
    @Description("Where the next page starts.")
    @NonNull
    public PageInfoView pageInfo;

    @Description("One authorized seller in a page.")
    @Name("AuthorizedSellerEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The authorized seller.")
        @NonNull
        public AuthorizedSellerView node;
    }

    static AuthorizedSellerConnection of(List<AuthorizedSeller> items, PageInfo page) {
        AuthorizedSellerConnection c = new AuthorizedSellerConnection();
        c.pageInfo = PageInfoView.of(page);
        c.edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Edge e = new Edge();
            e.node = AuthorizedSellerView.of(items.get(i));
            e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
            c.edges.add(e);
        }
        return c;
    }
}
