package io.cloudsword.complaint.grpc;

import static io.cloudsword.complaint.grpc.Parties.WAIT;
import static io.cloudsword.complaint.grpc.Parties.await;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.complaint.support.FakeListingService;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * No lost effects: listing-service is stopped while 100 notices are decided; the decisions are
 * stored with their takedowns in the outbox, retried with backoff while it is away, and delivered
 * when it is back. Every listing ends in the state its decision calls for, each takedown took
 * effect exactly once, and every item records when its takedown was applied.
 */
@QuarkusTest
class OutboxOutageGrpcTest {

    @GrpcClient("complaint")
    ComplaintService anonymous;

    @Inject
    Pool db;

    @Test
    void decisionsMadeWhileListingServiceIsDownTakeEffectOnceWhenItIsBack() {
        Parties p = new Parties(anonymous);
        List<Notice> notices = new ArrayList<>();
        List<Listing> listings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Listing l = p.listings(1, "shop-" + (i % 7)).get(0);
            listings.add(l);
            notices.add(p.startReview(p.file(List.of(l), Jurisdiction.JURISDICTION_EU)));
        }
        FakeListingService.stopServer();
        try {
            for (int i = 0; i < 100; i++) {
                Notice n = notices.get(i);
                NoticeItemDecision d = i % 4 == 3 ? Parties.reject(n.getItems(0)) : Parties.accept(n.getItems(0));
                Notice decided = p.reviewer.decideNotice(DecideNoticeRequest.newBuilder().setNoticeId(n.getId())
                        .addDecisions(d).build()).await().atMost(WAIT).getNotice();
                assertFalse(decided.getItems(0).hasTakedownAppliedAt());
            }
            // while it is away the effects wait in the outbox, retried and not lost
            long waiting = db.query("SELECT count(*) FROM outbox WHERE kind = 'TAKE_DOWN' AND delivered_at IS NULL "
                    + "AND failed_at IS NULL").execute().await().atMost(WAIT).iterator().next().getLong(0);
            assertTrue(waiting >= 75, "75 takedowns wait, found " + waiting);
            await("a delivery was attempted and failed", () -> db.query("SELECT count(*) FROM outbox WHERE "
                    + "kind = 'TAKE_DOWN' AND delivered_at IS NULL AND attempts > 0 AND last_error <> ''").execute()
                    .await().atMost(WAIT).iterator().next().getLong(0) > 0);
        } finally {
            FakeListingService.restart();
        }
        await("every accepted listing is taken down", () -> {
            for (int i = 0; i < 100; i++) {
                ListingState expected = i % 4 == 3 ? ListingState.LISTING_STATE_ACTIVE : ListingState.LISTING_STATE_TAKEN_DOWN;
                if (FakeListingService.state(listings.get(i).getId()) != expected) {
                    return false;
                }
            }
            return true;
        });
        await("every takedown is acknowledged", () -> {
            for (int i = 0; i < 100; i++) {
                if (i % 4 != 3 && !p.get(notices.get(i).getId()).getItems(0).hasTakedownAppliedAt()) {
                    return false;
                }
            }
            return true;
        });
        for (int i = 0; i < 100; i++) {
            String listing = listings.get(i).getId();
            String notice = notices.get(i).getId();
            assertEquals(i % 4 == 3 ? 0 : 1, FakeListingService.takedownEffects(listing, notice),
                    "listing " + i + " taken down exactly once (or never when rejected)");
            assertEquals(i % 4 == 3 ? java.util.Set.of() : java.util.Set.of(notice), FakeListingService.holds(listing));
        }
        long failed = db.query("SELECT count(*) FROM outbox WHERE failed_at IS NOT NULL").execute().await().atMost(WAIT)
                .iterator().next().getLong(0);
        assertEquals(0, failed, "nothing was given up");
    }
}
