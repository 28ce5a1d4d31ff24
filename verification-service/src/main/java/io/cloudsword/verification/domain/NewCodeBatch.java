package io.cloudsword.verification.domain;

import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/** An order for serialized codes: one GTIN, 1 to 10,000,000 codes, resolved under one host. */
public record NewCodeBatch(String ownerId, String gtin, long quantity, String resolverHost, String idempotencyKey) {

    public static final long MAX_QUANTITY = 10_000_000L;

    /** @param defaultResolverHost the GS1 Digital Link resolver used when the request names none */
    public NewCodeBatch validated(String defaultResolverHost) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw DomainException.invalid("quantity", "QUANTITY_OUT_OF_RANGE",
                    "quantity must be between 1 and " + MAX_QUANTITY + ", got " + quantity);
        }
        String host = resolverHost == null || resolverHost.isBlank() ? defaultResolverHost : resolverHost.strip();
        String ascii = Checks.hostnameOrNull(host);
        if (ascii == null) {
            throw DomainException.invalid("resolver_host", "INVALID_RESOLVER_HOST",
                    "resolver_host must be a host name such as id.brand.example");
        }
        return new NewCodeBatch(Checks.id("owner_id", ownerId), Gtin.toGtin14("gtin", gtin), quantity, ascii,
                Checks.text("idempotency_key", idempotencyKey, 200));
    }
}
