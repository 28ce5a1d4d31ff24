package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.common.v1.PageInfo;

@Description("One page of trademarks (Relay connection).")
@Name("TrademarkConnection")
public class TrademarkConnection {
    @Description("The trademarks of this page, in order.")
    @NonNull
    public List<@NonNull Edge> edges;
    @Description("Where the next page starts.")
    @NonNull
    public PageInfoView pageInfo;

    @Description("One trademark in a page.")
    @Name("TrademarkEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The trademark.")
        @NonNull
        public TrademarkView node;
    }

    static TrademarkConnection of(List<Trademark> items, PageInfo page) {
        TrademarkConnection c = new TrademarkConnection();
        c.pageInfo = PageInfoView.of(page);
        c.edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Edge e = new Edge();
            e.node = TrademarkView.of(items.get(i));
            e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
            c.edges.add(e);
        }
        return c;
    }
}
