package io.cloudsword.gateway.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.gateway.grpc.ForwardClientKey;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-client rate limit for callers without a bearer token (consumers checking codes and filing
 * reports, anyone probing the graph): a token bucket per client address, refilled at
 * {@code requests-per-minute} and holding at most {@code burst}. Over the limit the gateway answers
 * 429 with a Retry-After and a GraphQL error (UNAVAILABLE / RATE_LIMITED) before parsing anything,
 * so a flood costs the gateway little and the services nothing. Signed-in callers are limited by
 * their issuer and the services, not here; health and metrics (/q/) are never limited. The services
 * limit anonymous writes again per x-client-key, across gateway replicas.
 */
@ApplicationScoped
public class AnonymousRateLimit {

    /** A client's bucket: tokens left and when they were last counted. */
    private static final class Bucket {
        double tokens;
        long countedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.countedAt = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ForwardClientKey clientKeys;
    private final double perNano;
    private final double burst;
    private final int maxClients;
    private final boolean enabled;

    public AnonymousRateLimit(ForwardClientKey clientKeys,
            @ConfigProperty(name = "cloudsword.anonymous-rate-limit.requests-per-minute") int perMinute,
            @ConfigProperty(name = "cloudsword.anonymous-rate-limit.burst") int burst,
            @ConfigProperty(name = "cloudsword.anonymous-rate-limit.max-clients") int maxClients) {
        this.clientKeys = clientKeys;
        this.enabled = perMinute > 0;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.burst = Math.max(1, burst);
        this.maxClients = maxClients;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 50);
    }

    void filter(RoutingContext rc) {
        if (!enabled || rc.request().getHeader("Authorization") != null || rc.normalizedPath().startsWith("/q/")) {
            rc.next();
            return;
        }
        SocketAddress address = rc.request().remoteAddress();
        String client = address == null ? "unknown"
                : clientKeys.keyOf(address.hostAddress() != null ? address.hostAddress() : address.host());
        long waitNanos = take(client, System.nanoTime());
        if (waitNanos == 0) {
            rc.next();
            return;
        }
        long retryAfter = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
        JsonObject error = new JsonObject()
                .put("message", "Too many requests without a token from this client; retry in " + retryAfter + " s")
                .put("extensions", new JsonObject().put("code", "UNAVAILABLE").put("reason", "RATE_LIMITED"));
        rc.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter))
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    /** Takes one token from the client's bucket: 0 when granted, else how long until one is there. */
    long take(String client, long now) {
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.countedAt) * perNano);
            bucket.countedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perNano);
        }
    }

    /**
     * Bounds memory: a bucket that would be full again is no different from a new one, so it can go.
     * Clients still inside their limit period are kept, so many addresses cannot reset one another's.
     */
    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                return b.tokens + (now - b.countedAt) * perNano >= burst;
            }
        });
    }
}
