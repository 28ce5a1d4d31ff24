package io.cloudsword.complaint.effects;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.BatchCheckRightStandingRequest;
import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc.BrandRegistryServiceBlockingStub;
import io.cloudsword.api.brand.v1.CheckRightStandingRequest;
import io.cloudsword.api.brand.v1.GetRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightStanding;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.kit.auth.ServiceIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;

/** complaint-service's calls to brand-registry-service, on its own identity, each with a deadline. */
@ApplicationScoped
public class RegistryClient {

    private final BrandRegistryServiceBlockingStub registry;
    private final ServiceIdentity identity;
    private final Duration deadline;

    @Inject
    public RegistryClient(@GrpcClient("brand-registry") BrandRegistryServiceBlockingStub registry,
            ServiceIdentity identity,
            @ConfigProperty(name = "cloudsword.brand-registry.deadline", defaultValue = "5s") Duration deadline) {
        this.registry = registry;
        this.identity = identity;
        this.deadline = deadline;
    }

    private BrandRegistryServiceBlockingStub stub() {
        return identity.authorize(registry).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the filer may rely on the trademark now (owner, or agent with a mandate). */
    public RightStanding standing(String notifierOwnerId, String trademarkId) {
        return Calls.forCaller("brand-registry", "BatchCheckRightStanding", () -> stub()
                .batchCheckRightStanding(BatchCheckRightStandingRequest.newBuilder()
                        .addChecks(CheckRightStandingRequest.newBuilder().setNotifierOwnerId(notifierOwnerId)
                                .setTrademarkId(trademarkId))
                        .build())
                .getResults(0));
    }

    /** The owner, or null when the registry does not know it. */
    public RightsOwner owner(String ownerId) {
        return Calls.forCaller("brand-registry", "GetRightsOwner", () -> {
            try {
                return stub().getRightsOwner(GetRightsOwnerRequest.newBuilder().setId(ownerId).build()).getOwner();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    return null;
                }
                throw e;
            }
        });
    }

    /**
     * Whether the agent holds a mandate of the principal valid at {@code at} (not revoked, in its
     * window) for all the principal's brands: a copyright is not tied to one brand, so a mandate
     * limited to some brands does not cover it.
     */
    public boolean hasMandate(String principalOwnerId, String agentOwnerId, java.time.Instant at) {
        return Calls.forCaller("brand-registry", "ListAgentMandates", () -> stub()
                .listAgentMandates(io.cloudsword.api.brand.v1.ListAgentMandatesRequest.newBuilder()
                        .setPrincipalOwnerId(principalOwnerId).setAgentOwnerId(agentOwnerId).build())
                .getMandatesList().stream().anyMatch(m -> !m.hasRevokedAt() && m.getBrandIdsCount() == 0
                        && !io.cloudsword.kit.grpc.ProtoTime.fromProto(m.getValidFrom()).isAfter(at)
                        && (!m.hasValidUntil() || io.cloudsword.kit.grpc.ProtoTime.fromProto(m.getValidUntil()).isAfter(at))));
    }

    /** The brand's GS1 company prefixes (NOT_FOUND / BRAND_NOT_FOUND for an unknown brand). */
    public List<String> brandPrefixes(String brandId) {
        return Calls.forCaller("brand-registry", "GetBrand", () -> {
            try {
                return stub().getBrand(io.cloudsword.api.brand.v1.GetBrandRequest.newBuilder().setId(brandId).build())
                        .getBrand().getGs1CompanyPrefixesList();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                    throw io.cloudsword.kit.error.DomainException.notFound("brand_id", "BRAND_NOT_FOUND",
                            "No brand with id " + brandId);
                }
                throw e;
            }
        });
    }

    /** The outbox relay's: failures go through for it to classify. */
    public void suspend(SuspendRightsOwnerRequest request) {
        stub().suspendRightsOwner(request);
    }

}
