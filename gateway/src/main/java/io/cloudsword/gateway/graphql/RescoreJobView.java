package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.listing.v1.RescoreJob;

@Name("RescoreJob")
@Description("A background job rescoring every listing of a brand (after a new authorized seller, MSRP or official "
        + "image, or on request). Poll rescoreJob(id) while it is PENDING or RUNNING.")
public class RescoreJobView {
    @Id
    @NonNull
    @Description("The job's id.")
    public String id;
    @Id
    @NonNull
    @Description("The brand whose listings are rescored. See brand.")
    public String brandId;
    @NonNull
    @Description("PENDING, RUNNING, COMPLETED or FAILED")
    public String status;
    @Description("Why the rescoring was started.")
    public String reason;
    @Description("Listings to rescore; known once RUNNING.")
    public long listingsTotal;
    @Description("Listings rescored so far.")
    public long listingsDone;
    @Description("Listings whose score or state changed.")
    public long listingsChanged;
    @NonNull
    @Description("When the job was started.")
    public Instant createdAt;
    @Description("When it completed or failed; null before.")
    public Instant completedAt;
    @Description("Why it failed; null unless FAILED.")
    public String failureReason;

    static RescoreJobView of(RescoreJob j) {
        RescoreJobView v = new RescoreJobView();
        v.id = j.getId();
        v.brandId = j.getBrandId();
        v.status = Enums.name(j.getStatus(), "RESCORE_JOB_STATUS_");
        v.reason = CodeVerificationView.blankToNull(j.getReason());
        v.listingsTotal = j.getListingsTotal();
        v.listingsDone = j.getListingsDone();
        v.listingsChanged = j.getListingsChanged();
        v.createdAt = Times.of(j.getCreatedAt());
        v.completedAt = Times.ofOptional(j.hasCompletedAt(), j.getCompletedAt());
        v.failureReason = CodeVerificationView.blankToNull(j.getFailureReason());
        return v;
    }
}
