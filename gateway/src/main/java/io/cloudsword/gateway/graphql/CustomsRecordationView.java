package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.DetentionContact;
import io.cloudsword.api.brand.v1.IdentificationAid;
import io.cloudsword.api.brand.v1.TradeParty;

@Name("CustomsRecordation")
@Description("A recordation of rights with a customs authority. Visible to its owner, customs, reviewers, admins.")
public class CustomsRecordationView {
    static final String AUTHORITY = "CUSTOMS_AUTHORITY_";
    static final String STATUS = "CUSTOMS_RECORDATION_STATUS_";

    @Description("The recordation's id.")
    @Id
    @NonNull
    public String id;
    @Description("The rights owner who recorded its rights.")
    @Id
    @NonNull
    public String ownerId;
    @Description("The customs authority it is recorded with: EU_AFA, US_CBP, CN_GACC, UK_HMRC, JP_CUSTOMS, KR_KCS.")
    public String authority;
    @Description("The authority's number for the recordation (application for action).")
    @NonNull
    public String recordationNumber;
    @Description("The recorded trademarks (brand-registry ids).")
    @NonNull
    @Id
    public List<@NonNull String> trademarkIds;
    @Description("The brands the recordation covers.")
    @NonNull
    @Id
    public List<@NonNull String> brandIds;
    @Description("Harmonized System codes of the goods covered (4 or 6 digits).")
    @NonNull
    public List<@NonNull String> hsCodes;
    @Description("Territories where the recordation applies (ISO 3166-1 alpha-2, or EU).")
    @NonNull
    public List<@NonNull String> territories;
    @Description("GTIN-14s of the genuine goods, to tell them from fakes at the border.")
    @NonNull
    public List<@NonNull String> authenticGtins;
    @Description("64-bit perceptual hashes (16 hex digits) of genuine products' images.")
    @NonNull
    public List<@NonNull String> authenticImageHashes;
    @Description("How officers tell genuine goods from fakes: descriptions, images, documents.")
    @NonNull
    public List<@NonNull Aid> identificationAids;
    @Description("Parties entitled to ship the genuine goods; others are suspect consignors.")
    @NonNull
    public List<@NonNull Party> authorizedDistributors;
    @Description("Whom customs notifies of a detention; null when none is recorded.")
    public Contact detentionContact;
    @Description("First day the recordation applies (ISO-8601 date); null when open.")
    public LocalDate validFrom;
    @Description("Last day the recordation applies (ISO-8601 date); null when open.")
    public LocalDate validUntil;
    @Description("PENDING, ACTIVE, EXPIRED or WITHDRAWN, effective at the time of the answer.")
    public String status;
    @Description("When the recordation was registered.")
    @NonNull
    public Instant createdAt;
    @Description("When it last changed.")
    @NonNull
    public Instant updatedAt;

    @Name("TradeParty")
    @Description("A party in trade: an authorized distributor or a consignor.")
    public static class Party {
        @Description("Legal name.")
        @NonNull
        public String name;
        @Description("Country of establishment (ISO 3166-1 alpha-2).")
        @NonNull
        public String country;
        @Description("Registration identifier, e.g. an EU EORI")
        @NonNull
        public String identifier;
    }

    @Name("DetentionContact")
    @Description("The rights holder's contact for detention notices.")
    public static class Contact {
        @Description("Person to notify.")
        @NonNull
        public String name;
        @Description("Organization (the rights holder or its representative).")
        @NonNull
        public String organization;
        @Description("Email for the notice.")
        @NonNull
        public String email;
        @Description("Phone, international format.")
        @NonNull
        public String phone;
        @Description("Postal address for service.")
        @NonNull
        public String address;
        @Description("Languages the contact works in (ISO 639-1).")
        @NonNull
        public List<@NonNull String> languages;
    }

    @Name("IdentificationAid")
    @Description("Help for officers to recognize genuine goods.")
    public static class Aid {
        @Description("What to look for (labels, holograms, packaging).")
        @NonNull
        public String description;
        @Description("Language of the description (ISO 639-1).")
        @NonNull
        public String language;
        @Description("Perceptual hashes of reference images (16 hex digits each).")
        @NonNull
        public List<@NonNull String> imageHashes;
        @Description("SHA-256 of reference documents.")
        @NonNull
        public List<@NonNull String> documentSha256s;
    }

    static CustomsRecordationView of(CustomsRecordation r) {
        CustomsRecordationView v = new CustomsRecordationView();
        v.id = r.getId();
        v.ownerId = r.getOwnerId();
        v.authority = Enums.name(r.getAuthority(), AUTHORITY);
        v.recordationNumber = r.getRecordationNumber();
        v.trademarkIds = List.copyOf(r.getTrademarkIdsList());
        v.brandIds = List.copyOf(r.getBrandIdsList());
        v.hsCodes = List.copyOf(r.getHsCodesList());
        v.territories = List.copyOf(r.getTerritoriesList());
        v.authenticGtins = List.copyOf(r.getAuthenticGtinsList());
        v.authenticImageHashes = List.copyOf(r.getAuthenticImageHashesList());
        v.identificationAids = r.getIdentificationAidsList().stream().map(CustomsRecordationView::aid).toList();
        v.authorizedDistributors = r.getAuthorizedDistributorsList().stream().map(CustomsRecordationView::party)
                .toList();
        v.detentionContact = r.hasDetentionContact() ? contact(r.getDetentionContact()) : null;
        v.validFrom = r.hasValidFrom() ? Times.date(r.getValidFrom()) : null;
        v.validUntil = r.hasValidUntil() ? Times.date(r.getValidUntil()) : null;
        v.status = Enums.name(r.getStatus(), STATUS);
        v.createdAt = Times.of(r.getCreatedAt());
        v.updatedAt = Times.of(r.getUpdatedAt());
        return v;
    }

    private static Party party(TradeParty p) {
        Party v = new Party();
        v.name = p.getName();
        v.country = p.getCountry();
        v.identifier = p.getIdentifier();
        return v;
    }

    private static Contact contact(DetentionContact c) {
        Contact v = new Contact();
        v.name = c.getName();
        v.organization = c.getOrganization();
        v.email = c.getEmail();
        v.phone = c.getPhone();
        v.address = c.getAddress();
        v.languages = List.copyOf(c.getLanguagesList());
        return v;
    }

    private static Aid aid(IdentificationAid a) {
        Aid v = new Aid();
        v.description = a.getDescription();
        v.language = a.getLanguage();
        v.imageHashes = List.copyOf(a.getImageHashesList());
        v.documentSha256s = List.copyOf(a.getDocumentSha256SList());
        return v;
    }
}
