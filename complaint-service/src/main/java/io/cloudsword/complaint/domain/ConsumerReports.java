package io.cloudsword.complaint.domain;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.repository.ConsumerReportRepository;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Receiving consumer reports. Feeding them to listing-service and the review queue comes with notices. */
@ApplicationScoped
public class ConsumerReports {

    private final ConsumerReportRepository reports;
    private final Clock clock;

    public ConsumerReports(ConsumerReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * Anyone may report, anonymously too (rate limits come with the complaint-service issue): a
     * listing, or a scanned code (from the gateway's Digital Link page). Routing a code report to
     * the code's brand owner comes with the complaint-service issue as well.
     */
    @WithTransaction
    public Uni<ConsumerReport> submit(NewConsumerReport request) {
        return Uni.createFrom().item(request::validated).flatMap(input -> {
            ConsumerReport report = new ConsumerReport();
            report.id = UUID.fromString(Ids.newId());
            report.platform = input.platform();
            report.listingExternalId = input.listingExternalId();
            report.reason = input.reason();
            report.contactEmail = input.contactEmail();
            report.digitalLink = input.digitalLink();
            report.purchaseCountry = input.purchaseCountry();
            report.status = ConsumerReportStatus.RECEIVED;
            report.createdAt = clock.instant();
            return reports.persist(report);
        });
    }

    /** Reports may carry a consumer's email: reviewers and admins read them. */
    @WithSession
    public Uni<ConsumerReport> get(Caller caller, String id) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(Caller.REVIEWER, Caller.ADMIN);
            return UUID.fromString(Checks.id("id", id));
        })
                .flatMap(reports::findById)
                .onItem().ifNull().failWith(() -> DomainException.notFound("id", "REPORT_NOT_FOUND",
                        "No consumer report with id " + id));
    }
}
