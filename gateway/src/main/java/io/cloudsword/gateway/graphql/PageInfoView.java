package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

import io.cloudsword.api.common.v1.PageInfo;

@Name("PageInfo")
@Description("Relay page info. Pass endCursor as `after` for the next page.")
public class PageInfoView {
    @Description("Cursor after the last item of this page; null when the page is empty.")
    public String endCursor;
    @Description("True when there are more items after this page.")
    public boolean hasNextPage;

    static PageInfoView of(PageInfo p) {
        PageInfoView v = new PageInfoView();
        v.endCursor = p.getEndCursor().isEmpty() ? null : p.getEndCursor();
        v.hasNextPage = p.getHasNextPage();
        return v;
    }
}
