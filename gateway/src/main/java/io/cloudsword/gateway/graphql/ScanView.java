package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.verification.v1.GeoPoint;
import io.cloudsword.api.verification.v1.Scan;

@Name("Scan")
@Description("One recorded scan of a code, as its owner sees it.")
public class ScanView {
    @Description("The scan's id (UUID).")
    @Id
    @NonNull
    public String id;
    @NonNull
    public Instant scannedAt;
    @Description("ISO alpha-2; null when unknown.")
    public String country;
    @Description("Rounded to 0.1 degree.")
    public GeoPointView location;
    @Description("CONSUMER_WEB, CONSUMER_APP, RETAILER, CUSTOMS, PLATFORM_PARTNER or BRAND_OWNER")
    public String channel;
    @Description("GENUINE, SUSPECT or INVALID, as answered at the time of the scan.")
    @NonNull
    public String verdict;
    @Description("Why the scan's verdict was SUSPECT; empty otherwise.")
    @NonNull
    public List<CodeVerificationView.@NonNull SuspectReasonView> reasons;

    @Description("A point on Earth in WGS 84 degrees, rounded to 0.1 degree when stored.")
    @Name("GeoPoint")
    public static class GeoPointView {
        @Description("Latitude, -90..90 degrees.")
        public double latitude;
        @Description("Longitude, -180..180 degrees.")
        public double longitude;

        static GeoPointView of(boolean present, GeoPoint p) {
            if (!present) {
                return null;
            }
            GeoPointView v = new GeoPointView();
            v.latitude = p.getLatitude();
            v.longitude = p.getLongitude();
            return v;
        }
    }

    static ScanView of(Scan s) {
        ScanView v = new ScanView();
        v.id = s.getId();
        v.scannedAt = Times.of(s.getScannedAt());
        v.country = CodeVerificationView.blankToNull(s.getCountry());
        v.location = GeoPointView.of(s.hasLocation(), s.getLocation());
        v.channel = Enums.name(s.getChannel(), "SCAN_CHANNEL_");
        v.verdict = Enums.name(s.getVerdict(), "VERDICT_");
        v.reasons = s.getReasonsList().stream().map(CodeVerificationView.SuspectReasonView::of).toList();
        return v;
    }

    @Description("One page of scans (Relay connection).")
    @Name("ScanConnection")
    public static class Connection {
        @Description("The scans of this page, in order.")
        @NonNull
        public List<@NonNull Edge> edges;
        @Description("Where the next page starts.")
        @NonNull
        public PageInfoView pageInfo;

        static Connection of(List<Scan> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = ScanView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Description("One scan in a page.")
    @Name("ScanEdge")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @Description("The scan.")
        @NonNull
        public ScanView node;
    }
}
