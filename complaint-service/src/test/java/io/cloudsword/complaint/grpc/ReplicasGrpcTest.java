package io.cloudsword.complaint.grpc;

import static io.cloudsword.complaint.grpc.Parties.WAIT;
import static io.cloudsword.complaint.grpc.Parties.await;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.complaint.domain.Deadlines;
import io.cloudsword.complaint.effects.OutboxRelay;
import io.cloudsword.complaint.support.FakeListingService;
import io.cloudsword.complaint.support.TestClock;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Two replicas at once: two deadline sweeps, and two outbox relays (the test's and the service's
 * own), work the same rows concurrently. Each timer fires once and each effect is applied and
 * acknowledged once: the audit trail holds exactly one record of each.
 */
@QuarkusTest
class ReplicasGrpcTest {

    @GrpcClient("complaint")
    ComplaintService anonymous;

    @Inject
    Deadlines deadlines;

    @Inject
    OutboxRelay relay;

    @Inject
    Pool db;

    private static void concurrently(IntSupplier a, IntSupplier b) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return a.getAsInt();
        });
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return b.getAsInt();
        });
        start.countDown();
        first.join();
        second.join();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long transitions(List<Notice> notices, String subject, String toState) {
        List<UUID> ids = notices.stream().map(n -> UUID.fromString(n.getId())).toList();
        return db.preparedQuery("SELECT count(*) FROM notice_transition WHERE notice_id = ANY($1) AND subject = $2 "
                + "AND to_state = $3").execute(Tuple.of(ids.toArray(new UUID[0]), subject, toState)).await().atMost(WAIT)
                .iterator().next().getLong(0);
    }

    @Test
    void twoSweepsAtOnceFireEachDeadlineOnce() {
        Parties p = new Parties(anonymous);
        List<Notice> notices = new ArrayList<>();
        List<Listing> listings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Listing l = p.listings(1, "shop-" + i % 3).get(0);
            listings.add(l);
            Notice n = p.decideAll(p.file(List.of(l), Jurisdiction.JURISDICTION_CN), true);
            p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build()).await().atMost(WAIT);
            notices.add(n);
        }
        TestClock.advance(Duration.ofDays(15).plusMinutes(1));
        concurrently(deadlines::fireDue, deadlines::fireDue);
        notices.forEach(n -> Parties.assertItemStates(p.get(n.getId()), NoticeItemState.NOTICE_ITEM_STATE_RESTORED));
        assertEquals(20, transitions(notices, "NOTICE_ITEM", "RESTORED"));
        await("restores delivered", () -> listings.stream().allMatch(l -> FakeListingService.holds(l.getId()).isEmpty()));
        for (int i = 0; i < 20; i++) {
            assertEquals(1, FakeListingService.restoreEffects(listings.get(i).getId(), notices.get(i).getId()));
        }
    }

    @Test
    void twoRelaysAtOnceDeliverAndAcknowledgeEachEffectOnce() {
        Parties p = new Parties(anonymous);
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            notices.add(p.startReview(p.file(p.listings(2, "shop-" + i % 5), Jurisdiction.JURISDICTION_EU)));
        }
        FakeListingService.stopServer();
        try {
            notices.forEach(n -> p.reviewer.decideNotice(DecideNoticeRequest.newBuilder().setNoticeId(n.getId())
                    .addDecisions(Parties.accept(n.getItems(0))).addDecisions(Parties.accept(n.getItems(1))).build())
                    .await().atMost(WAIT));
        } finally {
            FakeListingService.restart();
        }
        // the service's relay is running too: three senders race for the same rows
        concurrently(relay::deliverDue, relay::deliverDue);
        await("every takedown acknowledged", () -> transitions(notices, "EFFECT", "TAKEDOWN_APPLIED") >= 60);
        assertEquals(60, transitions(notices, "EFFECT", "TAKEDOWN_APPLIED"));
        for (Notice n : notices) {
            for (NoticeItem item : n.getItemsList()) {
                assertEquals(1, FakeListingService.takedownEffects(item.getListingId(), n.getId()));
            }
        }
    }
}
