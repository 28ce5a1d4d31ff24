package io.cloudsword.brand.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A legal person that holds rights: the "business customer" a reviewer must know (DSA Art. 30). */
@Entity
@Table(name = "rights_owner")
public class RightsOwner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(nullable = false, columnDefinition = "bpchar(2)")
    public String country;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String phone;

    @Column(nullable = false)
    public String email;

    @Column(name = "trade_register_number", nullable = false)
    public String tradeRegisterNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RightsOwnerStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
