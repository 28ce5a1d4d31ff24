package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.TrustedFlaggerStatus;

@Name("RightsOwner")
@Description("A legal person holding rights. Its contact data is visible to itself, reviewers and admins only.")
public class RightsOwnerView {
    @Description("The rights owner's id (UUID), as the owner_id claim of its tokens.")
    @Id
    @NonNull
    public String id;
    @Description("Full legal name as in the trade register.")
    @NonNull
    public String legalName;
    @Description("ISO 3166-1 alpha-2")
    @NonNull
    public String country;
    @Description("Registered postal address. Visible to the owner itself, reviewers and admins.")
    @NonNull
    public String address;
    @Description("Contact phone. Visible to the owner itself, reviewers and admins.")
    @NonNull
    public String phone;
    @Description("Contact e-mail. Visible to the owner itself, reviewers and admins.")
    @NonNull
    public String email;
    @Description("Number in the trade or company register. Visible to the owner itself, reviewers and admins.")
    @NonNull
    public String tradeRegisterNumber;
    @Description("PENDING until a reviewer verifies identity and documents; only VERIFIED owners' rights count. "
            + "PENDING, VERIFIED, REJECTED or SUSPENDED.")
    @NonNull
    public String status;
    @Description("Why REJECTED or SUSPENDED; empty otherwise.")
    @NonNull
    public String statusReason;
    public Instant verifiedAt;
    @Description("Subject of the reviewer who verified the owner; null until verified.")
    @NonNull
    public String verifiedBy;
    @Description("Trusted-flagger status (DSA Art. 22); its notices are reviewed first.")
    @NonNull
    public TrustedFlagger trustedFlagger;
    @Description("End of a temporary suspension; null while not suspended or when indefinite.")
    public Instant suspendedUntil;
    @Description("Increases with every change; pass it as expectedVersion to updateRightsOwner.")
    public long version;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;

    @Name("TrustedFlagger")
    @Description("Trusted-flagger status (DSA Art. 22), awarded by a Digital Services Coordinator.")
    public static class TrustedFlagger {
        @Description("True while the status is in force.")
        public boolean trusted;
        @Description("The Digital Services Coordinator that awarded the status, e.g. \"Bundesnetzagentur\".")
        @NonNull
        public String grantingAuthority;
        @Description("The authority's reference for the award (decision or register number).")
        @NonNull
        public String reference;
        public Instant grantedAt;
        public Instant revokedAt;

        static TrustedFlagger of(TrustedFlaggerStatus t) {
            TrustedFlagger v = new TrustedFlagger();
            v.trusted = t.getTrusted();
            v.grantingAuthority = t.getGrantingAuthority();
            v.reference = t.getReference();
            v.grantedAt = Times.ofOptional(t.hasGrantedAt(), t.getGrantedAt());
            v.revokedAt = Times.ofOptional(t.hasRevokedAt(), t.getRevokedAt());
            return v;
        }
    }

    static RightsOwnerView of(RightsOwner o) {
        RightsOwnerView v = new RightsOwnerView();
        v.id = o.getId();
        v.legalName = o.getLegalName();
        v.country = o.getCountry();
        v.address = o.getAddress();
        v.phone = o.getPhone();
        v.email = o.getEmail();
        v.tradeRegisterNumber = o.getTradeRegisterNumber();
        v.status = o.getStatus().name().replace("RIGHTS_OWNER_STATUS_", "");
        v.statusReason = o.getStatusReason();
        v.verifiedAt = Times.ofOptional(o.hasVerifiedAt(), o.getVerifiedAt());
        v.verifiedBy = o.getVerifiedBy();
        v.trustedFlagger = TrustedFlagger.of(o.getTrustedFlagger());
        v.suspendedUntil = Times.ofOptional(o.hasSuspendedUntil(), o.getSuspendedUntil());
        v.version = o.getVersion();
        v.createdAt = Times.of(o.getCreatedAt());
        v.updatedAt = Times.of(o.getUpdatedAt());
        return v;
    }
}
