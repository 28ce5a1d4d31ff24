package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.Actor;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.verification.v1.LifecycleEvent;
import io.cloudsword.api.verification.v1.LifecycleEventInput;
import io.cloudsword.api.verification.v1.Place;

@Name("LifecycleEvent")
@Description("An EPCIS 2.0 style ObjectEvent on codes (commissioning, shipping, receiving, retail selling, "
        + "inspecting, decommissioning, destroying), recorded in the transparency log.")
public class LifecycleEventView {
    @Id
    @Description("The EPCIS eventID the recorder chose.")
    @NonNull
    public String eventId;
    @Description("ADD, OBSERVE or DELETE")
    @NonNull
    public String action;
    @Description("COMMISSIONING, SHIPPING, RECEIVING, RETAIL_SELLING, INSPECTING, DECOMMISSIONING or DESTROYING")
    @NonNull
    public String businessStep;
    @Description("The codes named one by one (Digital Link URIs); empty when the event covers a range.")
    @NonNull
    public List<@NonNull String> codes;
    @Description("The range of one batch's codes the event covers; null when codes are named.")
    public CodeRangeView range;
    @NonNull
    public Instant eventTime;
    @Description("Local offset where it happened, e.g. +08:00")
    @NonNull
    public String eventTimeZoneOffset;
    @Description("Where the event happened.")
    public PlaceView place;
    @Description("The rights owner whose codes the event concerns.")
    @Id
    @NonNull
    public String ownerId;
    @Description("Subject of the token that recorded the event; null for anonymous or system actors.")
    public String recordedBy;
    @NonNull
    public Instant recordedAt;
    @Description("The event's transparency-log entry.")
    public long logIndex;
    @Description("Number of codes the event covers.")
    public long codeCount;

    @Name("CodeRange")
    @Description("Indexes [startIndex, endIndex) of one batch's codes.")
    public static class CodeRangeView {
        @Description("The batch whose codes the range covers.")
        @Id
        @NonNull
        public String batchId;
        @Description("First index of the range (inclusive, from 0).")
        public long startIndex;
        @Description("First index after the range (exclusive).")
        public long endIndex;
    }

    @Description("Where a lifecycle event happened (EPCIS readPoint and bizLocation).")
    @Name("Place")
    public static class PlaceView {
        @Description("EPCIS readPoint: an SGLN URN or a GS1 Digital Link URI for a GLN.")
        public String readPoint;
        @Description("EPCIS bizLocation, same forms.")
        public String businessLocation;
        @Description("ISO alpha-2")
        @NonNull
        public String country;
        @Description("Coordinates of the place, when the recorder gave them.")
        public ScanView.GeoPointView location;

        static PlaceView of(Place p) {
            PlaceView v = new PlaceView();
            v.readPoint = CodeVerificationView.blankToNull(p.getReadPoint());
            v.businessLocation = CodeVerificationView.blankToNull(p.getBusinessLocation());
            v.country = p.getCountry();
            v.location = ScanView.GeoPointView.of(p.hasLocation(), p.getLocation());
            return v;
        }
    }

    static LifecycleEventView of(LifecycleEvent e) {
        LifecycleEventInput d = e.getData();
        LifecycleEventView v = new LifecycleEventView();
        v.eventId = d.getEventId();
        v.action = Enums.name(d.getAction(), "LIFECYCLE_ACTION_");
        v.businessStep = Enums.name(d.getBusinessStep(), "BUSINESS_STEP_");
        v.codes = List.copyOf(d.getCodesList());
        if (d.hasRange()) {
            v.range = new CodeRangeView();
            v.range.batchId = d.getRange().getBatchId();
            v.range.startIndex = d.getRange().getStartIndex();
            v.range.endIndex = d.getRange().getEndIndex();
        }
        v.eventTime = Times.of(d.getEventTime());
        v.eventTimeZoneOffset = d.getEventTimeZoneOffset();
        v.place = d.hasPlace() ? PlaceView.of(d.getPlace()) : null;
        v.ownerId = e.getOwnerId();
        Actor actor = e.getRecordedBy();
        v.recordedBy = CodeVerificationView.blankToNull(actor.getSubject());
        v.recordedAt = Times.of(e.getRecordedAt());
        v.logIndex = e.getLogIndex();
        v.codeCount = e.getCodeCount();
        return v;
    }

    @Description("One page of lifecycle events (Relay connection).")
    @Name("LifecycleEventConnection")
    public static class Connection {
        @Description("The lifecycle events of this page, in order.")
        @NonNull
        public List<@NonNull Edge> edges;
        @Description("Where the next page starts.")
        @NonNull
        public PageInfoView pageInfo;

        static Connection of(List<LifecycleEvent> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = LifecycleEventView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Description("One lifecycle event in a page.")
    @Name("LifecycleEventEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The lifecycle event.")
        @NonNull
        public LifecycleEventView node;
    }
}
