package io.cloudsword.complaint.domain;

import java.util.UUID;

import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.listing.v1.AddStrikeRequest;
import io.cloudsword.api.listing.v1.RecordConsumerReportRequest;
import io.cloudsword.api.listing.v1.RestoreListingRequest;
import io.cloudsword.api.listing.v1.RevokeStrikeRequest;
import io.cloudsword.api.listing.v1.ShopKey;
import io.cloudsword.api.listing.v1.TakeDownListingRequest;
import io.cloudsword.kit.grpc.ProtoTime;

/**
 * An effect on another service, decided here and delivered through the outbox: the request to
 * send (protobuf bytes of an idempotent method's request) and the key whose effects must arrive
 * in order (a notice item's takedown, restore, strike and revocation; a notifier's suspension).
 */
public record Effect(Kind kind, String orderingKey, UUID noticeId, UUID itemId, byte[] payload) {

    public enum Kind {
        TAKE_DOWN, RESTORE, ADD_STRIKE, REVOKE_STRIKE, RECORD_CONSUMER_REPORT, SUSPEND_NOTIFIER
    }

    public static Effect takeDown(Notice n, NoticeItem item, StatementOfReasons statement) {
        return new Effect(Kind.TAKE_DOWN, item.id.toString(), n.id, item.id, TakeDownListingRequest.newBuilder()
                .setListingId(item.listingId.toString()).setNoticeId(n.id.toString()).setStatement(statement).build()
                .toByteArray());
    }

    public static Effect restore(Notice n, NoticeItem item, StatementOfReasons statement) {
        return new Effect(Kind.RESTORE, item.id.toString(), n.id, item.id, RestoreListingRequest.newBuilder()
                .setListingId(item.listingId.toString()).setNoticeId(n.id.toString()).setStatement(statement).build()
                .toByteArray());
    }

    /** One strike per (shop, notice) in listing-service, however many of the shop's listings the notice upheld. */
    public static Effect addStrike(Notice n, NoticeItem item, String reason, java.time.Instant issuedAt) {
        return new Effect(Kind.ADD_STRIKE, item.id.toString(), n.id, item.id, AddStrikeRequest.newBuilder()
                .setShop(ShopKey.newBuilder().setPlatform(n.platform).setShopId(item.shopId))
                .setNoticeId(n.id.toString()).setListingId(item.listingId.toString()).setReason(reason)
                .setIssuedAt(ProtoTime.toProto(issuedAt)).build().toByteArray());
    }

    public static Effect revokeStrike(Notice n, NoticeItem item, String reason) {
        return new Effect(Kind.REVOKE_STRIKE, item.id.toString(), n.id, item.id, RevokeStrikeRequest.newBuilder()
                .setShop(ShopKey.newBuilder().setPlatform(n.platform).setShopId(item.shopId))
                .setNoticeId(n.id.toString()).setReason(reason).build().toByteArray());
    }

    public static Effect recordConsumerReport(UUID noticeId, RecordConsumerReportRequest request) {
        return new Effect(Kind.RECORD_CONSUMER_REPORT, "report:" + request.getReportId(), noticeId, null,
                request.toByteArray());
    }

    public static Effect suspendNotifier(UUID ownerId, SuspendRightsOwnerRequest request) {
        return new Effect(Kind.SUSPEND_NOTIFIER, "notifier:" + ownerId, null, null, request.toByteArray());
    }
}
