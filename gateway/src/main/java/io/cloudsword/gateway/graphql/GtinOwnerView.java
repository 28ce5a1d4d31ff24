package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.GtinOwnerResult;

@Name("GtinOwner")
@Description("Which brand owns a GTIN by longest matching GS1 company prefix, registered as a product or not.")
public class GtinOwnerView {
    @Description("As asked")
    @NonNull
    public String gtin;
    @Description("The GTIN normalized to 14 digits.")
    @NonNull
    public String gtin14;
    @Description("A brand's GS1 company prefix covers the GTIN.")
    public boolean found;
    @Description("The brand owning the GTIN; null when not found.")
    @Id
    public String brandId;
    @Description("The rights owner of that brand; null when not found.")
    @Id
    public String ownerId;
    @Description("The longest matching prefix, GTIN-13 form.")
    public String matchedPrefix;
    @Description("The GTIN is also registered as a product of that brand.")
    public boolean registeredProduct;

    static GtinOwnerView of(GtinOwnerResult r) {
        GtinOwnerView v = new GtinOwnerView();
        v.gtin = r.getGtin();
        v.gtin14 = r.getGtin14();
        v.found = r.getFound();
        v.brandId = r.getFound() ? r.getBrandId() : null;
        v.ownerId = r.getFound() ? r.getOwnerId() : null;
        v.matchedPrefix = r.getFound() ? r.getMatchedPrefix() : null;
        v.registeredProduct = r.getRegisteredProduct();
        return v;
    }
}
