package io.cloudsword.brand.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A brand as its owner declares it: names, domains, GS1 prefixes and official images. */
@Entity
@Table(name = "brand")
public class Brand extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> aliases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "official_domains", nullable = false, columnDefinition = "text[]")
    public List<String> officialDomains = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "gs1_company_prefixes", nullable = false, columnDefinition = "text[]")
    public List<String> gs1CompanyPrefixes = new ArrayList<>();

    @Column(name = "exclusive_distribution", nullable = false)
    public boolean exclusiveDistribution;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "official_image_hashes", nullable = false, columnDefinition = "text[]")
    public List<String> officialImageHashes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "distribution_territories", nullable = false, columnDefinition = "text[]")
    public List<String> distributionTerritories = new ArrayList<>();

    /** The folded name and aliases (BrandNames.fold), for prefix search. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "name_keys", nullable = false, columnDefinition = "text[]")
    public List<String> nameKeys = new ArrayList<>();

    /** Increases with every change to the brand or anything that belongs to it (BrandChanges). */
    @Column(nullable = false)
    public long version = 1;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
