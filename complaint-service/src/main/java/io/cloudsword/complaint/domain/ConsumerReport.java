package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "consumer_report")
public class ConsumerReport extends PanacheEntityBase {

    @Id
    public UUID id;
    /** With listingExternalId for a listing report; empty for a code report. */
    @Column(nullable = false)
    public String platform;
    @Column(name = "listing_external_id", nullable = false)
    public String listingExternalId;
    @Column(nullable = false)
    public String reason;
    @Column(name = "contact_email", nullable = false)
    public String contactEmail;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsumerReportStatus status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** The scanned code's GS1 Digital Link URI (code reports); empty for listing reports. */
    @Column(name = "digital_link", nullable = false)
    public String digitalLink;
    /** Where the consumer bought the item (ISO alpha-2); empty when not told. */
    @Column(name = "purchase_country", nullable = false)
    public String purchaseCountry;
}
