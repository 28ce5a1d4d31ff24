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
}
