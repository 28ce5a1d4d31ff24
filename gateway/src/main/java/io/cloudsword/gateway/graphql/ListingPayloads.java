package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.listing.v1.AddStrikeResponse;
import io.cloudsword.api.listing.v1.IngestAccepted;
import io.cloudsword.api.listing.v1.IngestListingResult;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.PreviewRiskScoreResponse;
import io.cloudsword.api.listing.v1.ReinstateShopResponse;
import io.cloudsword.api.listing.v1.RescoreBrandResponse;
import io.cloudsword.api.listing.v1.RevokeStrikeResponse;

/** What the listing and shop mutations answer: the record, and whether this call changed or created it. */
final class ListingPayloads {
    private ListingPayloads() {
    }

    @Name("IngestListingPayload")
    @Description("A listing after ingest, scored.")
    public static class Ingest {
        @NonNull
        @Description("The stored listing with its score, signals and state.")
        public ListingView listing;
        @Description("False when (platform, externalId) existed already and was updated.")
        public boolean created;

        static Ingest of(Listing listing, boolean created) {
            Ingest p = new Ingest();
            p.listing = ListingView.of(listing);
            p.created = created;
            return p;
        }
    }

    @Name("ListingChangePayload")
    @Description("A listing after a state change (removal by the seller, takedown, restore, cleared flag).")
    public static class Change {
        @NonNull
        @Description("The listing after the call.")
        public ListingView listing;
        @Description("False when the call changed nothing (a repeated delivery, or the listing was already so).")
        public boolean changed;

        static Change of(Listing listing, boolean changed) {
            Change p = new Change();
            p.listing = ListingView.of(listing);
            p.changed = changed;
            return p;
        }
    }

    @Name("IngestListingResult")
    @Description("The answer for one item of ingestListings, in input order: accepted with its score, or rejected "
            + "with the field and reason. Exactly one of accepted and rejected is set.")
    public static class IngestResult {
        @Description("Position of the item in the inputs list.")
        public int index;
        @Description("The item's platform, echoed as received.")
        public String platform;
        @Description("The item's externalId, echoed as received.")
        public String externalId;
        @Description("Set when the listing was stored and scored.")
        public Accepted accepted;
        @Description("Set when the item was refused. Its field is relative to the item, e.g. price.currency or gtin; "
                + "its code is the reason, e.g. FIELD_REQUIRED, INVALID_GTIN, NOT_OWNER.")
        public ItemErrorView rejected;

        static IngestResult of(IngestListingResult r) {
            IngestResult v = new IngestResult();
            v.index = r.getIndex();
            v.platform = CodeVerificationView.blankToNull(r.getPlatform());
            v.externalId = CodeVerificationView.blankToNull(r.getExternalId());
            v.rejected = ItemErrorView.of(r.hasRejected(), r.getRejected());
            v.accepted = v.rejected == null && r.hasAccepted() ? Accepted.of(r.getAccepted()) : null;
            return v;
        }
    }

    @Name("IngestAccepted")
    @Description("A listing of ingestListings that was stored and scored.")
    public static class Accepted {
        @Id
        @NonNull
        @Description("The listing's id.")
        public String listingId;
        @Description("False when (platform, externalId) existed already and was updated.")
        public boolean created;
        @Description("Counterfeit-risk score 0..100.")
        public int riskScore;
        @NonNull
        @Description("The listing's state after ingest: " + ListingView.STATES + ".")
        public String state;
        @NonNull
        @Description("Every reason that contributed to the score, strongest first.")
        public List<ListingView.@NonNull RiskSignalView> signals;

        static Accepted of(IngestAccepted a) {
            Accepted v = new Accepted();
            v.listingId = a.getListingId();
            v.created = a.getCreated();
            v.riskScore = a.getRiskScore();
            v.state = Enums.name(a.getState(), ListingView.STATE);
            v.signals = ListingView.RiskSignalView.of(a.getSignalsList());
            return v;
        }
    }

    @Name("RiskScorePreview")
    @Description("The score a listing would get, computed without storing anything.")
    public static class Preview {
        @Description("Counterfeit-risk score 0..100.")
        public int riskScore;
        @NonNull
        @Description("Every reason that contributed to the score, strongest first.")
        public List<ListingView.@NonNull RiskSignalView> signals;
        @Description("Whether the score is above the flag threshold (the listing would be FLAGGED).")
        public boolean wouldFlag;
        @Description("Version of the scoring configuration used.")
        public String scoringVersion;

        static Preview of(PreviewRiskScoreResponse r) {
            Preview v = new Preview();
            v.riskScore = r.getRiskScore();
            v.signals = ListingView.RiskSignalView.of(r.getSignalsList());
            v.wouldFlag = r.getWouldFlag();
            v.scoringVersion = CodeVerificationView.blankToNull(r.getScoringVersion());
            return v;
        }
    }

    @Name("AddStrikePayload")
    @Description("A strike and the shop after it.")
    public static class AddStrike {
        @NonNull
        @Description("The strike.")
        public StrikeView strike;
        @Description("False when the strike for this (shop, noticeId) existed already.")
        public boolean created;
        @Description("The shop after the strike (status, liveStrikes).")
        public ShopView shop;
        @Description("Listings taken down by a suspension this call caused; 0 otherwise.")
        public long listingsTakenDown;

        static AddStrike of(AddStrikeResponse r) {
            AddStrike p = new AddStrike();
            p.strike = StrikeView.of(r.getStrike());
            p.created = r.getCreated();
            p.shop = ShopView.ofOptional(r.hasShop(), r.getShop());
            p.listingsTakenDown = r.getListingsTakenDown();
            return p;
        }
    }

    @Name("RevokeStrikePayload")
    @Description("A revoked strike and the shop after it. A SUSPENDED shop stays suspended until a reviewer "
            + "reinstates it.")
    public static class RevokeStrike {
        @NonNull
        @Description("The strike, now revoked.")
        public StrikeView strike;
        @Description("The shop after the revocation.")
        public ShopView shop;
        @Description("False when the strike was revoked already.")
        public boolean changed;

        static RevokeStrike of(RevokeStrikeResponse r) {
            RevokeStrike p = new RevokeStrike();
            p.strike = StrikeView.of(r.getStrike());
            p.shop = ShopView.ofOptional(r.hasShop(), r.getShop());
            p.changed = r.getChanged();
            return p;
        }
    }

    @Name("ReinstateShopPayload")
    @Description("A shop after reinstatement, and how many of its listings came back.")
    public static class ReinstateShop {
        @NonNull
        @Description("The shop after the call.")
        public ShopView shop;
        @Description("Listings restored with it (those held down by no notice).")
        public long listingsRestored;
        @Description("False when the shop was not suspended.")
        public boolean changed;

        static ReinstateShop of(ReinstateShopResponse r) {
            ReinstateShop p = new ReinstateShop();
            p.shop = ShopView.of(r.getShop());
            p.listingsRestored = r.getListingsRestored();
            p.changed = r.getChanged();
            return p;
        }
    }

    @Name("RescoreBrandPayload")
    @Description("The rescoring job for a brand.")
    public static class RescoreBrand {
        @NonNull
        @Description("The job; follow it with rescoreJob(id).")
        public RescoreJobView job;
        @Description("False when a PENDING job for the brand existed and was returned instead.")
        public boolean created;

        static RescoreBrand of(RescoreBrandResponse r) {
            RescoreBrand p = new RescoreBrand();
            p.job = RescoreJobView.of(r.getJob());
            p.created = r.getCreated();
            return p;
        }
    }
}
