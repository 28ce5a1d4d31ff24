package io.cloudsword.brand.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One status decision about a rights owner: who, when, why (and the reviewer's private note). */
@Entity
@Table(name = "rights_owner_event")
public class RightsOwnerEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** The status after the decision, or TRUSTED_FLAGGER_GRANTED / _REVOKED. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String reason = "";

    @Column(nullable = false)
    public String note = "";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "notice_ids", nullable = false, columnDefinition = "text[]")
    public List<String> noticeIds = new ArrayList<>();

    @Column(nullable = false)
    public Instant at;
}
