package io.cloudsword.brand.grpc;

import java.util.ArrayList;
import java.util.List;

import io.cloudsword.api.brand.v1.GtinOwnerResult;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.RegisterProductRequest;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.brand.domain.GtinOwners;
import io.cloudsword.brand.domain.NewProduct;
import io.cloudsword.brand.domain.Products;
import io.cloudsword.kit.grpc.ProtoTime;

/** Translation of the product and GTIN-ownership messages; no rules live here. */
final class ProductMessages {

    private ProductMessages() {
    }

    static NewProduct toDomain(RegisterProductRequest r) {
        return new NewProduct(r.getBrandId(), r.getGtin(), r.getName(), r.getHsCode(), prices(r.getMsrpsList()),
                r.getImageHashesList());
    }

    static NewProduct toDomain(Product p) {
        return new NewProduct(p.getBrandId(), p.getGtin(), p.getName(), p.getHsCode(), prices(p.getMsrpsList()),
                p.getImageHashesList());
    }

    private static List<io.cloudsword.brand.domain.Product.Msrp> prices(List<MarketPrice> msrps) {
        List<io.cloudsword.brand.domain.Product.Msrp> out = new ArrayList<>(msrps.size());
        for (MarketPrice m : msrps) {
            out.add(new io.cloudsword.brand.domain.Product.Msrp(m.getCountry(), m.getPrice().getCurrency(),
                    m.getPrice().getAmountMinor()));
        }
        return out;
    }

    static Product toProto(io.cloudsword.brand.domain.Product p) {
        Product.Builder b = Product.newBuilder()
                .setId(p.id.toString())
                .setBrandId(p.brandId.toString())
                .setOwnerId(p.ownerId.toString())
                .setGtin(p.gtin)
                .setName(p.name)
                .setHsCode(p.hsCode)
                .addAllImageHashes(p.imageHashes)
                .setCreatedAt(ProtoTime.toProto(p.createdAt))
                .setUpdatedAt(ProtoTime.toProto(p.updatedAt));
        for (io.cloudsword.brand.domain.Product.Msrp m : p.prices()) {
            b.addMsrps(MarketPrice.newBuilder().setCountry(m.country())
                    .setPrice(Money.newBuilder().setCurrency(m.currency()).setAmountMinor(m.amountMinor())));
        }
        return b.build();
    }

    static ProductLookupResult toProto(Products.Lookup l) {
        ProductLookupResult.Builder b = ProductLookupResult.newBuilder().setGtin(l.gtin()).setGtin14(l.gtin14());
        if (l.error() != null) {
            return b.setError(Wire.itemError(l.error())).build();
        }
        if (l.product() != null) {
            b.setFound(true).setProduct(toProto(l.product()));
        }
        return b.build();
    }

    static GtinOwnerResult toProto(GtinOwners.Result r) {
        GtinOwnerResult.Builder b = GtinOwnerResult.newBuilder().setGtin(r.gtin()).setGtin14(r.gtin14());
        if (r.error() != null) {
            return b.setError(Wire.itemError(r.error())).build();
        }
        if (r.found()) {
            b.setFound(true).setBrandId(r.brandId().toString()).setOwnerId(r.ownerId().toString())
                    .setMatchedPrefix(r.matchedPrefix()).setRegisteredProduct(r.registeredProduct());
        }
        return b.build();
    }
}
