package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.BusinessStep;
import io.cloudsword.api.verification.v1.CodeRange;
import io.cloudsword.api.verification.v1.GeoPoint;
import io.cloudsword.api.verification.v1.LifecycleAction;
import io.cloudsword.api.verification.v1.LifecycleEventInput;
import io.cloudsword.api.verification.v1.Place;

@Input("RecordLifecycleEventInput")
@Description("One EPCIS ObjectEvent on codes of the caller's own batches: exactly one of codes or range.")
public class RecordLifecycleEventInput {
    @Id
    @Description("A UUID the caller generates: the idempotency key (EPCIS eventID). A retry with the same id "
            + "answers created: false.")
    @NonNull
    public String eventId;
    @Description("ADD (with COMMISSIONING), OBSERVE (SHIPPING, RECEIVING, RETAIL_SELLING, INSPECTING) or DELETE "
            + "(DECOMMISSIONING, DESTROYING)")
    @NonNull
    public String action;
    @Description("COMMISSIONING, SHIPPING, RECEIVING, RETAIL_SELLING, INSPECTING, DECOMMISSIONING or DESTROYING; "
            + "must fit the action.")
    @NonNull
    public String businessStep;
    @Description("Digital Link URIs, up to 10,000.")
    public List<String> codes;
    @Description("A range of one of the caller's batches; give this or codes, not both.")
    public CodeRangeInput range;
    @Description("When it happened (EPCIS eventTime).")
    @NonNull
    public Instant eventTime;
    @Description("Local offset where it happened, e.g. +08:00")
    public String eventTimeZoneOffset;
    @Description("Where it happened; country is required.")
    @NonNull
    public PlaceInput place;

    @Input("CodeRangeInput")
    @Description("Indexes [startIndex, endIndex) of one batch's codes.")
    public static class CodeRangeInput {
        @Description("One of the caller's own code batches.")
        @Id
        @NonNull
        public String batchId;
        @Description("First index of the range (inclusive, from 0).")
        public long startIndex;
        @Description("First index after the range (exclusive); at most the batch's codesDone.")
        public long endIndex;
    }

    @Description("Where a lifecycle event happened (EPCIS readPoint and bizLocation).")
    @Input("PlaceInput")
    public static class PlaceInput {
        @Description("EPCIS readPoint: an SGLN URN (urn:epc:id:sgln:0614141.00777.0) or a GS1 Digital Link URI "
                + "for a GLN.")
        public String readPoint;
        @Description("EPCIS bizLocation, same forms.")
        public String businessLocation;
        @Description("ISO alpha-2; required.")
        @NonNull
        public String country;
        @Description("Coordinates of the place, optional.")
        public ScanContextInput.GeoPointInput location;
    }

    LifecycleEventInput toProto() {
        LifecycleEventInput.Builder b = LifecycleEventInput.newBuilder().setEventId(eventId)
                .setAction(Enums.parse(LifecycleAction.class, "LIFECYCLE_ACTION_", action, "input.action"))
                .setBusinessStep(Enums.parse(BusinessStep.class, "BUSINESS_STEP_", businessStep, "input.businessStep"))
                .addAllCodes(Inputs.orEmpty(codes))
                .setEventTime(Times.toProto(eventTime))
                .setEventTimeZoneOffset(Inputs.orEmpty(eventTimeZoneOffset));
        if (range != null) {
            b.setRange(CodeRange.newBuilder().setBatchId(range.batchId).setStartIndex(range.startIndex)
                    .setEndIndex(range.endIndex));
        }
        Place.Builder p = Place.newBuilder().setReadPoint(Inputs.orEmpty(place.readPoint))
                .setBusinessLocation(Inputs.orEmpty(place.businessLocation)).setCountry(place.country);
        if (place.location != null) {
            p.setLocation(GeoPoint.newBuilder().setLatitude(place.location.latitude)
                    .setLongitude(place.location.longitude));
        }
        return b.setPlace(p).build();
    }
}
