package io.cloudsword.brand.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

/** A trademark as an office registered it; the right a notice or a customs recordation relies on. */
@Entity
@Table(name = "trademark")
public class Trademark extends PanacheEntityBase {

    /** The offices of the contract (TrademarkOffice without its prefix); new ones are added here. */
    public enum Office {
        CNIPA, USPTO, EUIPO, WIPO, UKIPO, JPO, KIPO, DPMA, INPI_FR, CIPO, IP_AUSTRALIA, CGPDTM, INPI_BR, TIPO, IPOS,
        ROSPATENT, IMPI, BOIP
    }

    /** EXPIRED is never stored: {@link #effectiveStatus} derives it from the expiry date. */
    public enum Status {
        REGISTERED, PENDING, EXPIRED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "brand_id", nullable = false)
    public UUID brandId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Office office;

    @Column(name = "registration_number", nullable = false)
    public String registrationNumber;

    @Column(name = "mark_text", nullable = false)
    public String markText = "";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "nice_classes", nullable = false, columnDefinition = "int[]")
    public List<Integer> niceClasses = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> territories = new ArrayList<>();

    @Column(name = "registration_date")
    public LocalDate registrationDate;

    @Column(name = "expiry_date")
    public LocalDate expiryDate;

    /** As registered or set: REGISTERED, PENDING or CANCELLED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "evidence_sha256", nullable = false)
    public String evidenceSha256;

    @Column(name = "mark_image_hash", nullable = false)
    public String markImageHash = "";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The status on {@code day}: a REGISTERED mark whose expiry date has passed reads EXPIRED. */
    public Status effectiveStatus(LocalDate day) {
        return Trademarks.effectiveStatus(status, expiryDate, day);
    }
}
