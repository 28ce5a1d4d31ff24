package io.cloudsword.listing.grpc;

import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import io.cloudsword.api.common.v1.Actor;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.common.v1.Role;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.api.listing.v1.ListingTransition;
import io.cloudsword.api.listing.v1.RescoreJob;
import io.cloudsword.api.listing.v1.RescoreJobStatus;
import io.cloudsword.api.listing.v1.RiskSignal;
import io.cloudsword.api.listing.v1.Shop;
import io.cloudsword.api.listing.v1.ShopEvent;
import io.cloudsword.api.listing.v1.ShopEventType;
import io.cloudsword.api.listing.v1.ShopKey;
import io.cloudsword.api.listing.v1.ShopStatus;
import io.cloudsword.api.listing.v1.Strike;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.DomainExceptionMapper;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.listing.domain.ListingData;
import io.cloudsword.listing.domain.Rescoring;
import io.cloudsword.listing.domain.Statement;
import io.cloudsword.listing.domain.StoredListing;
import io.cloudsword.listing.repository.ListingStore;
import io.cloudsword.listing.repository.ShopStore;

/** Translations between listing-service's messages and its domain; no rules here. */
final class ListingMessages {

    private ListingMessages() {
    }

    static ListingData toDomain(ListingInput in) {
        return new ListingData(in.getPlatform(), in.getExternalId(), in.getShopId(), in.getSellerId(), in.getTitle(),
                in.getDescription(), in.getPrice().getAmountMinor(), in.getPrice().getCurrency(), in.getMarketCountry(),
                in.getShipsFromCountry(), in.getGtin(), in.getImageHashesList(), in.getUrl());
    }

    static ListingInput toProto(ListingData d) {
        return ListingInput.newBuilder().setPlatform(d.platform()).setExternalId(d.externalId()).setShopId(d.shopId())
                .setSellerId(d.sellerId()).setTitle(d.title()).setDescription(d.description())
                .setPrice(Money.newBuilder().setAmountMinor(d.priceMinor()).setCurrency(d.currency()))
                .setMarketCountry(d.marketCountry()).setShipsFromCountry(d.shipsFromCountry())
                .setGtin(d.hasGtin() ? d.gtin() : "").addAllImageHashes(d.imageHashes()).setUrl(d.url()).build();
    }

    static Listing toProto(StoredListing l) {
        Listing.Builder b = Listing.newBuilder().setId(l.id().toString()).setData(toProto(l.data()))
                .setState(state(l.state())).setRiskScore(l.riskScore()).addAllSignals(signals(l.signals()))
                .setCreatedAt(ProtoTime.toProto(l.createdAt())).setUpdatedAt(ProtoTime.toProto(l.updatedAt()))
                .setBrandId(l.brandId() == null ? "" : l.brandId()).addAllMentionedBrandIds(l.mentionedBrandIds())
                .setScoringVersion(l.scoringVersion()).addAllTakedownNoticeIds(l.takedownNoticeIds())
                .setHeldByShopSuspension(l.heldByShopSuspension()).setConsumerReports(l.consumerReports())
                .setVersion(l.version());
        if (l.scoredAt() != null) {
            b.setScoredAt(ProtoTime.toProto(l.scoredAt()));
        }
        return b.build();
    }

    static List<RiskSignal> signals(List<io.cloudsword.listing.scoring.RiskSignal> signals) {
        return signals.stream().map(s -> RiskSignal.newBuilder().setCode(s.code()).setWeight(s.weight())
                .setExplanation(s.explanation()).putAllDetails(s.details()).build()).toList();
    }

    static ListingState state(io.cloudsword.listing.domain.ListingState s) {
        return s == null ? ListingState.LISTING_STATE_UNSPECIFIED : ListingState.valueOf("LISTING_STATE_" + s.name());
    }

    static io.cloudsword.listing.domain.ListingState state(ListingState s) {
        if (s == ListingState.LISTING_STATE_UNSPECIFIED || s == ListingState.UNRECOGNIZED) {
            throw DomainException.invalid("states", "INVALID_STATE", "states holds an unknown listing state");
        }
        return io.cloudsword.listing.domain.ListingState.valueOf(s.name().substring("LISTING_STATE_".length()));
    }

    /** The statement as stored: its decision, and the whole message as JSON. Absent = null. */
    static Statement statement(boolean present, StatementOfReasons s) {
        if (!present) {
            return null;
        }
        try {
            return new Statement(s.getDecision().name(), JsonFormat.printer().omittingInsignificantWhitespace().print(s));
        } catch (InvalidProtocolBufferException e) {
            throw DomainException.invalid("statement", "INVALID_STATEMENT", "statement cannot be stored: " + e.getMessage());
        }
    }

    static StatementOfReasons statement(String json) {
        StatementOfReasons.Builder b = StatementOfReasons.newBuilder();
        if (json != null && !json.isEmpty()) {
            try {
                JsonFormat.parser().ignoringUnknownFields().merge(json, b);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("stored statement of reasons does not parse", e);
            }
        }
        return b.build();
    }

    static Actor actor(String subject, String role, String owner, String platform) {
        Role r = role == null || role.isEmpty() ? Role.ROLE_UNSPECIFIED : switch (role) {
            case Caller.ADMIN -> Role.ROLE_ADMIN;
            case Caller.REVIEWER -> Role.ROLE_REVIEWER;
            case Caller.SYSTEM -> Role.ROLE_SYSTEM;
            case Caller.PLATFORM_PARTNER -> Role.ROLE_PLATFORM_PARTNER;
            case Caller.RIGHTS_OWNER -> Role.ROLE_RIGHTS_OWNER;
            case Caller.CUSTOMS -> Role.ROLE_CUSTOMS;
            case Caller.CONSUMER -> Role.ROLE_CONSUMER;
            default -> Role.ROLE_UNSPECIFIED;
        };
        return Actor.newBuilder().setSubject(nz(subject)).setRole(r).setOwnerId(nz(owner)).setPlatform(nz(platform)).build();
    }

    static ListingTransition toProto(ListingStore.Transition t) {
        ListingTransition.Builder b = ListingTransition.newBuilder().setId(t.id().toString())
                .setListingId(t.listingId().toString()).setFromState(state(t.from())).setToState(state(t.to()))
                .setActor(actor(t.actorSubject(), t.actorRole(), t.actorOwner(), t.actorPlatform()))
                .setReason(t.reason()).setNoticeId(nz(t.noticeId()))
                .setStrikeId(t.strikeId() == null ? "" : t.strikeId().toString())
                .setOccurredAt(ProtoTime.toProto(t.at()));
        if (t.statementJson() != null) {
            b.setStatement(statement(t.statementJson()));
        }
        return b.build();
    }

    static ShopStore.ShopKey key(ShopKey k) {
        return new ShopStore.ShopKey(k.getPlatform(), k.getShopId());
    }

    static Shop toProto(io.cloudsword.listing.domain.Shop s) {
        Shop.Builder b = Shop.newBuilder().setId(s.id().toString()).setPlatform(s.platform()).setShopId(s.shopId())
                .setSellerId(s.sellerId()).setStatus(ShopStatus.valueOf("SHOP_STATUS_" + s.status().name()))
                .setLiveStrikes(s.liveStrikes()).setSuspensionReason(s.suspensionReason())
                .setActiveListings(s.activeListings()).setTakenDownListings(s.takenDownListings())
                .setCreatedAt(ProtoTime.toProto(s.createdAt())).setUpdatedAt(ProtoTime.toProto(s.updatedAt()));
        if (s.suspendedAt() != null) {
            b.setSuspendedAt(ProtoTime.toProto(s.suspendedAt()));
        }
        return b.build();
    }

    static Strike toProto(io.cloudsword.listing.domain.Strike s, java.time.Instant now) {
        Strike.Builder b = Strike.newBuilder().setId(s.id().toString()).setPlatform(s.platform()).setShopId(s.shopId())
                .setNoticeId(s.noticeId()).setListingId(s.listingId()).setReason(s.reason())
                .setIssuedAt(ProtoTime.toProto(s.issuedAt())).setExpiresAt(ProtoTime.toProto(s.expiresAt()))
                .setRevokeReason(s.revokeReason()).setLive(s.liveAt(now));
        if (s.revokedAt() != null) {
            b.setRevokedAt(ProtoTime.toProto(s.revokedAt()));
        }
        return b.build();
    }

    static ShopEvent toProto(io.cloudsword.listing.domain.ShopEvent e) {
        return ShopEvent.newBuilder().setId(e.id().toString())
                .setShop(ShopKey.newBuilder().setPlatform(e.platform()).setShopId(e.shopId()))
                .setType(ShopEventType.valueOf("SHOP_EVENT_TYPE_" + e.type().name()))
                .setStrikeId(e.strikeId() == null ? "" : e.strikeId().toString()).setNoticeId(nz(e.noticeId()))
                .setLiveStrikesAfter(e.liveStrikesAfter()).setListingsAffected(e.listingsAffected())
                .setActor(actor(e.actorSubject(), e.actorRole(), null, null)).setReason(nz(e.reason()))
                .setOccurredAt(ProtoTime.toProto(e.occurredAt())).build();
    }

    static RescoreJob toProto(Rescoring.Job j) {
        RescoreJob.Builder b = RescoreJob.newBuilder().setId(j.id().toString()).setBrandId(j.brandId())
                .setStatus(RescoreJobStatus.valueOf("RESCORE_JOB_STATUS_" + j.status().name())).setReason(j.reason())
                .setListingsTotal(j.total()).setListingsDone(j.done()).setListingsChanged(j.changed())
                .setCreatedAt(ProtoTime.toProto(j.createdAt())).setFailureReason(j.failureReason());
        if (j.completedAt() != null) {
            b.setCompletedAt(ProtoTime.toProto(j.completedAt()));
        }
        return b.build();
    }

    /** A per-item refusal as the batch answers carry it. */
    static ItemError itemError(DomainException e) {
        io.grpc.StatusRuntimeException status = DomainExceptionMapper.toStatus(e);
        return ItemError.newBuilder().setCode(status.getStatus().getCode().value())
                .setDetail(ErrorDetail.newBuilder().setReason(e.reason()).setField(e.field()).setMessage(e.getMessage()))
                .build();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
