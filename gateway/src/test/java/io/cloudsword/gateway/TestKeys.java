package io.cloudsword.gateway;

import java.util.Map;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A key pair made for this test run: the gateway trusts its public half, the tests sign with the private one. */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    static final DevKeys KEYS = DevKeys.generate();
    static final DevTokens TOKENS = new DevTokens(KEYS);

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.public-key", KEYS.publicKeyBase64());
    }

    @Override
    public void stop() {
    }
}
