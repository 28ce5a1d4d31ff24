package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.CodeKey;

@Name("CodeKey")
@Description("Metadata of a brand's code key; the key material never leaves verification-service.")
public class CodeKeyView {
    @Description("The key's id, as CodeBatch.keyId refers to it.")
    @Id
    @NonNull
    public String id;
    @Description("The brand whose codes the key signs.")
    @Id
    @NonNull
    public String brandId;
    @Description("1, 2, 3 ... per brand")
    public int version;
    @Description("ACTIVE (issues new batches) or RETIRED (still verifies the codes it issued)")
    @NonNull
    public String status;
    @NonNull
    public Instant createdAt;
    public Instant retiredAt;
    @Description("Transparency-log entry recording the rotation.")
    public Long logIndex;

    static CodeKeyView of(CodeKey k) {
        CodeKeyView v = new CodeKeyView();
        v.id = k.getId();
        v.brandId = k.getBrandId();
        v.version = k.getVersion();
        v.status = Enums.name(k.getStatus(), "CODE_KEY_STATUS_");
        v.createdAt = Times.of(k.getCreatedAt());
        v.retiredAt = Times.ofOptional(k.hasRetiredAt(), k.getRetiredAt());
        v.logIndex = k.hasLogIndex() ? k.getLogIndex() : null;
        return v;
    }

    /** Absent sub-messages (a brand's first rotation has no retired key) read as null. */
    static CodeKeyView ofOptional(boolean present, CodeKey k) {
        return present ? of(k) : null;
    }
}
