package io.cloudsword.brand.grpc;

import io.cloudsword.api.brand.v1.AgentMandate;
import io.cloudsword.api.brand.v1.GrantAgentMandateRequest;
import io.cloudsword.brand.domain.AgentMandates;
import io.cloudsword.kit.grpc.ProtoTime;

/** Translation of the agent-mandate messages; no rules live here. */
final class MandateMessages {

    private MandateMessages() {
    }

    static AgentMandates.NewMandate toDomain(GrantAgentMandateRequest r) {
        return new AgentMandates.NewMandate(r.getPrincipalOwnerId(), r.getAgentOwnerId(), r.getBrandIdsList(),
                r.hasValidFrom() ? ProtoTime.fromProto(r.getValidFrom()) : null,
                r.hasValidUntil() ? ProtoTime.fromProto(r.getValidUntil()) : null, r.getDocumentSha256());
    }

    static AgentMandate toProto(io.cloudsword.brand.domain.AgentMandate m) {
        AgentMandate.Builder b = AgentMandate.newBuilder()
                .setId(m.id.toString())
                .setPrincipalOwnerId(m.principalOwnerId.toString())
                .setAgentOwnerId(m.agentOwnerId.toString())
                .setValidFrom(ProtoTime.toProto(m.validFrom))
                .setDocumentSha256(m.documentSha256)
                .setCreatedAt(ProtoTime.toProto(m.createdAt));
        m.brandIds.forEach(id -> b.addBrandIds(id.toString()));
        if (m.validUntil != null) {
            b.setValidUntil(ProtoTime.toProto(m.validUntil));
        }
        if (m.revokedAt != null) {
            b.setRevokedAt(ProtoTime.toProto(m.revokedAt));
        }
        return b.build();
    }
}
