package io.cloudsword.listing.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.listing.brand.BrandFacts;
import io.cloudsword.listing.repository.ListingStore;
import io.cloudsword.listing.repository.ListingStore.Existing;
import io.cloudsword.listing.repository.ListingStore.Key;
import io.cloudsword.listing.repository.ShopStore;
import io.cloudsword.listing.repository.ShopStore.ShopFacts;
import io.cloudsword.listing.repository.ShopStore.ShopKey;
import io.cloudsword.listing.repository.SignalsJson;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.listing.scoring.BrandContext;
import io.cloudsword.listing.scoring.Lexicon;
import io.cloudsword.listing.scoring.ListingFacts;
import io.cloudsword.listing.scoring.RiskScore;
import io.cloudsword.listing.scoring.RiskScorer;
import io.cloudsword.listing.scoring.RiskSignal;

/**
 * Ingest: a chunk of up to 1,000 listings is validated item by item, its brand data fetched in
 * batches (through the cache), scored, and written in one transaction with one upsert, so a bad
 * item is reported alone and every accepted item is durable when the answer leaves.
 */
@ApplicationScoped
public class Ingestion {

    public static final int MAX_CHUNK = 1_000;

    /** The outcome of one item: accepted (with its score) or rejected (with the field and reason). */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(UUID listingId, boolean created, RiskScore score, ListingState state) implements Outcome {
    }

    public record Rejected(DomainException error) implements Outcome {
    }

    private final Transactions tx;
    private final ListingStore listings;
    private final ShopStore shops;
    private final BrandFacts brands;
    private final RiskScorer scorer;
    private final Clock clock;

    public Ingestion(Transactions tx, ListingStore listings, ShopStore shops, BrandFacts brands, RiskScorer scorer,
            Clock clock) {
        this.tx = tx;
        this.listings = listings;
        this.shops = shops;
        this.brands = brands;
        this.scorer = scorer;
        this.clock = clock;
    }

    public int flagThreshold() {
        return scorer.config().flagThreshold();
    }

    /** Who may ingest at all; checked once per stream before any chunk. */
    public static void requireIngester(Caller caller) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.ADMIN);
    }

    /**
     * Ingests one chunk, answering one outcome per item in order. A listing of another platform
     * than the caller's fails the whole call (a permission failure, not bad data). Blocking.
     */
    public List<Outcome> ingest(Caller caller, List<ListingData> chunk) {
        requireIngester(caller);
        if (chunk.size() > MAX_CHUNK) {
            throw DomainException.invalid("listings", "TOO_MANY_ITEMS", "At most " + MAX_CHUNK
                    + " listings per chunk, got " + chunk.size());
        }
        Outcome[] outcomes = new Outcome[chunk.size()];
        // the last occurrence of a key in the chunk is the one stored; earlier ones answer the same listing
        Map<Key, Integer> lastIndex = new LinkedHashMap<>();
        List<ListingData> valid = new ArrayList<>(chunk.size());
        List<Integer> validIndex = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            ListingData data;
            try {
                data = chunk.get(i).validated();
            } catch (DomainException e) {
                outcomes[i] = new Rejected(e);
                continue;
            }
            caller.requireActsForPlatform(data.platform());
            valid.add(data);
            validIndex.add(i);
            lastIndex.put(new Key(data.platform(), data.externalId()), valid.size() - 1);
        }
        if (valid.isEmpty()) {
            return List.of(outcomes);
        }
        List<BrandContext> contexts = brands.contexts(valid.stream().map(Ingestion::subject).toList());
        Instant now = clock.instant();
        Map<Key, Accepted> accepted = tx.inTransaction(c -> {
            List<Integer> order = new ArrayList<>(lastIndex.values());
            order.sort(Comparator.comparing((Integer v) -> valid.get(v).platform())
                    .thenComparing(v -> valid.get(v).externalId()));
            List<Key> keys = order.stream().map(v -> new Key(valid.get(v).platform(), valid.get(v).externalId()))
                    .toList();
            Map<Key, Existing> existing = listings.lockExisting(c, keys);
            Map<ShopKey, String> sellers = new LinkedHashMap<>();
            order.forEach(v -> sellers.put(new ShopKey(valid.get(v).platform(), valid.get(v).shopId()),
                    valid.get(v).sellerId()));
            shops.ensure(c, sellers, now);
            Map<ShopKey, ShopFacts> shopFacts = shops.facts(c, sellers.keySet(), now);

            List<ListingStore.Write> writes = new ArrayList<>(order.size());
            List<Planned> planned = new ArrayList<>(order.size());
            for (int v : order) {
                ListingData data = valid.get(v);
                Key key = new Key(data.platform(), data.externalId());
                Existing old = existing.get(key);
                ShopFacts shop = shopFacts.getOrDefault(new ShopKey(data.platform(), data.shopId()), ShopFacts.NONE);
                Scored scored = score(data, contexts.get(v), shop.liveStrikes(), old == null ? 0 : old.consumerReports());
                ListingStates.Decision decision = ListingStates.afterScoring(old == null ? null : old.state(),
                        scored.score().flag(), scored.fingerprint().equals(old == null ? null : old.flagClearedFingerprint()),
                        old == null ? 0 : old.liveHolds(), shop.suspended(), scored.score().score(),
                        flagThreshold());
                boolean heldByShop = (old != null && old.heldByShopSuspension())
                        || (shop.suspended() && decision.state() == ListingState.TAKEN_DOWN);
                UUID id = old != null ? old.id() : UUID.fromString(Ids.newId());
                writes.add(new ListingStore.Write(id, data, decision.state(), scored.score().score(),
                        SignalsJson.write(scored.score().signals()), scored.score().brandId(), scored.mentions(),
                        scored.score().scoringVersion(), scored.searchText(), scored.fingerprint(), heldByShop, now));
                planned.add(new Planned(key, old, decision, scored.score()));
            }
            Map<Key, ListingStore.Upserted> upserted = listings.upsert(c, writes);
            List<ListingStore.Transition> transitions = new ArrayList<>();
            Map<Key, Accepted> result = new LinkedHashMap<>();
            for (Planned p : planned) {
                ListingStore.Upserted u = upserted.get(p.key());
                ListingState from = p.old() == null ? null : p.old().state();
                // a new listing that arrives ACTIVE is no transition; one flagged or held at once is
                if (from != p.decision().state() && (from != null || p.decision().state() != ListingState.ACTIVE)) {
                    transitions.add(new ListingStore.Transition(UUID.fromString(Ids.newId()), u.id(), from,
                            p.decision().state(), caller.subject(), role(caller), caller.ownerId(),
                            caller.platformId(), p.decision().reason(), null, null, null, now));
                }
                result.put(p.key(), new Accepted(u.id(), u.created(), p.score(), p.decision().state()));
            }
            listings.insertTransitions(c, transitions);
            return result;
        });
        java.util.Set<Key> answered = new java.util.HashSet<>();
        for (int k = 0; k < valid.size(); k++) {
            Key key = new Key(valid.get(k).platform(), valid.get(k).externalId());
            Accepted a = accepted.get(key);
            boolean firstOfKey = answered.add(key);
            outcomes[validIndex.get(k)] = new Accepted(a.listingId(), a.created() && firstOfKey, a.score(), a.state());
        }
        return List.of(outcomes);
    }

    private record Planned(Key key, Existing old, ListingStates.Decision decision, RiskScore score) {
    }

    /** A listing scored: the score, the brands mentioned, its folded text and its fingerprint. */
    public record Scored(RiskScore score, List<String> mentions, String searchText, String fingerprint) {
    }

    /** Scores a listing against its brand context; pure apart from the scorer's configuration. */
    public Scored score(ListingData data, BrandContext context, int shopLiveStrikes, int consumerReports) {
        RiskScore score = scorer.score(new ListingFacts(data.platform(), data.shopId(), data.title(), data.description(),
                data.priceMinor(), data.currency(), data.marketCountry(), data.hasGtin() ? data.gtin() : null,
                data.imageHashes(), shopLiveStrikes, consumerReports), context);
        List<String> mentions = context.mentions().stream().map(BrandContext.Mention::brandId).distinct().toList();
        return new Scored(score, mentions, Lexicon.fold(data.title() + "\n" + data.description()),
                fingerprint(data, score));
    }

    /** Preview: the score a listing would get, nothing stored. */
    public RiskScore preview(Caller caller, ListingData request) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.REVIEWER, Caller.ADMIN);
        ListingData data = request.validated();
        if (caller.hasRole(Caller.PLATFORM_PARTNER) && !caller.isStaff()) {
            caller.requireActsForPlatform(data.platform());
        }
        BrandContext context = brands.contexts(List.of(subject(data))).get(0);
        ShopFacts shop = tx.read(c -> shops.facts(c, List.of(new ShopKey(data.platform(), data.shopId())), clock.instant()))
                .getOrDefault(new ShopKey(data.platform(), data.shopId()), ShopFacts.NONE);
        return score(data, context, shop.liveStrikes(), 0).score();
    }

    public static BrandFacts.Subject subject(ListingData d) {
        return new BrandFacts.Subject(d.platform(), d.shopId(), d.marketCountry(), d.hasGtin() ? d.gtin() : null,
                d.title(), d.description());
    }

    /**
     * What a reviewer's "clear flag" is bound to: the content a seller controls and the signal
     * codes. A flag cleared for one fingerprint comes back when either changes.
     */
    static String fingerprint(ListingData d, RiskScore score) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(d.title(), d.description(), Long.toString(d.priceMinor()), d.currency(),
                    d.marketCountry(), d.hasGtin() ? d.gtin() : "", String.join(",", d.imageHashes()),
                    String.join(",", score.signals().stream().map(RiskSignal::code).sorted().toList()))) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's role as transitions record it: the strongest one it holds. */
    public static String role(Caller caller) {
        for (String r : List.of(Caller.ADMIN, Caller.REVIEWER, Caller.SYSTEM, Caller.PLATFORM_PARTNER,
                Caller.RIGHTS_OWNER, Caller.CUSTOMS, Caller.CONSUMER)) {
            if (caller.hasRole(r)) {
                return r;
            }
        }
        return "";
    }
}
