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

    @Id
    @NonNull
    public String id;
    @Id
    @NonNull
    public String ownerId;
    @Description("EU_AFA, US_CBP, CN_GACC, UK_HMRC, JP_CUSTOMS, KR_KCS")
    public String authority;
    @NonNull
    public String recordationNumber;
    @NonNull
    @Id
    public List<@NonNull String> trademarkIds;
    @NonNull
    @Id
    public List<@NonNull String> brandIds;
    @NonNull
    public List<@NonNull String> hsCodes;
    @NonNull
    public List<@NonNull String> territories;
    @NonNull
    public List<@NonNull String> authenticGtins;
    @NonNull
    public List<@NonNull String> authenticImageHashes;
    @NonNull
    public List<@NonNull Aid> identificationAids;
    @NonNull
    public List<@NonNull Party> authorizedDistributors;
    public Contact detentionContact;
    public LocalDate validFrom;
    public LocalDate validUntil;
    @Description("PENDING, ACTIVE, EXPIRED or WITHDRAWN, effective at the time of the answer.")
    public String status;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;

    @Name("TradeParty")
    public static class Party {
        @NonNull
        public String name;
        @NonNull
        public String country;
        @Description("Registration identifier, e.g. an EU EORI")
        @NonNull
        public String identifier;
    }

    @Name("DetentionContact")
    public static class Contact {
        @NonNull
        public String name;
        @NonNull
        public String organization;
        @NonNull
        public String email;
        @NonNull
        public String phone;
        @NonNull
        public String address;
        @NonNull
        public List<@NonNull String> languages;
    }

    @Name("IdentificationAid")
    public static class Aid {
        @NonNull
        public String description;
        @NonNull
        public String language;
        @NonNull
        public List<@NonNull String> imageHashes;
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
