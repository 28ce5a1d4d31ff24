package io.cloudsword.listing.domain;

import java.time.Instant;
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

@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String platform;
    @Column(name = "external_id", nullable = false)
    public String externalId;
    @Column(name = "shop_id", nullable = false)
    public String shopId;
    @Column(name = "seller_id", nullable = false)
    public String sellerId;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String description;
    @Column(name = "price_minor", nullable = false)
    public long priceMinor;
    @Column(nullable = false, columnDefinition = "bpchar(3)")
    public String currency;
    @Column(name = "market_country", nullable = false, columnDefinition = "bpchar(2)")
    public String marketCountry;
    @Column(name = "ships_from_country", nullable = false, columnDefinition = "bpchar(2)")
    public String shipsFromCountry;
    @Column(columnDefinition = "bpchar(14)")
    public String gtin;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "image_hashes", nullable = false, columnDefinition = "text[]")
    public List<String> imageHashes = new ArrayList<>();
    @Column(nullable = false)
    public String url;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListingState state;
    @Column(name = "risk_score", nullable = false)
    public int riskScore;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Takes the platform's latest version of the listing; state and score are ours, not the platform's. */
    void apply(ListingData data, Instant now) {
        platform = data.platform();
        externalId = data.externalId();
        shopId = data.shopId();
        sellerId = data.sellerId();
        title = data.title();
        description = data.description();
        priceMinor = data.priceMinor();
        currency = data.currency();
        marketCountry = data.marketCountry();
        shipsFromCountry = data.shipsFromCountry();
        gtin = data.gtin();
        imageHashes = new ArrayList<>(data.imageHashes());
        url = data.url();
        updatedAt = now;
    }
}
