package io.cloudsword.verification.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.cloudsword.tlog.NoteSigner;
import io.cloudsword.tlog.NoteVerifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Secrets made for this test run, so none is ever in the repository: the master key that seals
 * code keys, and the checkpoint signing key (its verifier is what tests check proofs against).
 */
public class TestLogKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ORIGIN = "log.cloudsword.test";
    public static final NoteSigner SIGNER = NoteSigner.generate(ORIGIN);
    public static final NoteVerifier VERIFIER = SIGNER.verifier();
    private static final String MASTER_KEY;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        MASTER_KEY = Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("cloudsword.codes.master-key", MASTER_KEY, "cloudsword.log.signing-key", SIGNER.keyString());
    }

    @Override
    public void stop() {
    }
}
