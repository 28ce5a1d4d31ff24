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

/** A product of a brand, identified by its GTIN-14. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "brand_id", nullable = false)
    public UUID brandId;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** GTIN-14. */
    @Column(nullable = false)
    public String gtin;

    @Column(nullable = false)
    public String name;

    /** The name folded like brand names (BrandNames.fold), for substring search. */
    @Column(name = "name_key", nullable = false)
    public String nameKey = "";

    @Column(name = "hs_code", nullable = false)
    public String hsCode;

    /** One "CC:CUR:amount_minor" per market, e.g. "DE:EUR:12999" ({@link Msrp#encode}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> msrps = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "image_hashes", nullable = false, columnDefinition = "text[]")
    public List<String> imageHashes = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<Msrp> prices() {
        return msrps.stream().map(Msrp::decode).toList();
    }

    /** A manufacturer's suggested retail price in one market, in minor units. */
    public record Msrp(String country, String currency, long amountMinor) {

        public String encode() {
            return country + ":" + currency + ":" + amountMinor;
        }

        public static Msrp decode(String stored) {
            String[] parts = stored.split(":", 3);
            return new Msrp(parts[0], parts[1], Long.parseLong(parts[2]));
        }
    }
}
