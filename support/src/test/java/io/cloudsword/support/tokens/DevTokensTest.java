package io.cloudsword.support.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @Test
    void signsAnRs256TokenThatThePublicKeyVerifies() throws Exception {
        DevKeys keys = DevKeys.generate();
        String jwt = new DevTokens(keys).token("alice").role("rights_owner").claim("owner_id", "o-1").sign();
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"rights_owner\"]"), claims);
        assertTrue(claims.contains("\"owner_id\":\"o-1\""), claims);
        assertTrue(claims.contains("\"iss\":\"" + DevTokens.ISSUER + "\""), claims);
    }

    @Test
    void anotherKeyPairDoesNotVerifyTheToken() throws Exception {
        String jwt = new DevTokens(DevKeys.generate()).token("mallory").role("admin").sign();
        String[] parts = jwt.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(DevKeys.generate().publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertFalse(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void keysArePersistedOnceAndReloaded(@TempDir Path dir) throws Exception {
        DevKeys first = DevKeys.loadOrCreate(dir);
        DevKeys again = DevKeys.loadOrCreate(dir);
        assertEquals(first.publicKeyBase64(), again.publicKeyBase64());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(DevKeys.PRIVATE_FILE))));
    }

    @Test
    void claimValuesAreJsonEscaped() {
        String json = DevTokens.Json.write(new java.util.LinkedHashMap<>(java.util.Map.of("sub", "a\"b\\c\n")));
        assertEquals("{\"sub\":\"a\\\"b\\\\c\\u000a\"}", json);
    }
}
