package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.ListRightsOwnersResponse;

@Description("One page of rights owners (Relay connection).")
@Name("RightsOwnerConnection")
public class RightsOwnerConnection {
    @Description("The rights owners of this page, in order.")
    @NonNull
    public List<@NonNull Edge> edges;
    @Description("Where the next page starts.")
    @NonNull
    public PageInfoView pageInfo;

    @Description("One rights owner in a page.")
    @Name("RightsOwnerEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The rights owner.")
        @NonNull
        public RightsOwnerView node;
    }

    static RightsOwnerConnection of(ListRightsOwnersResponse r) {
        RightsOwnerConnection c = new RightsOwnerConnection();
        c.pageInfo = PageInfoView.of(r.getPageInfo());
        c.edges = new ArrayList<>();
        for (int i = 0; i < r.getOwnersCount(); i++) {
            Edge e = new Edge();
            e.node = RightsOwnerView.of(r.getOwners(i));
            e.cursor = i == r.getOwnersCount() - 1 ? c.pageInfo.endCursor : null;
            c.edges.add(e);
        }
        return c;
    }
}
