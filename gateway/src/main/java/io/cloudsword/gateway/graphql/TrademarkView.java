package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.Trademark;

@Name("Trademark")
@Description("A registered (or applied-for) trademark of a brand. Public registry data.")
public class TrademarkView {
    static final String OFFICE = "TRADEMARK_OFFICE_";
    static final String STATUS = "TRADEMARK_STATUS_";

    @Description("The trademark's id (UUID).")
    @Id
    @NonNull
    public String id;
    @Description("The rights owner holding the trademark.")
    @Id
    @NonNull
    public String ownerId;
    @Description("The brand the trademark protects.")
    @Id
    @NonNull
    public String brandId;
    @Description("CNIPA, USPTO, EUIPO, WIPO, UKIPO, JPO, KIPO, DPMA, INPI_FR, CIPO, IP_AUSTRALIA, CGPDTM, INPI_BR, "
            + "TIPO, IPOS, ROSPATENT, IMPI, BOIP")
    public String office;
    @Description("Normalized: upper case, no spaces. Unique per office.")
    @NonNull
    public String registrationNumber;
    @Description("The word mark as registered; empty for a purely figurative mark.")
    @NonNull
    public String markText;
    @Description("Nice classes 1..45, ascending.")
    @NonNull
    public List<@NonNull Integer> niceClasses;
    @Description("ISO 3166-1 alpha-2 codes; \"EU\" for an EU trade mark.")
    @NonNull
    public List<@NonNull String> territories;
    @Description("yyyy-MM-dd; null while PENDING.")
    public LocalDate registrationDate;
    @Description("yyyy-MM-dd")
    public LocalDate expiryDate;
    @Description("REGISTERED (in force), PENDING, EXPIRED (derived from expiryDate) or CANCELLED.")
    public String status;
    @Description("SHA-256 (64 hex) of the registration certificate the owner holds.")
    @NonNull
    public String evidenceSha256;
    @Description("64-bit perceptual hash (16 hex) of the mark's image; empty for a word mark.")
    @NonNull
    public String markImageHash;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;

    static TrademarkView of(Trademark t) {
        TrademarkView v = new TrademarkView();
        v.id = t.getId();
        v.ownerId = t.getOwnerId();
        v.brandId = t.getBrandId();
        v.office = Enums.name(t.getOffice(), OFFICE);
        v.registrationNumber = t.getRegistrationNumber();
        v.markText = t.getMarkText();
        v.niceClasses = List.copyOf(t.getNiceClassesList());
        v.territories = List.copyOf(t.getTerritoriesList());
        v.registrationDate = t.hasRegistrationDate() ? Times.date(t.getRegistrationDate()) : null;
        v.expiryDate = t.hasExpiryDate() ? Times.date(t.getExpiryDate()) : null;
        v.status = Enums.name(t.getStatus(), STATUS);
        v.evidenceSha256 = t.getEvidenceSha256();
        v.markImageHash = t.getMarkImageHash();
        v.createdAt = Times.of(t.getCreatedAt());
        v.updatedAt = Times.of(t.getUpdatedAt());
        return v;
    }
}
