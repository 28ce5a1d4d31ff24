package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.GeoPoint;
import io.cloudsword.api.verification.v1.ScanChannel;
import io.cloudsword.api.verification.v1.ScanContext;

@Input("ScanContextInput")
@Description("Where and how a code was scanned, coarse by design (coordinates are stored rounded to 0.1 degree).")
public class ScanContextInput {
    @Description("ISO alpha-2 country of the scan.")
    public String country;
    @Description("Coordinates of the scan, optional; stored rounded to 0.1 degree.")
    public GeoPointInput location;
    @Description("CONSUMER_WEB, CONSUMER_APP, RETAILER, CUSTOMS, PLATFORM_PARTNER or BRAND_OWNER")
    public String channel;
    @Description("Opaque device hint (e.g. a hashed app install id), max 128; never personal data.")
    public String deviceHint;
    @Description("When the scan happened; default now. Customs, partners and owners only, up to 7 days back.")
    public Instant scannedAt;

    @Description("Where a scan happened, in WGS 84 degrees; stored rounded to 0.1 degree.")
    @Input("GeoPointInput")
    public static class GeoPointInput {
        @Description("-90..90")
        public double latitude;
        @Description("-180..180")
        public double longitude;
    }

    /** {@code field} names this input in errors, e.g. "context" or "requests[3].context". */
    static ScanContext toProto(ScanContextInput input, String field) {
        if (input == null) {
            return ScanContext.getDefaultInstance();
        }
        ScanContext.Builder b = ScanContext.newBuilder().setCountry(Inputs.orEmpty(input.country))
                .setChannel(Enums.parse(ScanChannel.class, "SCAN_CHANNEL_", input.channel, field + ".channel"))
                .setDeviceHint(Inputs.orEmpty(input.deviceHint));
        if (input.location != null) {
            b.setLocation(GeoPoint.newBuilder().setLatitude(input.location.latitude)
                    .setLongitude(input.location.longitude));
        }
        if (input.scannedAt != null) {
            b.setScannedAt(Times.toProto(input.scannedAt));
        }
        return b.build();
    }

    @Description("A code to verify, as a scanner read it, with where and how it was scanned.")
    @Input("VerifyCodeInput")
    public static class VerifyCodeInput {
        @Description("GS1 Digital Link URI https://{host}/01/{gtin}/21/{serial}, max 2,048 characters")
        @NonNull
        public String code;
        @Description("Where and how it was scanned; optional, but improves clone detection.")
        public ScanContextInput context;
    }
}
