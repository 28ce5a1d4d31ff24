package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.common.v1.PageInfo;

@Name("CustomsRecordationConnection")
@Description("A page of customs recordations (Relay connection), in the order the query states.")
public class CustomsRecordationConnection {
    @Description("The recordations of this page, each with its cursor.")
    @NonNull
    public List<@NonNull Edge> edges;
    @Description("Where this page ends and whether another follows.")
    @NonNull
    public PageInfoView pageInfo;

    @Name("CustomsRecordationEdge")
    @Description("One recordation of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The recordation.")
        @NonNull
        public CustomsRecordationView node;
    }

    static CustomsRecordationConnection of(List<CustomsRecordation> items, PageInfo page) {
        CustomsRecordationConnection c = new CustomsRecordationConnection();
        c.pageInfo = PageInfoView.of(page);
        c.edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Edge e = new Edge();
            e.node = CustomsRecordationView.of(items.get(i));
            e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
            c.edges.add(e);
        }
        return c;
    }
}
