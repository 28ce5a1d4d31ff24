package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.CodeVerificationResult;

@Name("CodeVerificationResult")
@Description("One answer of verifyCodes, in request order: a verification, or the item's error for a malformed code.")
public class CodeVerificationResultView {
    @Description("The code as requested.")
    @NonNull
    public String code;
    @Description("Null when the code was malformed (see error).")
    public CodeVerificationView verification;
    @Description("Set for a malformed code (INVALID_DIGITAL_LINK, INVALID_SERIAL, INVALID_GTIN).")
    public ItemErrorView error;

    static CodeVerificationResultView of(CodeVerificationResult r) {
        CodeVerificationResultView v = new CodeVerificationResultView();
        v.code = r.getCode();
        v.error = ItemErrorView.of(r.hasError(), r.getError());
        v.verification = v.error == null && r.hasVerification() ? CodeVerificationView.of(r.getVerification()) : null;
        return v;
    }
}
