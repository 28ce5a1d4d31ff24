package io.cloudsword.brand.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A recordation with a customs authority (EU AFA, US CBP, CN GACC, ...). Identification aids
 * and authorized distributors are stored as parallel arrays, one element per aid or
 * distributor; {@link #aids()} and {@link #distributors()} put them back together.
 */
@Entity
@Table(name = "customs_recordation")
public class CustomsRecordation extends PanacheEntityBase {

    /** CustomsAuthority without its prefix; new ones are added here. */
    public enum Authority {
        EU_AFA, US_CBP, CN_GACC, UK_HMRC, JP_CUSTOMS, KR_KCS
    }

    /** EXPIRED is never stored: {@link CustomsRecordations#effectiveStatus} derives it from valid_until. */
    public enum Status {
        PENDING, ACTIVE, EXPIRED, WITHDRAWN
    }

    public record Aid(String description, String language, List<String> imageHashes, List<String> documentSha256s) {
    }

    public record Party(String name, String country, String identifier) {
    }

    public record Contact(String name, String organization, String email, String phone, String address,
            List<String> languages) {
    }

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Authority authority;

    @Column(name = "recordation_number", nullable = false)
    public String recordationNumber;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "trademark_ids", nullable = false, columnDefinition = "text[]")
    public List<String> trademarkIds = new ArrayList<>();

    /** Derived from the trademarks. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "brand_ids", nullable = false, columnDefinition = "text[]")
    public List<String> brandIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "hs_codes", nullable = false, columnDefinition = "text[]")
    public List<String> hsCodes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> territories = new ArrayList<>();

    /** Territories with "EU" expanded (Territories.expanded), for matching by equality in SQL. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_keys", nullable = false, columnDefinition = "text[]")
    public List<String> territoryKeys = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "authentic_gtins", nullable = false, columnDefinition = "text[]")
    public List<String> authenticGtins = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "authentic_image_hashes", nullable = false, columnDefinition = "text[]")
    public List<String> authenticImageHashes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "aid_descriptions", nullable = false, columnDefinition = "text[]")
    public List<String> aidDescriptions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "aid_languages", nullable = false, columnDefinition = "text[]")
    public List<String> aidLanguages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "aid_image_hashes", nullable = false, columnDefinition = "text[]")
    public List<String> aidImageHashes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "aid_document_sha256s", nullable = false, columnDefinition = "text[]")
    public List<String> aidDocumentSha256s = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "distributor_names", nullable = false, columnDefinition = "text[]")
    public List<String> distributorNames = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "distributor_countries", nullable = false, columnDefinition = "text[]")
    public List<String> distributorCountries = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "distributor_identifiers", nullable = false, columnDefinition = "text[]")
    public List<String> distributorIdentifiers = new ArrayList<>();

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_organization", nullable = false)
    public String contactOrganization = "";

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;

    @Column(name = "contact_address", nullable = false)
    public String contactAddress = "";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "contact_languages", nullable = false, columnDefinition = "text[]")
    public List<String> contactLanguages = new ArrayList<>();

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    /** Inclusive: the recordation is in force on this day. */
    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    /** PENDING, ACTIVE or WITHDRAWN as filed or set. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<Aid> aids() {
        List<Aid> out = new ArrayList<>();
        for (int i = 0; i < aidDescriptions.size(); i++) {
            out.add(new Aid(aidDescriptions.get(i), aidLanguages.get(i), split(aidImageHashes.get(i)),
                    split(aidDocumentSha256s.get(i))));
        }
        return out;
    }

    public void aids(List<Aid> aids) {
        aidDescriptions = new ArrayList<>(aids.stream().map(Aid::description).toList());
        aidLanguages = new ArrayList<>(aids.stream().map(Aid::language).toList());
        aidImageHashes = new ArrayList<>(aids.stream().map(a -> String.join(",", a.imageHashes())).toList());
        aidDocumentSha256s = new ArrayList<>(aids.stream().map(a -> String.join(",", a.documentSha256s())).toList());
    }

    public List<Party> distributors() {
        List<Party> out = new ArrayList<>();
        for (int i = 0; i < distributorNames.size(); i++) {
            out.add(new Party(distributorNames.get(i), distributorCountries.get(i), distributorIdentifiers.get(i)));
        }
        return out;
    }

    public void distributors(List<Party> parties) {
        distributorNames = new ArrayList<>(parties.stream().map(Party::name).toList());
        distributorCountries = new ArrayList<>(parties.stream().map(Party::country).toList());
        distributorIdentifiers = new ArrayList<>(parties.stream().map(Party::identifier).toList());
    }

    public Contact contact() {
        return new Contact(contactName, contactOrganization, contactEmail, contactPhone, contactAddress,
                List.copyOf(contactLanguages));
    }

    public void contact(Contact c) {
        contactName = c.name();
        contactOrganization = c.organization();
        contactEmail = c.email();
        contactPhone = c.phone();
        contactAddress = c.address();
        contactLanguages = new ArrayList<>(c.languages());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
