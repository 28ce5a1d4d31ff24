package io.cloudsword.verification.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.DomainException;

/**
 * Token buckets per client for verification. Anonymous callers and consumers share the public
 * allowance per client key (the gateway's view of the client); an INVALID answer costs extra, so
 * guessing serials runs dry fast. Signed-in partners, customs, owners and staff get a larger
 * allowance per token subject.
 */
@ApplicationScoped
public class RateLimits {

    /** Buckets kept at most; idle full buckets are dropped first when the map grows past this. */
    static final int MAX_CLIENTS = 100_000;

    private final double publicPerMinute;
    private final double publicBurst;
    private final double invalidCost;
    private final double signedInPerMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(@ConfigProperty(name = "cloudsword.codes.rate.public-per-minute", defaultValue = "60") double publicPerMinute,
            @ConfigProperty(name = "cloudsword.codes.rate.public-burst", defaultValue = "30") double publicBurst,
            @ConfigProperty(name = "cloudsword.codes.rate.invalid-cost", defaultValue = "10") double invalidCost,
            @ConfigProperty(name = "cloudsword.codes.rate.signed-in-per-minute", defaultValue = "600000") double signedInPerMinute) {
        this.publicPerMinute = publicPerMinute;
        this.publicBurst = publicBurst;
        this.invalidCost = invalidCost;
        this.signedInPerMinute = signedInPerMinute;
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private boolean isPublic(Caller caller) {
        return caller.anonymous() || caller.roles().equals(java.util.Set.of(Caller.CONSUMER));
    }

    private String key(Caller caller, String clientKey) {
        return isPublic(caller) ? "client:" + clientKey : "subject:" + caller.subject();
    }

    /** Takes {@code cost} tokens or refuses with RESOURCE_EXHAUSTED / RATE_LIMITED. */
    public void take(Caller caller, String clientKey, double cost) {
        if (!spend(caller, clientKey, cost, false)) {
            throw DomainException.exhausted("RATE_LIMITED",
                    "Too many verifications from this client; wait a minute and try again");
        }
    }

    /** An INVALID answer: charge the extra cost (never refuses; the next call will). */
    public void penalizeInvalid(Caller caller, String clientKey) {
        if (isPublic(caller)) {
            spend(caller, clientKey, invalidCost, true);
        }
    }

    private boolean spend(Caller caller, String clientKey, double cost, boolean force) {
        double perMinute = isPublic(caller) ? publicPerMinute : signedInPerMinute;
        double burst = isPublic(caller) ? publicBurst : Math.max(publicBurst, signedInPerMinute / 10);
        long now = System.nanoTime();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.tokens >= burst);
            if (buckets.size() > MAX_CLIENTS) {
                buckets.clear();
            }
        }
        Bucket bucket = buckets.computeIfAbsent(key(caller, clientKey), k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 60e9 * perMinute);
            bucket.refilledAt = now;
            if (bucket.tokens < cost && !force) {
                return false;
            }
            bucket.tokens -= cost;
            return true;
        }
    }
}
