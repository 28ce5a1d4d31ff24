package io.cloudsword.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.quarkus.grpc.GrpcClientUtils;

/**
 * The tokens the codes benchmarks act with. {@code ./cloudsword bench} hands the program an admin
 * token ({@code cloudsword.token}) and the directory of the suite's dev signing key
 * ({@code cloudsword.dev-keys}, from CLOUDSWORD_DEV_KEYS), so the benchmarks can act as the
 * callers they measure: the rights owner who orders a batch, a platform partner who scans. Without
 * the key (an older launcher) every call goes as the admin, which the services let act for any
 * owner; the benchmark says so.
 */
final class CodeTokens {

    private final String adminToken;
    private final DevTokens tokens;

    private CodeTokens(String adminToken, DevTokens tokens) {
        this.adminToken = adminToken;
        this.tokens = tokens;
    }

    /** Never creates a key: a key the running services do not know would only sign refused tokens. */
    static CodeTokens of(String adminToken, Optional<String> devKeysDir) {
        DevTokens tokens = devKeysDir.filter(d -> !d.isBlank()).map(Path::of)
                .filter(d -> Files.isRegularFile(d.resolve("dev-token-signing.key"))
                        && Files.isRegularFile(d.resolve("dev-token-signing.pub")))
                .map(d -> new DevTokens(DevKeys.loadOrCreate(d))).orElse(null);
        return new CodeTokens(adminToken, tokens);
    }

    boolean minting() {
        return tokens != null;
    }

    String admin() {
        return adminToken;
    }

    /** A rights owner acting for {@code ownerId}; the admin when no key is at hand. */
    String owner(String ownerId) {
        return tokens == null ? adminToken
                : tokens.token("bench-owner-" + ownerId).role("rights_owner").claim("owner_id", ownerId).sign();
    }

    /** A platform partner of {@code platform}; the admin when no key is at hand. */
    String partner(String platform) {
        return tokens == null ? adminToken
                : tokens.token("bench-partner-" + platform).role("platform_partner").claim("platform_id", platform)
                        .sign();
    }

    /** A reviewer of any platform (platform trust-and-safety staff: decides notices); the admin when no key is at hand. */
    String reviewer() {
        return tokens == null ? adminToken : tokens.token("bench-reviewer").role("reviewer").sign();
    }

    /** A customs officer of {@code authority} (role customs, customs_authority claim); the admin when no key is at hand. */
    String customs(String authority) {
        return tokens == null ? adminToken
                : tokens.token("bench-customs-" + authority).role("customs").claim("customs_authority", authority)
                        .sign();
    }

    /** A service acting on its own behalf (role system), as complaint-service calls listing-service; else the admin. */
    String system(String service) {
        return tokens == null ? adminToken : tokens.token("system:" + service).role("system").sign();
    }

    static <S extends AbstractStub<S>> S bearer(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(stub, headers);
    }
}
