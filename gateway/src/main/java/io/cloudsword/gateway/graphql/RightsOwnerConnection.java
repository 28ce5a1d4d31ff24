package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.ListRightsOwnersResponse;

@Name("RightsOwnerConnection")
public class RightsOwnerConnection {
    @NonNull
    public List<@NonNull Edge> edges;
    @NonNull
    public PageInfoView pageInfo;

    @Name("RightsOwnerEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
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
