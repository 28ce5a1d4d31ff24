package io.cloudsword.brand.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One GS1 company prefix and the brand that declared it: GS1 allocates a prefix to one company. */
@Entity
@Table(name = "gs1_prefix")
public class Gs1Prefix extends PanacheEntityBase {

    @Id
    public String prefix;

    @Column(name = "brand_id", nullable = false)
    public UUID brandId;

    public static Gs1Prefix of(String prefix, UUID brandId) {
        Gs1Prefix row = new Gs1Prefix();
        row.prefix = prefix;
        row.brandId = brandId;
        return row;
    }
}
