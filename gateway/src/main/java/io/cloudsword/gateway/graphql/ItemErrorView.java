package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.gateway.error.ApiError;

@Name("ItemError")
@Description("Why one item of a batch failed, with the same code, status and field as a GraphQL error's extensions.")
public class ItemErrorView {
    @Description("The stable reason, e.g. INVALID_DIGITAL_LINK (or the status when there is no finer reason).")
    @NonNull
    public String code;
    @Description("The category: INVALID_ARGUMENT, NOT_FOUND, FORBIDDEN, ...")
    @NonNull
    public String status;
    @Description("The input at fault, e.g. requests[3].code; null when no single field is.")
    public String field;
    @Description("A human-readable explanation of the failure, in English.")
    @NonNull
    public String message;

    /** Null when the item did not fail. */
    static ItemErrorView of(boolean present, ItemError error) {
        if (!ItemErrors.present(present, error)) {
            return null;
        }
        ApiError api = ItemErrors.toApiError(error);
        ItemErrorView v = new ItemErrorView();
        v.code = String.valueOf(api.getExtensions().get("code"));
        v.status = api.code().name();
        v.field = api.field().isEmpty() ? null : api.field();
        v.message = api.getMessage();
        return v;
    }
}
