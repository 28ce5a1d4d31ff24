package io.cloudsword.complaint.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudsword.api.brand.v1.*;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in brand-registry-service answering the questions complaint-service asks: the right
 * standing of a notifier on a trademark (owner, or agent with a mandate, as the real rule does),
 * a rights owner, mandates and a brand's prefixes; and recording suspensions it is told of.
 */
@QuarkusTestResource(value = FakeBrandRegistry.class, restrictToAnnotatedClass = false)
public class FakeBrandRegistry implements QuarkusTestResourceLifecycleManager {

    public record Owner(String id, RightsOwnerStatus status, boolean trusted) {
    }

    public record Mark(String id, String ownerId, String brandId, boolean inForce) {
    }

    private static final Map<String, Owner> OWNERS = new ConcurrentHashMap<>();
    private static final Map<String, Mark> MARKS = new ConcurrentHashMap<>();
    /** principal|agent -> mandate id */
    private static final Map<String, String> MANDATES = new ConcurrentHashMap<>();
    private static final Map<String, SuspendRightsOwnerRequest> SUSPENSIONS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> BRAND_PREFIXES = new ConcurrentHashMap<>();
    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0).addService(new Service()).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String p = Integer.toString(server.getPort());
        return Map.of("cloudsword.brand-registry.host", "localhost", "cloudsword.brand-registry.port", p,
                "quarkus.grpc.clients.brand-registry.test-port", p);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    public static Owner owner(RightsOwnerStatus status, boolean trusted) {
        Owner o = new Owner(UUID.randomUUID().toString(), status, trusted);
        OWNERS.put(o.id(), o);
        return o;
    }

    public static Owner verifiedOwner() {
        return owner(RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, false);
    }

    public static void setStatus(String ownerId, RightsOwnerStatus status) {
        OWNERS.computeIfPresent(ownerId, (k, o) -> new Owner(o.id(), status, o.trusted()));
    }

    public static Mark trademark(String ownerId, boolean inForce) {
        Mark m = new Mark(UUID.randomUUID().toString(), ownerId, UUID.randomUUID().toString(), inForce);
        MARKS.put(m.id(), m);
        return m;
    }

    public static String mandate(String principal, String agent) {
        String id = UUID.randomUUID().toString();
        MANDATES.put(principal + "|" + agent, id);
        return id;
    }

    public static void brandPrefixes(String brandId, List<String> prefixes) {
        BRAND_PREFIXES.put(brandId, prefixes);
    }

    public static SuspendRightsOwnerRequest suspension(String ownerId) {
        return SUSPENSIONS.get(ownerId);
    }

    static RightStanding standing(CheckRightStandingRequest c) {
        RightStanding.Builder s = RightStanding.newBuilder().setNotifierOwnerId(c.getNotifierOwnerId())
                .setTrademarkId(c.getTrademarkId());
        Owner notifier = OWNERS.get(c.getNotifierOwnerId());
        Mark mark = MARKS.get(c.getTrademarkId());
        if (notifier == null) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_NOT_FOUND).build();
        }
        s.setNotifierStatus(notifier.status()).setTrustedFlagger(notifier.trusted());
        if (notifier.status() == RightsOwnerStatus.RIGHTS_OWNER_STATUS_SUSPENDED) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_SUSPENDED).build();
        }
        if (notifier.status() != RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_NOT_VERIFIED).build();
        }
        if (mark == null) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_TRADEMARK_NOT_FOUND).build();
        }
        s.setBrandId(mark.brandId()).setRightHolderOwnerId(mark.ownerId());
        if (!mark.inForce()) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_TRADEMARK_NOT_IN_FORCE)
                    .setTrademarkStatus(TrademarkStatus.TRADEMARK_STATUS_EXPIRED).build();
        }
        if (mark.ownerId().equals(notifier.id())) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID).build();
        }
        String mandate = MANDATES.get(mark.ownerId() + "|" + notifier.id());
        if (mandate == null) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER).build();
        }
        Owner holder = OWNERS.get(mark.ownerId());
        if (holder == null || holder.status() != RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED) {
            return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_RIGHT_HOLDER_NOT_VERIFIED)
                    .setAgentMandateId(mandate).build();
        }
        return s.setOutcome(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID).setAgentMandateId(mandate).build();
    }

    static final class Service extends BrandRegistryServiceGrpc.BrandRegistryServiceImplBase {

        @Override
        public void batchCheckRightStanding(BatchCheckRightStandingRequest request,
                StreamObserver<BatchCheckRightStandingResponse> out) {
            BatchCheckRightStandingResponse.Builder b = BatchCheckRightStandingResponse.newBuilder();
            request.getChecksList().forEach(c -> b.addResults(standing(c)));
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void getRightsOwner(GetRightsOwnerRequest request, StreamObserver<GetRightsOwnerResponse> out) {
            Owner o = OWNERS.get(request.getId());
            if (o == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(GetRightsOwnerResponse.newBuilder().setOwner(RightsOwner.newBuilder().setId(o.id())
                    .setStatus(o.status()).setTrustedFlagger(TrustedFlaggerStatus.newBuilder().setTrusted(o.trusted())))
                    .build());
            out.onCompleted();
        }

        @Override
        public void listAgentMandates(ListAgentMandatesRequest request, StreamObserver<ListAgentMandatesResponse> out) {
            ListAgentMandatesResponse.Builder b = ListAgentMandatesResponse.newBuilder();
            String id = MANDATES.get(request.getPrincipalOwnerId() + "|" + request.getAgentOwnerId());
            if (id != null) {
                b.addMandates(AgentMandate.newBuilder().setId(id).setPrincipalOwnerId(request.getPrincipalOwnerId())
                        .setAgentOwnerId(request.getAgentOwnerId())
                        .setValidFrom(com.google.protobuf.Timestamp.newBuilder().setSeconds(0)));
            }
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void suspendRightsOwner(SuspendRightsOwnerRequest request, StreamObserver<SuspendRightsOwnerResponse> out) {
            SUSPENSIONS.put(request.getId(), request);
            setStatus(request.getId(), RightsOwnerStatus.RIGHTS_OWNER_STATUS_SUSPENDED);
            out.onNext(SuspendRightsOwnerResponse.newBuilder().build());
            out.onCompleted();
        }

        @Override
        public void getBrand(GetBrandRequest request, StreamObserver<GetBrandResponse> out) {
            List<String> prefixes = BRAND_PREFIXES.get(request.getId());
            if (prefixes == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(GetBrandResponse.newBuilder().setBrand(Brand.newBuilder().setId(request.getId())
                    .addAllGs1CompanyPrefixes(prefixes)).build());
            out.onCompleted();
        }
    }
}
