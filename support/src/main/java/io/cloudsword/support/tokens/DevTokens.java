package io.cloudsword.support.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 JWTs for the dev and test profiles. The claims are the ones the gateway reads
 * from a real issuer: {@code groups} for roles, {@code owner_id}, {@code platform_id} and
 * {@code customs_authority} for ownership.
 */
public final class DevTokens {

    /** The issuer that only the gateway's dev and test profiles trust. */
    public static final String ISSUER = "https://dev.cloudsword.local/issuer";
    public static final String AUDIENCE = "cloudsword-gateway";

    private final DevKeys keys;

    public DevTokens(DevKeys keys) {
        this.keys = keys;
    }

    public Builder token(String subject) {
        return new Builder(subject);
    }

    public final class Builder {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final List<String> roles = new ArrayList<>();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofHours(12);

        private Builder(String subject) {
            claims.put("iss", ISSUER);
            claims.put("aud", AUDIENCE);
            claims.put("sub", subject);
        }

        public Builder role(String role) {
            roles.add(role);
            return this;
        }

        public Builder claim(String name, String value) {
            if (value != null) {
                claims.put(name, value);
            }
            return this;
        }

        public Builder issuer(String issuer) {
            claims.put("iss", issuer);
            return this;
        }

        public Builder audience(String audience) {
            claims.put("aud", audience);
            return this;
        }

        public Builder issuedAt(Instant at) {
            this.issuedAt = at;
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            Map<String, Object> body = new LinkedHashMap<>(claims);
            body.put("groups", roles);
            body.put("iat", issuedAt.getEpochSecond());
            body.put("exp", issuedAt.plus(lifetime).getEpochSecond());
            body.put("jti", UUID.randomUUID().toString());
            String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(Json.write(body));
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(keys.privateKey());
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign a dev token", e);
            }
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough JSON for flat claim sets: strings, numbers and lists of strings. */
    static final class Json {
        static String write(Map<String, Object> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(string(k)).append(':').append(value(v));
            });
            return out.append('}').toString();
        }

        private static String value(Object v) {
            if (v instanceof Number) {
                return v.toString();
            }
            if (v instanceof List<?> list) {
                StringBuilder out = new StringBuilder("[");
                for (Object item : list) {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append(string(item.toString()));
                }
                return out.append(']').toString();
            }
            return string(v.toString());
        }

        private static String string(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
