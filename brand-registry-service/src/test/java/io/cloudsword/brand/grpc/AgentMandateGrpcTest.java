package io.cloudsword.brand.grpc;

import static io.cloudsword.brand.grpc.TrademarkGrpcTest.mark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.AgentMandate;
import io.cloudsword.api.brand.v1.BatchCheckRightStandingRequest;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.CheckRightStandingRequest;
import io.cloudsword.api.brand.v1.GrantAgentMandateRequest;
import io.cloudsword.api.brand.v1.GrantAgentMandateResponse;
import io.cloudsword.api.brand.v1.ListAgentMandatesRequest;
import io.cloudsword.api.brand.v1.ListAgentMandatesResponse;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RevokeAgentMandateRequest;
import io.cloudsword.api.brand.v1.RightStanding;
import io.cloudsword.api.brand.v1.RightStandingOutcome;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.brand.v1.VerifyRightsOwnerRequest;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Agent mandates and the agent case of right standing, through the real gRPC server and PostgreSQL. */
@QuarkusTest
class AgentMandateGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DOC = "ab".repeat(32);
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2029-01-01T00:00:00Z");

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    @Inject
    Pool db;

    // --- grant, list, revoke

    @Test
    void thePrincipalGrantsListsAndRevokesAMandateAndBothSidesSeeIt() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        Brand b1 = brand(principal);
        Brand b2 = brand(principal);
        GrantAgentMandateResponse granted = ownerOf(principal).grantAgentMandate(grant(principal, agent, doc())
                .addBrandIds(b2.getId()).addBrandIds(b1.getId()).addBrandIds(b2.getId().toUpperCase())
                .setValidFrom(ts(FROM)).setValidUntil(ts(UNTIL)).build()).await().atMost(WAIT);
        assertTrue(granted.getCreated());
        AgentMandate m = granted.getMandate();
        assertEquals(principal.getId(), m.getPrincipalOwnerId());
        assertEquals(agent.getId(), m.getAgentOwnerId());
        assertEquals(Set.of(b1.getId(), b2.getId()), Set.copyOf(m.getBrandIdsList()));
        assertEquals(2, m.getBrandIdsCount(), "duplicates are kept once");
        assertEquals(ts(FROM), m.getValidFrom());
        assertEquals(ts(UNTIL), m.getValidUntil());
        assertFalse(m.hasRevokedAt());
        assertTrue(m.hasCreatedAt());

        assertEquals(List.of(m), list(ownerOf(principal), principal.getId(), "", false).getMandatesList());
        assertEquals(List.of(m), list(ownerOf(agent), "", agent.getId(), false).getMandatesList());
        assertEquals(List.of(m), list(ownerOf(agent), principal.getId(), agent.getId(), false).getMandatesList());
        assertEquals(List.of(m), list(as(TestTokens.token("reviewer")), principal.getId(), "", false)
                .getMandatesList());
        assertEquals(List.of(m), list(system(), "", agent.getId(), false).getMandatesList());

        // a mandate without brands covers all of the principal's brands and has no end
        GrantAgentMandateResponse open = ownerOf(principal).grantAgentMandate(grant(principal, agent, doc()).build())
                .await().atMost(WAIT);
        assertTrue(open.getCreated());
        assertEquals(0, open.getMandate().getBrandIdsCount());
        assertFalse(open.getMandate().hasValidUntil());
        assertTrue(open.getMandate().hasValidFrom(), "valid_from defaults to now");

        AgentMandate revoked = ownerOf(principal).revokeAgentMandate(RevokeAgentMandateRequest.newBuilder()
                .setId(m.getId()).setReason("contract ended").build()).await().atMost(WAIT).getMandate();
        assertTrue(revoked.hasRevokedAt());
        assertEquals(m.toBuilder().setRevokedAt(revoked.getRevokedAt()).build(), revoked);
        assertEquals(1L, count("SELECT count(*) FROM agent_mandate WHERE id = '" + m.getId()
                + "' AND revoke_reason = 'contract ended'"));
        // revoking again changes nothing, not even the reason
        AgentMandate again = ownerOf(principal).revokeAgentMandate(RevokeAgentMandateRequest.newBuilder()
                .setId(m.getId()).setReason("other reason").build()).await().atMost(WAIT).getMandate();
        assertEquals(revoked, again);
        assertEquals(1L, count("SELECT count(*) FROM agent_mandate WHERE id = '" + m.getId()
                + "' AND revoke_reason = 'contract ended'"));

        assertEquals(List.of(open.getMandate()), list(ownerOf(agent), "", agent.getId(), false).getMandatesList());
        assertEquals(List.of(revoked, open.getMandate()), list(ownerOf(agent), "", agent.getId(), true)
                .getMandatesList());

        // an admin revokes too
        AgentMandate byAdmin = admin().revokeAgentMandate(RevokeAgentMandateRequest.newBuilder()
                .setId(open.getMandate().getId()).build()).await().atMost(WAIT).getMandate();
        assertTrue(byAdmin.hasRevokedAt());
    }

    @Test
    void listsPageOldestFirstAndOwnersSeeOnlyTheirOwnMandates() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        for (int i = 0; i < 3; i++) {
            ownerOf(principal).grantAgentMandate(grant(principal, agent, doc()).build()).await().atMost(WAIT);
        }
        List<AgentMandate> all = list(ownerOf(principal), principal.getId(), "", false).getMandatesList();
        assertEquals(3, all.size());
        List<AgentMandate> paged = new java.util.ArrayList<>();
        String after = "";
        do {
            ListAgentMandatesResponse page = ownerOf(principal).listAgentMandates(ListAgentMandatesRequest.newBuilder()
                    .setPrincipalOwnerId(principal.getId())
                    .setPage(PageRequest.newBuilder().setFirst(1).setAfter(after)).build()).await().atMost(WAIT);
            paged.addAll(page.getMandatesList());
            after = page.getPageInfo().getHasNextPage() ? page.getPageInfo().getEndCursor() : "";
        } while (!after.isEmpty());
        assertEquals(all, paged);
        List<Instant> created = all.stream().map(m -> ProtoTime.fromProto(m.getCreatedAt())).toList();
        assertEquals(created.stream().sorted().toList(), created);

        RightsOwner stranger = verifiedOwner();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", ownerOf(stranger).listAgentMandates(
                ListAgentMandatesRequest.newBuilder().setPrincipalOwnerId(principal.getId()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", ownerOf(stranger).listAgentMandates(
                ListAgentMandatesRequest.newBuilder().setAgentOwnerId(agent.getId()).build()));
        // naming itself as the agent of another principal shows only the mandates between the two
        assertEquals(0, list(ownerOf(stranger), principal.getId(), stranger.getId(), true).getMandatesCount());
        assertRefused(Status.Code.INVALID_ARGUMENT, "principal_owner_id", "FIELD_REQUIRED",
                ownerOf(principal).listAgentMandates(ListAgentMandatesRequest.newBuilder().build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "agent_owner_id", "INVALID_FORMAT",
                ownerOf(principal).listAgentMandates(ListAgentMandatesRequest.newBuilder()
                        .setPrincipalOwnerId(principal.getId()).setAgentOwnerId("nope").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "page.after", "INVALID_CURSOR",
                ownerOf(principal).listAgentMandates(ListAgentMandatesRequest.newBuilder()
                        .setPrincipalOwnerId(principal.getId()).setPage(PageRequest.newBuilder().setAfter("xyz"))
                        .build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED", as(TestTokens.token("consumer"))
                .listAgentMandates(ListAgentMandatesRequest.newBuilder().setPrincipalOwnerId(principal.getId())
                        .build()));
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED", anonymous.listAgentMandates(
                ListAgentMandatesRequest.newBuilder().setPrincipalOwnerId(principal.getId()).build()));
    }

    @Test
    void aGrantIsIdempotentOnPrincipalAgentAndDocument() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        Brand b1 = brand(principal);
        Brand b2 = brand(principal);
        String doc = doc();
        GrantAgentMandateRequest request = grant(principal, agent, doc).addBrandIds(b1.getId())
                .setValidFrom(ts(FROM)).setValidUntil(ts(UNTIL)).build();
        AgentMandate first = ownerOf(principal).grantAgentMandate(request).await().atMost(WAIT).getMandate();

        GrantAgentMandateResponse repeat = ownerOf(principal).grantAgentMandate(request).await().atMost(WAIT);
        assertFalse(repeat.getCreated());
        assertEquals(first, repeat.getMandate());
        // the hash in upper case, and without valid_from (it defaulted the first time), name the same mandate
        GrantAgentMandateResponse normalized = ownerOf(principal).grantAgentMandate(request.toBuilder()
                .setDocumentSha256(doc.toUpperCase()).clearValidFrom().build()).await().atMost(WAIT);
        assertFalse(normalized.getCreated());
        assertEquals(first, normalized.getMandate());

        // the same document with other terms is refused and nothing changes
        assertRefused(Status.Code.ALREADY_EXISTS, "document_sha256", "IDEMPOTENCY_KEY_REUSED",
                ownerOf(principal).grantAgentMandate(request.toBuilder().addBrandIds(b2.getId()).build()));
        assertRefused(Status.Code.ALREADY_EXISTS, "document_sha256", "IDEMPOTENCY_KEY_REUSED",
                ownerOf(principal).grantAgentMandate(request.toBuilder().clearValidUntil().build()));
        assertRefused(Status.Code.ALREADY_EXISTS, "document_sha256", "IDEMPOTENCY_KEY_REUSED",
                ownerOf(principal).grantAgentMandate(request.toBuilder().setValidFrom(ts(FROM.plusSeconds(1))).build()));
        assertEquals(1L, mandatesOf(principal));
        assertEquals(List.of(first), list(ownerOf(principal), principal.getId(), "", true).getMandatesList());

        // a revoked document stays revoked: granting it again returns it as it stands
        AgentMandate revoked = ownerOf(principal).revokeAgentMandate(RevokeAgentMandateRequest.newBuilder()
                .setId(first.getId()).build()).await().atMost(WAIT).getMandate();
        GrantAgentMandateResponse afterRevoke = ownerOf(principal).grantAgentMandate(request).await().atMost(WAIT);
        assertFalse(afterRevoke.getCreated());
        assertEquals(revoked, afterRevoke.getMandate());
        assertEquals(1L, mandatesOf(principal));

        // a new document is a new mandate
        assertTrue(ownerOf(principal).grantAgentMandate(request.toBuilder().setDocumentSha256(doc()).build())
                .await().atMost(WAIT).getCreated());
        assertEquals(2L, mandatesOf(principal));
    }

    @Test
    void everyRefusedGrantIsNamedAndStoresNothing() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        RightsOwner stranger = verifiedOwner();
        Brand own = brand(principal);
        Brand foreign = brand(stranger);
        BrandRegistryService client = ownerOf(principal);

        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                ownerOf(stranger).grantAgentMandate(grant(principal, agent, doc()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                ownerOf(agent).grantAgentMandate(grant(principal, agent, doc()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(TestTokens.token("reviewer")).grantAgentMandate(grant(principal, agent, doc()).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                system().grantAgentMandate(grant(principal, agent, doc()).build()));
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.grantAgentMandate(grant(principal, agent, doc()).build()));

        assertRefused(Status.Code.INVALID_ARGUMENT, "principal_owner_id", "FIELD_REQUIRED",
                client.grantAgentMandate(grant(principal, agent, doc()).setPrincipalOwnerId("").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "agent_owner_id", "FIELD_REQUIRED",
                client.grantAgentMandate(grant(principal, agent, doc()).setAgentOwnerId("").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "agent_owner_id", "INVALID_FORMAT",
                client.grantAgentMandate(grant(principal, agent, doc()).setAgentOwnerId("agent-7").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "agent_owner_id", "VALUE_OUT_OF_RANGE",
                client.grantAgentMandate(grant(principal, principal, doc()).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "document_sha256", "FIELD_REQUIRED",
                client.grantAgentMandate(grant(principal, agent, "").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "document_sha256", "INVALID_DOCUMENT_HASH",
                client.grantAgentMandate(grant(principal, agent, "abc123").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "document_sha256", "INVALID_DOCUMENT_HASH",
                client.grantAgentMandate(grant(principal, agent, "zz".repeat(32)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "valid_until", "INVALID_DATE_RANGE",
                client.grantAgentMandate(grant(principal, agent, doc()).setValidFrom(ts(UNTIL))
                        .setValidUntil(ts(FROM)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "valid_until", "INVALID_DATE_RANGE",
                client.grantAgentMandate(grant(principal, agent, doc()).setValidFrom(ts(FROM))
                        .setValidUntil(ts(FROM)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "brand_ids[1]", "INVALID_FORMAT",
                client.grantAgentMandate(grant(principal, agent, doc()).addBrandIds(own.getId()).addBrandIds("x")
                        .build()));

        assertRefused(Status.Code.NOT_FOUND, "principal_owner_id", "RIGHTS_OWNER_NOT_FOUND",
                admin().grantAgentMandate(grant(principal, agent, doc())
                        .setPrincipalOwnerId(UUID.randomUUID().toString()).build()));
        assertRefused(Status.Code.NOT_FOUND, "agent_owner_id", "RIGHTS_OWNER_NOT_FOUND",
                client.grantAgentMandate(grant(principal, agent, doc()).setAgentOwnerId(UUID.randomUUID().toString())
                        .build()));
        RightsOwner pendingAgent = owner();
        assertRefused(Status.Code.FAILED_PRECONDITION, "agent_owner_id", "OWNER_NOT_VERIFIED",
                client.grantAgentMandate(grant(principal, pendingAgent, doc()).build()));
        RightsOwner suspendedAgent = verifiedOwner();
        suspend(suspendedAgent);
        assertRefused(Status.Code.FAILED_PRECONDITION, "agent_owner_id", "OWNER_SUSPENDED",
                client.grantAgentMandate(grant(principal, suspendedAgent, doc()).build()));

        assertRefused(Status.Code.PERMISSION_DENIED, "brand_ids[1]", "NOT_OWNER",
                client.grantAgentMandate(grant(principal, agent, doc()).addBrandIds(own.getId())
                        .addBrandIds(foreign.getId()).build()));
        assertRefused(Status.Code.NOT_FOUND, "brand_ids[0]", "BRAND_NOT_FOUND",
                client.grantAgentMandate(grant(principal, agent, doc()).addBrandIds(UUID.randomUUID().toString())
                        .addBrandIds(own.getId()).build()));
        GrantAgentMandateRequest.Builder tooMany = grant(principal, agent, doc());
        for (int i = 0; i < 501; i++) {
            tooMany.addBrandIds(own.getId());
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "brand_ids", "TOO_MANY_ITEMS",
                client.grantAgentMandate(tooMany.build()));

        assertEquals(0L, mandatesOf(principal), "no refusal stored a mandate");
        assertEquals(0L, count("SELECT count(*) FROM agent_mandate WHERE agent_owner_id IN ('" + agent.getId()
                + "', '" + pendingAgent.getId() + "', '" + suspendedAgent.getId() + "')"));

        // a suspended principal grants nothing either
        RightsOwner suspendedPrincipal = verifiedOwner();
        suspend(suspendedPrincipal);
        assertRefused(Status.Code.FAILED_PRECONDITION, "principal_owner_id", "OWNER_SUSPENDED",
                ownerOf(suspendedPrincipal).grantAgentMandate(grant(suspendedPrincipal, agent, doc()).build()));
        assertEquals(0L, mandatesOf(suspendedPrincipal));

        // the same grant, well-formed, goes through; an admin may grant for the principal
        assertTrue(client.grantAgentMandate(grant(principal, agent, doc()).addBrandIds(own.getId()).build())
                .await().atMost(WAIT).getCreated());
        assertTrue(admin().grantAgentMandate(grant(principal, agent, doc()).build()).await().atMost(WAIT)
                .getCreated());
        assertEquals(2L, mandatesOf(principal));
    }

    @Test
    void onlyThePrincipalOrAnAdminRevokesAndAStrangersAttemptChangesNothing() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        RightsOwner stranger = verifiedOwner();
        AgentMandate m = ownerOf(principal).grantAgentMandate(grant(principal, agent, doc()).build()).await()
                .atMost(WAIT).getMandate();
        RevokeAgentMandateRequest revoke = RevokeAgentMandateRequest.newBuilder().setId(m.getId()).setReason("x")
                .build();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", ownerOf(stranger).revokeAgentMandate(revoke));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER", ownerOf(agent).revokeAgentMandate(revoke));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(TestTokens.token("reviewer")).revokeAgentMandate(revoke));
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED", anonymous.revokeAgentMandate(revoke));
        assertRefused(Status.Code.NOT_FOUND, "id", "AGENT_MANDATE_NOT_FOUND", ownerOf(principal).revokeAgentMandate(
                RevokeAgentMandateRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "id", "FIELD_REQUIRED", ownerOf(principal).revokeAgentMandate(
                RevokeAgentMandateRequest.newBuilder().build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "reason", "FIELD_TOO_LONG", ownerOf(principal).revokeAgentMandate(
                revoke.toBuilder().setReason("r".repeat(2_001)).build()));
        assertEquals(1L, count("SELECT count(*) FROM agent_mandate WHERE id = '" + m.getId()
                + "' AND revoked_at IS NULL AND revoke_reason = ''"), "refused revocations change nothing");
        assertEquals(List.of(m), list(ownerOf(agent), "", agent.getId(), false).getMandatesList());
    }

    // --- the agent case of right standing

    @Test
    void anAgentStandsOnItsPrincipalsMarkOnlyUnderALiveMandateForThatBrandAtThatInstant() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        Brand b1 = brand(principal);
        Brand b2 = brand(principal);
        Trademark t1 = trademark(principal, b1);
        Trademark t2 = trademark(principal, b2);

        RightStanding before = standing(system(), agent, t1, null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER, before.getOutcome());
        assertEquals("", before.getAgentMandateId());

        AgentMandate m = ownerOf(principal).grantAgentMandate(grant(principal, agent, doc()).addBrandIds(b1.getId())
                .setValidFrom(ts(Instant.now().minusSeconds(3_600))).setValidUntil(ts(UNTIL)).build()).await()
                .atMost(WAIT).getMandate();

        RightStanding valid = standing(system(), agent, t1, null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, valid.getOutcome());
        assertEquals(m.getId(), valid.getAgentMandateId());
        assertEquals(principal.getId(), valid.getRightHolderOwnerId());
        assertEquals(agent.getId(), valid.getNotifierOwnerId());
        assertEquals(b1.getId(), valid.getBrandId());
        assertEquals(RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED, valid.getNotifierStatus());
        // the agent checks its own standing with its own token
        assertEquals(valid, standing(ownerOf(agent), agent, t1, null));
        // the owner itself needs no mandate
        RightStanding own = standing(system(), principal, t1, null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, own.getOutcome());
        assertEquals("", own.getAgentMandateId());

        // limited to b1: no standing on b2's mark
        RightStanding otherBrand = standing(system(), agent, t2, null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER, otherBrand.getOutcome());
        assertEquals("", otherBrand.getAgentMandateId());

        // the window is half-open [valid_from, valid_until)
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID,
                standing(system(), agent, t1, UNTIL.minusSeconds(1)).getOutcome());
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER,
                standing(system(), agent, t1, UNTIL).getOutcome(), "expired at `at`");
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER,
                standing(system(), agent, t1, Instant.now().minusSeconds(7_200)).getOutcome(), "not yet valid");

        // a stranger has no standing because somebody else holds a mandate
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER,
                standing(system(), verifiedOwner(), t1, null).getOutcome());

        ownerOf(principal).revokeAgentMandate(RevokeAgentMandateRequest.newBuilder().setId(m.getId()).build())
                .await().atMost(WAIT);
        RightStanding afterRevoke = standing(system(), agent, t1, null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER, afterRevoke.getOutcome());
        assertEquals("", afterRevoke.getAgentMandateId());
    }

    @Test
    void aMandateFromAPrincipalWhoIsNotVerifiedGivesNoStanding() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        Trademark t = trademark(principal, brand(principal));
        AgentMandate m = ownerOf(principal).grantAgentMandate(grant(principal, agent, doc()).build()).await()
                .atMost(WAIT).getMandate();
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, standing(system(), agent, t, null)
                .getOutcome());

        suspend(principal);
        RightStanding suspended = standing(system(), agent, t, null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_RIGHT_HOLDER_NOT_VERIFIED, suspended.getOutcome());
        assertEquals(m.getId(), suspended.getAgentMandateId());
        assertEquals(principal.getId(), suspended.getRightHolderOwnerId());

        // a principal still PENDING may prepare a mandate, but it grounds nothing until verified
        RightsOwner pending = owner();
        Brand pendingBrand = brand(pending);
        Trademark pendingMark = trademark(pending, pendingBrand);
        ownerOf(pending).grantAgentMandate(grant(pending, agent, doc()).build()).await().atMost(WAIT);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_RIGHT_HOLDER_NOT_VERIFIED,
                standing(system(), agent, pendingMark, null).getOutcome());
        as(TestTokens.token("reviewer")).verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder()
                .setId(pending.getId()).build()).await().atMost(WAIT);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID,
                standing(system(), agent, pendingMark, null).getOutcome());
    }

    @Test
    void theAgentIsJudgedFirst() {
        RightsOwner principal = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        Trademark t = trademark(principal, brand(principal));
        ownerOf(principal).grantAgentMandate(grant(principal, agent, doc()).build()).await().atMost(WAIT);
        suspend(agent);
        RightStanding s = standing(system(), agent, t, null);
        assertEquals(RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOTIFIER_SUSPENDED, s.getOutcome());
        assertEquals("", s.getAgentMandateId());
    }

    @Test
    void batchChecksMixOwnersAndAgentsInRequestOrder() {
        RightsOwner p1 = verifiedOwner();
        RightsOwner p2 = verifiedOwner();
        RightsOwner agent = verifiedOwner();
        Brand b1 = brand(p1);
        Brand b1other = brand(p1);
        Brand b2 = brand(p2);
        Trademark t1 = trademark(p1, b1);
        Trademark t1other = trademark(p1, b1other);
        Trademark t2 = trademark(p2, b2);
        AgentMandate m1 = ownerOf(p1).grantAgentMandate(grant(p1, agent, doc()).addBrandIds(b1.getId()).build())
                .await().atMost(WAIT).getMandate();
        AgentMandate m2 = ownerOf(p2).grantAgentMandate(grant(p2, agent, doc()).build()).await().atMost(WAIT)
                .getMandate();
        // p2 is also an agent of p1 (for all brands), and a second agent mandate of p1 is revoked
        AgentMandate p2ForP1 = ownerOf(p1).grantAgentMandate(grant(p1, p2, doc()).build()).await().atMost(WAIT)
                .getMandate();
        RightsOwner revokedAgent = verifiedOwner();
        AgentMandate gone = ownerOf(p1).grantAgentMandate(grant(p1, revokedAgent, doc()).build()).await()
                .atMost(WAIT).getMandate();
        ownerOf(p1).revokeAgentMandate(RevokeAgentMandateRequest.newBuilder().setId(gone.getId()).build()).await()
                .atMost(WAIT);

        List<RightStanding> results = system().batchCheckRightStanding(BatchCheckRightStandingRequest.newBuilder()
                .addChecks(check(p1, t1))
                .addChecks(check(agent, t1))
                .addChecks(check(agent, t1other))
                .addChecks(check(agent, t2))
                .addChecks(check(p2, t1other))
                .addChecks(check(revokedAgent, t1))
                .addChecks(CheckRightStandingRequest.newBuilder().setNotifierOwnerId(agent.getId())
                        .setTrademarkId("nope"))
                .addChecks(check(p2, t2))
                .build()).await().atMost(WAIT).getResultsList();
        assertEquals(8, results.size());
        assertStanding(results.get(0), RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, "");
        assertStanding(results.get(1), RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, m1.getId());
        assertStanding(results.get(2), RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER, "");
        assertStanding(results.get(3), RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, m2.getId());
        assertEquals(p2.getId(), results.get(3).getRightHolderOwnerId());
        assertStanding(results.get(4), RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, p2ForP1.getId());
        assertEquals(p1.getId(), results.get(4).getRightHolderOwnerId());
        assertStanding(results.get(5), RightStandingOutcome.RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER, "");
        assertEquals("checks[6].trademark_id", results.get(6).getError().getDetail().getField());
        assertStanding(results.get(7), RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, "");

        // the agent's own batch: its own standing only, mandates included
        List<RightStanding> own = ownerOf(agent).batchCheckRightStanding(BatchCheckRightStandingRequest.newBuilder()
                .addChecks(check(agent, t1)).addChecks(check(p1, t1)).build()).await().atMost(WAIT).getResultsList();
        assertStanding(own.get(0), RightStandingOutcome.RIGHT_STANDING_OUTCOME_VALID, m1.getId());
        assertEquals("NOT_OWNER", own.get(1).getError().getDetail().getReason());
    }

    // --- helpers

    private static void assertStanding(RightStanding s, RightStandingOutcome outcome, String mandateId) {
        assertEquals(outcome, s.getOutcome(), s.toString());
        assertEquals(mandateId, s.getAgentMandateId(), s.toString());
    }

    private RightStanding standing(BrandRegistryService client, RightsOwner notifier, Trademark t, Instant at) {
        CheckRightStandingRequest.Builder request = check(notifier, t).toBuilder();
        if (at != null) {
            request.setAt(ts(at));
        }
        return client.checkRightStanding(request.build()).await().atMost(WAIT).getStanding();
    }

    private static CheckRightStandingRequest check(RightsOwner notifier, Trademark t) {
        return CheckRightStandingRequest.newBuilder().setNotifierOwnerId(notifier.getId()).setTrademarkId(t.getId())
                .build();
    }

    private static GrantAgentMandateRequest.Builder grant(RightsOwner principal, RightsOwner agent, String doc) {
        return GrantAgentMandateRequest.newBuilder().setPrincipalOwnerId(principal.getId())
                .setAgentOwnerId(agent.getId()).setDocumentSha256(doc);
    }

    private ListAgentMandatesResponse list(BrandRegistryService client, String principal, String agent,
            boolean includeRevoked) {
        return client.listAgentMandates(ListAgentMandatesRequest.newBuilder().setPrincipalOwnerId(principal)
                .setAgentOwnerId(agent).setIncludeRevoked(includeRevoked).build()).await().atMost(WAIT);
    }

    /** A fresh document hash per grant: tests share one database. */
    private static String doc() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static Timestamp ts(Instant instant) {
        return ProtoTime.toProto(instant);
    }

    private Trademark trademark(RightsOwner owner, Brand brand) {
        String number = "AM-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase();
        return ownerOf(owner).registerTrademark(mark(brand, number).build()).await().atMost(WAIT).getTrademark();
    }

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    private BrandRegistryService admin() {
        return as(TestTokens.token("admin"));
    }

    private BrandRegistryService system() {
        return as(TestTokens.token("system"));
    }

    private BrandRegistryService ownerOf(RightsOwner owner) {
        return as(TestTokens.ownerToken(owner.getId()));
    }

    private RightsOwner owner() {
        return admin().registerRightsOwner(RegisterRightsOwnerRequest.newBuilder().setLegalName("Vertretung GmbH")
                .setCountry("DE").setAddress("Hauptstrasse 2, 10115 Berlin").setPhone("+49 30 7654321")
                .setEmail("legal@vertretung.example").setTradeRegisterNumber("HRB-" + UUID.randomUUID()).build())
                .await().atMost(WAIT).getOwner();
    }

    private RightsOwner verifiedOwner() {
        RightsOwner owner = owner();
        return as(TestTokens.token("reviewer")).verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder()
                .setId(owner.getId()).build()).await().atMost(WAIT).getOwner();
    }

    private void suspend(RightsOwner owner) {
        system().suspendRightsOwner(SuspendRightsOwnerRequest.newBuilder().setId(owner.getId())
                .setReason("manifestly unfounded notices").build()).await().atMost(WAIT);
    }

    private Brand brand(RightsOwner owner) {
        return ownerOf(owner).registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(owner.getId())
                .setName("Brand " + UUID.randomUUID()).build()).await().atMost(WAIT).getBrand();
    }

    private long mandatesOf(RightsOwner principal) {
        return count("SELECT count(*) FROM agent_mandate WHERE principal_owner_id = '" + principal.getId() + "'");
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
