package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One listing of a notice and where it stands. Mutable within one transaction: the workflow
 * moves it and the store writes the changed fields back.
 */
public final class NoticeItem {
    public UUID id;
    public UUID noticeId;
    public int position;
    public String referenceUrl = "";
    public String referenceExternalId = "";
    public UUID listingId;
    public String listingExternalId;
    /** The platform's shop id; with the notice's platform, the shop's key in listing-service. */
    public String shopId;
    public Instant listingCreatedAt;
    public ItemState state;
    /** The latest statement of reasons (cloudsword.common.v1.StatementOfReasons bytes). */
    public byte[] statement;
    public String decisionReason = "";
    public Instant decidedAt;
    public String decidedBy = "";
    public Instant takedownAppliedAt;
    public Instant counterNoticeDeadline;
    public Instant legalActionDeadline;
    public Instant restoreNotBefore;
    public Instant appealDeadline;
    public UUID counterNoticeId;
    public UUID legalActionProofId;
    public String strikeId = "";
    /** Why an accepted item's takedown was lifted: COUNTER_NOTICE, APPEAL or WITHDRAWAL (for accountability). */
    public String restoredBy = "";
}
