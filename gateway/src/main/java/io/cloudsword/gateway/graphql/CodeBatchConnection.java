package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.verification.v1.CodeBatch;

@Description("One page of code batches (Relay connection).")
@Name("CodeBatchConnection")
public class CodeBatchConnection {
    @Description("The code batches of this page, in order.")
    @NonNull
    public List<@NonNull Edge> edges;
    @Description("Where the next page starts.")
    @NonNull
    public PageInfoView pageInfo;

    @Description("One code batch in a page.")
    @Name("CodeBatchEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The code batch.")
        @NonNull
        public CodeBatchView node;
    }

    static CodeBatchConnection of(List<CodeBatch> items, PageInfo page) {
        CodeBatchConnection c = new CodeBatchConnection();
        c.pageInfo = PageInfoView.of(page);
        c.edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Edge e = new Edge();
            e.node = CodeBatchView.of(items.get(i));
            e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
            c.edges.add(e);
        }
        return c;
    }
}
