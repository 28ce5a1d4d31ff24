package io.cloudsword.listing.brand;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudsword.api.brand.v1.BrandChangeKind;
import io.cloudsword.api.brand.v1.WatchBrandChangesResponse;
import io.cloudsword.kit.auth.ServiceIdentity;
import io.grpc.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows brand-registry's change stream (WatchBrandChanges) on a thread of its own and applies
 * each change to the {@link BrandCache}, then tells the cache's listeners, then records the
 * sequence in brand_watch. In that order: a crash in between re-applies a change and tells the
 * listeners twice, never zero times.
 * <p>
 * A broken stream (registry restarting, network) is reopened after the last applied sequence,
 * with exponential backoff. A stream that stays silent for longer than a few heartbeats is
 * presumed dead and reopened the same way.
 * <p>
 * Off with {@code cloudsword.brand-watch.enabled=false} (tests that want no background calls).
 */
@ApplicationScoped
public class BrandWatch {

    private static final Logger LOG = Logger.getLogger(BrandWatch.class);
    /** Only what changes a BrandContext; control events (heartbeat, resync) always come. */
    static final List<BrandChangeKind> KINDS = List.of(BrandChangeKind.BRAND_CHANGE_KIND_BRAND,
            BrandChangeKind.BRAND_CHANGE_KIND_PRODUCT, BrandChangeKind.BRAND_CHANGE_KIND_AUTHORIZED_SELLER);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    /** What the stream's subscriber hands the watch thread besides changes. */
    private record Ended(Throwable failure) {
    }

    private final BrandRegistryClient registry;
    private final BrandCache cache;
    private final WatchPosition position;
    private final ServiceIdentity identity;
    private final boolean enabled;
    private final Duration idleTimeout;
    private final Duration maxBackoff;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Context.CancellableContext call;
    /** The last sequence applied (or announced by a heartbeat); null until the stream said one. */
    private Long lastSequence;
    private boolean positionLoaded;
    /** Whether the current connection delivered anything (then the backoff starts over). */
    private boolean received;

    @Inject
    public BrandWatch(BrandRegistryClient registry, BrandCache cache, WatchPosition position, ServiceIdentity identity,
            @ConfigProperty(name = "cloudsword.brand-watch.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "cloudsword.brand-watch.idle-timeout", defaultValue = "45s") Duration idleTimeout,
            @ConfigProperty(name = "cloudsword.brand-watch.max-backoff", defaultValue = "30s") Duration maxBackoff) {
        this.registry = registry;
        this.cache = cache;
        this.position = position;
        this.identity = identity;
        this.enabled = enabled;
        this.idleTimeout = idleTimeout;
        this.maxBackoff = maxBackoff;
    }

    void onStart(@Observes StartupEvent started) {
        // read the identity now, so that a half-configured one stops the start instead of every call
        boolean identified = identity.configured();
        if (!enabled) {
            LOG.info("Brand change watch is off (cloudsword.brand-watch.enabled=false): the brand cache is not kept fresh");
            return;
        }
        LOG.infof("Following brand-registry's change stream %s", identified ? "with listing-service's service token"
                : "without a service token (cloudsword.service-auth.* not set)");
        running = true;
        Thread t = new Thread(this::run, "brand-watch");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** At shutdown, before the gRPC channels close under the open call. */
    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        running = false;
        Context.CancellableContext c = call;
        if (c != null) {
            c.cancel(null);
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        boolean failing = false;
        while (running) {
            received = false;
            try {
                if (!positionLoaded) {
                    OptionalLong saved = position.load();
                    lastSequence = saved.isPresent() ? saved.getAsLong() : null;
                    positionLoaded = true;
                }
                if (lastSequence == null) {
                    // without a position the stream starts "from now": what changed before is unknown
                    cache.forgetAll();
                }
                follow();
                failing = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing || received) {
                    LOG.warnf("Brand change watch interrupted (%s); retrying, to resume after sequence %s",
                            e.toString(), lastSequence);
                }
                failing = true;
            }
            if (received) {
                backoff = FIRST_BACKOFF; // the stream worked for a while: a new outage starts over
            }
            try {
                // jittered, so that many replicas do not reconnect in step
                Thread.sleep(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2, backoff.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    /** Opens the stream after {@link #lastSequence} and applies what arrives until it ends or fails. */
    private void follow() throws Exception {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        // the call belongs to this context: cancelling it ends the call, whose end still reaches
        // the subscriber (cancelling the subscription instead would leave the call to fail unheard)
        Context.CancellableContext call = Context.current().withCancellation();
        this.call = call;
        try {
            call.run(() -> registry.watch(lastSequence, KINDS).subscribe().with(inbox::add,
                    failure -> inbox.add(new Ended(failure)), () -> inbox.add(new Ended(null))));
            while (running) {
                Object next = inbox.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw new IllegalStateException("no heartbeat for " + idleTimeout.toSeconds() + " s");
                }
                if (next instanceof Ended ended) {
                    if (ended.failure() instanceof Exception e) {
                        throw e;
                    }
                    if (ended.failure() != null) {
                        throw new IllegalStateException(ended.failure());
                    }
                    return; // the registry ended the stream (shutting down): reopen
                }
                apply((WatchBrandChangesResponse) next);
                received = true;
            }
        } finally {
            call.cancel(null);
        }
    }

    private void apply(WatchBrandChangesResponse change) {
        switch (change.getKind()) {
            case BRAND_CHANGE_KIND_BRAND -> {
                cache.brandChanged(change.getBrandId(), change.getBrandVersion());
                cache.notifyChanged(change.getBrandId());
            }
            case BRAND_CHANGE_KIND_PRODUCT -> {
                cache.productChanged(change.getGtin(), change.getBrandId(), change.getBrandVersion());
                cache.notifyChanged(change.getBrandId());
            }
            case BRAND_CHANGE_KIND_AUTHORIZED_SELLER -> {
                cache.sellerChanged(change.getBrandId(), change.getPlatform(), change.getShopId(),
                        change.getBrandVersion());
                cache.notifyChanged(change.getBrandId());
            }
            case BRAND_CHANGE_KIND_RESYNC_REQUIRED -> {
                LOG.info("brand-registry asks for a resync: reloading every brand");
                cache.resync().forEach(cache::notifyChanged);
            }
            default -> {
                // heartbeats and kinds that do not touch a BrandContext: only the position moves
            }
        }
        if (lastSequence == null || lastSequence != change.getSequence()) {
            lastSequence = change.getSequence();
            try {
                position.save(change.getSequence());
            } catch (Exception e) {
                // the cache stays right; only a restart would replay a little more than needed
                LOG.warnf("Cannot record brand-change sequence %d: %s", change.getSequence(), e.toString());
            }
        }
    }
}
