package io.cloudsword.complaint.grpc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;

import io.cloudsword.api.common.v1.Actor;
import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.common.v1.Role;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.complaint.domain.Accountability;
import io.cloudsword.complaint.domain.Appeal;
import io.cloudsword.complaint.domain.AuditRecord;
import io.cloudsword.complaint.domain.ConsumerReport;
import io.cloudsword.complaint.domain.CounterNotice;
import io.cloudsword.complaint.domain.Evidence;
import io.cloudsword.complaint.domain.LegalActionProof;
import io.cloudsword.complaint.domain.Notice;
import io.cloudsword.complaint.domain.NoticeItem;
import io.cloudsword.complaint.domain.NoticeQueries;
import io.cloudsword.complaint.domain.Transparency;
import io.cloudsword.complaint.repository.DecisionFeed;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;

/** Domain records to and from the complaint.proto messages; no rules here. */
final class ComplaintMessages {

    private ComplaintMessages() {
    }

    /** Identifies a request's content for idempotency (same key, same bytes = the same request). */
    static String fingerprint(MessageLite request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Evidence> evidence(List<EvidenceDocument> docs) {
        return docs.stream().map(d -> new Evidence(d.getSha256(), d.getUri(), d.getMediaType(), d.getDescription())).toList();
    }

    static List<EvidenceDocument> evidenceOut(List<Evidence> docs) {
        return docs.stream().map(d -> EvidenceDocument.newBuilder().setSha256(d.sha256()).setUri(d.uri())
                .setMediaType(d.mediaType()).setDescription(d.description()).build()).toList();
    }

    static Instant instant(boolean present, com.google.protobuf.Timestamp t) {
        return present ? ProtoTime.fromProto(t) : null;
    }

    static LocalDate date(boolean present, CalendarDate d, String field) {
        if (!present || (d.getYear() == 0 && d.getMonth() == 0 && d.getDay() == 0)) {
            return null;
        }
        try {
            return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
        } catch (java.time.DateTimeException e) {
            throw DomainException.invalid(field, "INVALID_DATE", field + " is not a calendar date");
        }
    }

    static io.cloudsword.api.complaint.v1.Notice notice(Notice n) {
        io.cloudsword.api.complaint.v1.Notice.Builder b = io.cloudsword.api.complaint.v1.Notice.newBuilder()
                .setId(n.id.toString()).setKind(NoticeKind.valueOf("NOTICE_KIND_" + n.kind.name()))
                .setState(NoticeState.valueOf("NOTICE_STATE_" + n.state.name())).setPlatform(n.platform)
                .setJurisdiction(Jurisdiction.valueOf("JURISDICTION_" + n.jurisdiction.name()))
                .setNotifier(Notifier.newBuilder().setOwnerId(str(n.notifier.ownerId())).setName(n.notifier.name())
                        .setEmail(n.notifier.email()).setPhone(n.notifier.phone())
                        .setPrincipalOwnerId(str(n.notifier.principalOwnerId()))
                        .setAgentMandateId(str(n.notifier.agentMandateId()))
                        .setTrustedFlagger(n.notifier.trustedFlagger()))
                .setRight(RightReference.newBuilder()
                        .setType("NONE".equals(n.right.type()) ? RightType.RIGHT_TYPE_UNSPECIFIED
                                : RightType.valueOf("RIGHT_TYPE_" + n.right.type()))
                        .setTrademarkId(str(n.right.trademarkId())).setBrandId(str(n.right.brandId()))
                        .setRegistrationNumber(n.right.registrationNumber())
                        .setCopyrightWorkDescription(n.right.copyrightWorkDescription())
                        .setCopyrightRegistrationNumber(n.right.copyrightRegistrationNumber()))
                .setExplanation(n.explanation).addAllEvidence(evidenceOut(n.evidence))
                .setStatements(NoticeStatements.newBuilder().setGoodFaith(n.statements.goodFaith())
                        .setAccurate(n.statements.accurate()).setAuthorizedToAct(n.statements.authorizedToAct())
                        .setSignature(n.statements.signature()))
                .setClientReference(n.clientReference).setReceivedAt(ProtoTime.toProto(n.receivedAt))
                .setDecisionDueAt(ProtoTime.toProto(n.decisionDueAt)).setAssignedReviewer(n.assignedReviewer)
                .setConsumerReportId(str(n.consumerReportId)).setUpdatedAt(ProtoTime.toProto(n.updatedAt))
                .setVersion(n.version);
        if (n.decidedAt != null) {
            b.setDecidedAt(ProtoTime.toProto(n.decidedAt));
        }
        n.items.forEach(i -> b.addItems(item(i)));
        n.abuseMarks.forEach(m -> b.addAbuseMarks(NoticeAbuseMark.newBuilder()
                .setKind(NoticeAbuseKind.valueOf("NOTICE_ABUSE_KIND_" + m.kind())).setExplanation(m.explanation())
                .setMarkedBy(m.markedBy()).setMarkedAt(ProtoTime.toProto(m.markedAt()))));
        return b.build();
    }

    static io.cloudsword.api.complaint.v1.NoticeItem item(NoticeItem i) {
        io.cloudsword.api.complaint.v1.NoticeItem.Builder b = io.cloudsword.api.complaint.v1.NoticeItem.newBuilder()
                .setId(i.id.toString())
                .setReference(ListingReference.newBuilder().setUrl(i.referenceUrl).setExternalId(i.referenceExternalId))
                .setListingId(i.listingId.toString()).setShopId(i.shopId)
                .setState(NoticeItemState.valueOf("NOTICE_ITEM_STATE_" + i.state.name()))
                .setDecisionReason(i.decisionReason).setDecidedBy(i.decidedBy)
                .setCounterNoticeId(str(i.counterNoticeId)).setLegalActionProofId(str(i.legalActionProofId))
                .setStrikeId(i.strikeId);
        if (i.statement != null) {
            b.setStatement(statement(i.statement));
        }
        if (i.decidedAt != null) {
            b.setDecidedAt(ProtoTime.toProto(i.decidedAt));
        }
        if (i.takedownAppliedAt != null) {
            b.setTakedownAppliedAt(ProtoTime.toProto(i.takedownAppliedAt));
        }
        if (i.counterNoticeDeadline != null) {
            b.setCounterNoticeDeadline(ProtoTime.toProto(i.counterNoticeDeadline));
        }
        if (i.legalActionDeadline != null) {
            b.setLegalActionDeadline(ProtoTime.toProto(i.legalActionDeadline));
        }
        if (i.restoreNotBefore != null) {
            b.setRestoreNotBefore(ProtoTime.toProto(i.restoreNotBefore));
        }
        if (i.appealDeadline != null) {
            b.setAppealDeadline(ProtoTime.toProto(i.appealDeadline));
        }
        return b.build();
    }

    static StatementOfReasons statement(byte[] bytes) {
        try {
            return StatementOfReasons.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored statement of reasons does not parse", e);
        }
    }

    static io.cloudsword.api.complaint.v1.CounterNotice counterNotice(CounterNotice c) {
        io.cloudsword.api.complaint.v1.CounterNotice.Builder b = io.cloudsword.api.complaint.v1.CounterNotice.newBuilder()
                .setId(c.id().toString()).setNoticeId(c.noticeId().toString())
                .addAllItemIds(c.itemIds().stream().map(Object::toString).toList())
                .setState(CounterNoticeState.valueOf("COUNTER_NOTICE_STATE_" + c.state())).setSellerName(c.sellerName())
                .setSellerEmail(c.sellerEmail()).setSellerAddress(c.sellerAddress()).setShopId(c.shopId())
                .setExplanation(c.explanation()).addAllEvidence(evidenceOut(c.evidence()))
                .setStatements(CounterNoticeStatements.newBuilder().setGoodFaith(c.goodFaith())
                        .setConsentToJurisdiction(c.consentToJurisdiction()).setSignature(c.signature()))
                .setReceivedAt(ProtoTime.toProto(c.receivedAt()));
        if (c.forwardedAt() != null) {
            b.setForwardedAt(ProtoTime.toProto(c.forwardedAt()));
        }
        if (c.legalActionDeadline() != null) {
            b.setLegalActionDeadline(ProtoTime.toProto(c.legalActionDeadline()));
        }
        if (c.restoreNotBefore() != null) {
            b.setRestoreNotBefore(ProtoTime.toProto(c.restoreNotBefore()));
        }
        if (c.resolvedAt() != null) {
            b.setResolvedAt(ProtoTime.toProto(c.resolvedAt()));
        }
        return b.build();
    }

    static io.cloudsword.api.complaint.v1.LegalActionProof proof(LegalActionProof p) {
        io.cloudsword.api.complaint.v1.LegalActionProof.Builder b = io.cloudsword.api.complaint.v1.LegalActionProof
                .newBuilder().setId(p.id().toString()).setNoticeId(p.noticeId().toString())
                .addAllItemIds(p.itemIds().stream().map(Object::toString).toList())
                .setKind(LegalActionKind.valueOf("LEGAL_ACTION_KIND_" + p.kind()))
                .setAuthorityOrCourt(p.authorityOrCourt()).setCaseReference(p.caseReference())
                .addAllEvidence(evidenceOut(p.evidence())).setReceivedAt(ProtoTime.toProto(p.receivedAt()));
        if (p.filedOn() != null) {
            b.setFiledOn(CalendarDate.newBuilder().setYear(p.filedOn().getYear()).setMonth(p.filedOn().getMonthValue())
                    .setDay(p.filedOn().getDayOfMonth()));
        }
        return b.build();
    }

    static io.cloudsword.api.complaint.v1.Appeal appeal(Appeal a) {
        io.cloudsword.api.complaint.v1.Appeal.Builder b = io.cloudsword.api.complaint.v1.Appeal.newBuilder()
                .setId(a.id().toString()).setNoticeId(a.noticeId().toString())
                .addAllItemIds(a.itemIds().stream().map(Object::toString).toList())
                .setAppellant(AppellantRole.valueOf("APPELLANT_ROLE_" + a.appellant()))
                .setState(AppealState.valueOf("APPEAL_STATE_" + a.state())).setGrounds(a.grounds())
                .addAllEvidence(evidenceOut(a.evidence())).setFiledBy(actor(a.filedBy()))
                .setContactEmail(a.contactEmail()).setFiledAt(ProtoTime.toProto(a.filedAt()))
                .setOriginalReviewer(a.originalReviewer()).setDecidedBy(a.decidedBy())
                .setDecisionExplanation(a.decisionExplanation());
        if (a.decidedAt() != null) {
            b.setDecidedAt(ProtoTime.toProto(a.decidedAt()));
        }
        return b.build();
    }

    static Actor actor(AuditRecord.Actor a) {
        Role role;
        try {
            role = a.role().isEmpty() ? Role.ROLE_ANONYMOUS : Role.valueOf("ROLE_" + a.role().toUpperCase());
        } catch (IllegalArgumentException e) {
            role = Role.ROLE_UNSPECIFIED;
        }
        return Actor.newBuilder().setSubject(a.subject()).setRole(role).setOwnerId(a.ownerId())
                .setPlatform(a.platform()).build();
    }

    static NoticeTransition transition(AuditRecord r) {
        return NoticeTransition.newBuilder().setNoticeId(r.noticeId()).setSequence(r.sequence())
                .setSubject(AuditSubject.valueOf("AUDIT_SUBJECT_" + r.subject())).setSubjectId(r.subjectId())
                .setFromState(r.fromState()).setToState(r.toState())
                .setActor(actor(new AuditRecord.Actor(r.actorSubject(), r.actorRole(), r.actorOwnerId(),
                        r.actorPlatform())))
                .setReason(r.reason()).putAllDetails(r.details()).setOccurredAt(ProtoTime.toProto(r.occurredAt()))
                .setPrevHash(r.prevHash()).setHash(r.hash()).build();
    }

    static io.cloudsword.api.complaint.v1.ConsumerReport report(ConsumerReport r) {
        return io.cloudsword.api.complaint.v1.ConsumerReport.newBuilder()
                .setId(r.id().toString()).setPlatform(r.platform()).setListingExternalId(r.listingExternalId())
                .setReason(r.reason()).setContactEmail(r.contactEmail())
                .setStatus(ConsumerReportStatus.valueOf("CONSUMER_REPORT_STATUS_" + r.status()))
                .setCreatedAt(ProtoTime.toProto(r.createdAt())).setListingId(str(r.listingId()))
                .setDigitalLink(r.digitalLink()).setPurchaseCountry(r.purchaseCountry()).setNoticeId(str(r.noticeId()))
                .setOutcomeSummary(r.outcomeSummary()).setUpdatedAt(ProtoTime.toProto(r.updatedAt())).build();
    }

    static ReviewTask task(NoticeQueries.Task t) {
        return ReviewTask.newBuilder().setType(ReviewTaskType.valueOf("REVIEW_TASK_TYPE_" + t.type()))
                .setNoticeId(t.noticeId().toString()).setAppealId(str(t.appealId()))
                .setKind(NoticeKind.valueOf("NOTICE_KIND_" + t.kind().name())).setPlatform(t.platform())
                .setPendingItems(t.pendingItems()).setReceivedAt(ProtoTime.toProto(t.receivedAt()))
                .setDecisionDueAt(ProtoTime.toProto(t.decisionDueAt())).setAssignedReviewer(t.assignedReviewer())
                .setExcludedReviewer(t.excludedReviewer()).build();
    }

    static TransparencyStatement statement(Transparency.ExportedStatement s) {
        return TransparencyStatement.newBuilder().setPuid(s.itemId().toString()).setPlatform(s.platform())
                .setStatement(s.statement()).setCategory(s.category()).setContentType("CONTENT_TYPE_PRODUCT")
                .setContentDate(ProtoTime.toProto(s.contentDate()))
                .setApplicationDate(ProtoTime.toProto(s.applicationDate())).build();
    }

    static WatchDecisionsResponse decision(DecisionFeed.Event e) {
        WatchDecisionsResponse.Builder b = WatchDecisionsResponse.newBuilder().setSequence(e.sequence())
                .setNoticeId(e.noticeId().toString()).setItemId(e.itemId().toString())
                .setListingId(e.listingId().toString()).setExternalId(e.listingExternalId()).setShopId(e.shopId())
                .setState(NoticeItemState.valueOf("NOTICE_ITEM_STATE_" + e.state()))
                .setOccurredAt(ProtoTime.toProto(e.occurredAt()));
        if (e.statement() != null) {
            b.setStatement(statement(e.statement()));
        }
        return b.build();
    }

    static DecisionLatency latency(Accountability.Latency l) {
        return DecisionLatency.newBuilder().setDecided(l.decided()).setP50Millis(l.p50Millis())
                .setP95Millis(l.p95Millis()).setWithin24HRatio(l.within24h()).build();
    }

    static NotifierStats stats(Accountability.NotifierStats s) {
        NotifierStats.Builder b = NotifierStats.newBuilder().setNotifierOwnerId(s.ownerId())
                .setAsOf(ProtoTime.toProto(s.asOf())).setLast3Months(window(s.last3Months()))
                .setLast6Months(window(s.last6Months()))
                .setGoodFaithStatus(GoodFaithStatus.valueOf("GOOD_FAITH_STATUS_" + s.goodFaith().status()))
                .setSuspendedFromFiling(s.suspended()).setTotalNotices(s.totalNotices())
                .setTotalMalicious(s.totalMalicious());
        if (s.goodFaith().since() != null && s.goodFaith().status().equals("ADMITTED")) {
            b.setGoodFaithSince(ProtoTime.toProto(s.goodFaith().since()));
        }
        if (s.goodFaith().excludedUntil() != null) {
            b.setExcludedUntil(ProtoTime.toProto(s.goodFaith().excludedUntil()));
        }
        if (s.suspendedUntil() != null) {
            b.setSuspendedUntil(ProtoTime.toProto(s.suspendedUntil()));
        }
        return b.build();
    }

    private static NotifierWindowStats window(Accountability.WindowStats w) {
        return NotifierWindowStats.newBuilder().setFrom(ProtoTime.toProto(w.from())).setTo(ProtoTime.toProto(w.to()))
                .setNotices(w.notices()).setItemsDecided(w.itemsDecided()).setItemsAccepted(w.itemsAccepted())
                .setAcceptanceRate(w.acceptanceRate()).setTakedownSuccessRate(w.takedownSuccessRate())
                .setCounterNotices(w.counterNotices()).setCounterNoticesSucceeded(w.counterNoticesSucceeded())
                .setSuccessfulCounterNoticeRate(w.successfulCounterNoticeRate())
                .setManifestlyUnfounded(w.manifestlyUnfounded()).setMalicious(w.malicious())
                .setLatency(latency(w.latency())).build();
    }

    /** An enum value's name without its prefix ("NOTICE_STATE_ACCEPTED" -> "ACCEPTED"); UNSPECIFIED is refused. */
    static String name(Enum<?> value, String prefix, String field) {
        String n = value.name();
        if (n.endsWith("_UNSPECIFIED") || n.equals("UNRECOGNIZED")) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " is required");
        }
        return n.substring(prefix.length());
    }

    static <E extends Enum<E>> List<String> names(List<E> values, String prefix, String field) {
        return values.stream().map(v -> name(v, prefix, field)).toList();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
