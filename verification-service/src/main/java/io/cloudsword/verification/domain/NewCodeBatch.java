package io.cloudsword.verification.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/** An order for serialized codes: one GTIN, 1 to 10,000,000 codes, resolved under one host. */
public record NewCodeBatch(String ownerId, String gtin, long quantity, String resolverHost, String idempotencyKey) {

    public static final long MAX_QUANTITY = 10_000_000L;
    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    /** @param defaultResolverHost the GS1 Digital Link resolver used when the request names none */
    public NewCodeBatch validated(String defaultResolverHost) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw DomainException.invalid("quantity", "QUANTITY_OUT_OF_RANGE",
                    "quantity must be between 1 and " + MAX_QUANTITY + ", got " + quantity);
        }
        String host = resolverHost == null || resolverHost.isBlank() ? defaultResolverHost : resolverHost.strip();
        String ascii;
        try {
            ascii = IDN.toASCII(host.toLowerCase(Locale.ROOT), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            ascii = "";
        }
        if (!HOSTNAME.matcher(ascii).matches()) {
            throw DomainException.invalid("resolver_host", "INVALID_RESOLVER_HOST",
                    "resolver_host must be a host name such as id.brand.example");
        }
        return new NewCodeBatch(Checks.id("owner_id", ownerId), Gtin.toGtin14("gtin", gtin), quantity, ascii,
                Checks.text("idempotency_key", idempotencyKey, 200));
    }
}
