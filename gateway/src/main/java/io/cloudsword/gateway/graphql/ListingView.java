package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.RiskSignal;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Name("Listing")
@Key(fields = @FieldSet("id"))
@Description("A marketplace listing as its partner platform sent it, with its explainable counterfeit-risk score "
        + "and its takedown state. A federation entity keyed by id: all Listing representations of one _entities "
        + "request take one BatchGetListings call.")
public class ListingView {
    /** Proto prefix of ListingState values. */
    static final String STATE = "LISTING_STATE_";
    static final String STATES = "ACTIVE (live, below the flag threshold), FLAGGED (live, above it: waiting for "
            + "review), TAKEN_DOWN (held down by a notice or its shop's suspension), RESTORED (live again after a "
            + "takedown) or REMOVED_BY_SELLER";

    @Id
    @NonNull
    @Description("The listing's id (a time-ordered UUID).")
    public String id;
    @NonNull
    @Description("Slug of the platform the listing is on, e.g. taobao.")
    public String platform;
    @NonNull
    @Description("The platform's own id of the listing; unique per platform.")
    public String externalId;
    @NonNull
    @Description("The platform's id of the shop that offers it.")
    public String shopId;
    @Description("The platform's id of the seller account; null when the platform did not say.")
    public String sellerId;
    @NonNull
    @Description("The listing's title as offered.")
    public String title;
    @Description("The listing's description; null when empty.")
    public String description;
    @Description("The offered price in minor units; null when the platform sent none.")
    public ProductView.Money price;
    @NonNull
    @Description("ISO 3166-1 alpha-2 country where the listing is offered.")
    public String marketCountry;
    @Description("ISO 3166-1 alpha-2 country the goods ship from; null when unknown.")
    public String shipsFromCountry;
    @Description("The GTIN the platform gave, as GTIN-14; null when none was given.")
    public String gtin;
    @NonNull
    @Description("64-bit perceptual hashes of the listing's images, 16 hex digits each.")
    public List<@NonNull String> imageHashes;
    @Description("https URL of the listing page; null when none was given.")
    public String url;
    @NonNull
    @Description("The takedown state: " + STATES + ".")
    public String state;
    @Description("Counterfeit-risk score 0..100; above the flag threshold an ACTIVE listing becomes FLAGGED.")
    public int riskScore;
    @NonNull
    @Description("Every reason that contributed to the score, strongest first.")
    public List<@NonNull RiskSignalView> signals;
    @Id
    @Description("The brand the score was computed against (the GTIN's owner, else the strongest mention); null if "
            + "none. See brand.")
    public String brandId;
    @NonNull
    @Description("Ids of every brand mentioned in title or description. See mentionedBrands.")
    public List<@NonNull String> mentionedBrandIds;
    @Description("When the score was last computed.")
    public Instant scoredAt;
    @Description("Version of the scoring configuration (weights, thresholds, lexicon) the score used.")
    public String scoringVersion;
    @NonNull
    @Description("Notices currently holding the listing down.")
    public List<@NonNull String> takedownNoticeIds;
    @Description("Whether the listing is held down by its shop's suspension (repeat infringer).")
    public boolean heldByShopSuspension;
    @Description("Live (not dismissed) consumer reports on the listing.")
    public int consumerReports;
    @Description("Increases with every change to the listing.")
    public long version;
    @NonNull
    @Description("When listing-service first received the listing.")
    public Instant createdAt;
    @NonNull
    @Description("When the listing last changed (data, score or state).")
    public Instant updatedAt;

    static ListingView of(Listing l) {
        ListingInput d = l.getData();
        ListingView v = new ListingView();
        v.id = l.getId();
        v.platform = d.getPlatform();
        v.externalId = d.getExternalId();
        v.shopId = d.getShopId();
        v.sellerId = CodeVerificationView.blankToNull(d.getSellerId());
        v.title = d.getTitle();
        v.description = CodeVerificationView.blankToNull(d.getDescription());
        v.price = d.hasPrice() ? ProductView.Money.of(d.getPrice()) : null;
        v.marketCountry = d.getMarketCountry();
        v.shipsFromCountry = CodeVerificationView.blankToNull(d.getShipsFromCountry());
        v.gtin = CodeVerificationView.blankToNull(d.getGtin());
        v.imageHashes = List.copyOf(d.getImageHashesList());
        v.url = CodeVerificationView.blankToNull(d.getUrl());
        v.state = Enums.name(l.getState(), STATE);
        v.riskScore = l.getRiskScore();
        v.signals = RiskSignalView.of(l.getSignalsList());
        v.brandId = CodeVerificationView.blankToNull(l.getBrandId());
        v.mentionedBrandIds = List.copyOf(l.getMentionedBrandIdsList());
        v.scoredAt = l.hasScoredAt() ? Times.of(l.getScoredAt()) : null;
        v.scoringVersion = CodeVerificationView.blankToNull(l.getScoringVersion());
        v.takedownNoticeIds = List.copyOf(l.getTakedownNoticeIdsList());
        v.heldByShopSuspension = l.getHeldByShopSuspension();
        v.consumerReports = l.getConsumerReports();
        v.version = l.getVersion();
        v.createdAt = Times.of(l.getCreatedAt());
        v.updatedAt = Times.of(l.getUpdatedAt());
        return v;
    }

    @Name("RiskSignal")
    @Description("One reason that contributed to a risk score. Codes are stable (PRICE_FAR_BELOW_MSRP, "
            + "UNAUTHORIZED_EXCLUSIVE_SELLER, BRAND_MENTION_GTIN_MISSING, BRAND_MENTION_GTIN_FOREIGN, "
            + "COUNTERFEIT_VOCABULARY, OFFICIAL_IMAGE_REUSE, SHOP_LIVE_STRIKES, CONSUMER_REPORTS); weights and "
            + "thresholds are configuration.")
    public static class RiskSignalView {
        @NonNull
        @Description("The signal's stable code, e.g. PRICE_FAR_BELOW_MSRP.")
        public String code;
        @Description("Points the signal contributed to the score.")
        public int weight;
        @NonNull
        @Description("One sentence a seller or reviewer can read, e.g. \"Price CNY 89.00 is 9 % of the MSRP CNY "
                + "999.00 for CN (threshold 30 %).\"")
        public String explanation;
        @NonNull
        @Description("The machine-readable facts behind the sentence (brand_id, term, ratio, hamming_distance, ...), "
                + "sorted by key.")
        public List<CodeVerificationView.@NonNull DetailView> details;

        static List<RiskSignalView> of(List<RiskSignal> signals) {
            return signals.stream().map(RiskSignalView::of).toList();
        }

        static RiskSignalView of(RiskSignal s) {
            RiskSignalView v = new RiskSignalView();
            v.code = s.getCode();
            v.weight = s.getWeight();
            v.explanation = s.getExplanation();
            v.details = new TreeMap<>(s.getDetailsMap()).entrySet().stream()
                    .map(e -> CodeVerificationView.DetailView.of(e.getKey(), e.getValue())).toList();
            return v;
        }
    }

    @Name("ListingConnection")
    @Description("A page of listings (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The listings of this page, in the order asked for.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<Listing> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = ListingView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("ListingEdge")
    @Description("One listing of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The listing.")
        public ListingView node;
    }
}
