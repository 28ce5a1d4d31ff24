package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.RotateCodeKeyResponse;

/** What the code mutations answer: the record and whether this call created it (idempotent retries say false). */
final class CodePayloads {
    private CodePayloads() {
    }

    @Description("The outcome of createCodeBatch.")
    @Name("CreateCodeBatchPayload")
    public static class CreateCodeBatch {
        @Description("The batch, new or (on a repeated idempotency key) the existing one; follow it with "
                + "codeBatch(id) until COMPLETED.")
        @NonNull
        public CodeBatchView batch;
        @Description("False when the idempotency key named an existing batch.")
        public boolean created;

        static CreateCodeBatch of(CodeBatch batch, boolean created) {
            CreateCodeBatch p = new CreateCodeBatch();
            p.batch = CodeBatchView.of(batch);
            p.created = created;
            return p;
        }
    }

    @Description("The outcome of rotateCodeKey.")
    @Name("RotateCodeKeyPayload")
    public static class RotateCodeKey {
        @Description("The key that now issues new batches.")
        @NonNull
        public CodeKeyView activeKey;
        @Description("The key this rotation retired; null for a brand's first key.")
        public CodeKeyView retiredKey;
        @Description("False when the idempotency key named an earlier rotation (nothing rotated again).")
        public boolean created;

        static RotateCodeKey of(RotateCodeKeyResponse r) {
            RotateCodeKey p = new RotateCodeKey();
            p.activeKey = CodeKeyView.of(r.getActiveKey());
            p.retiredKey = CodeKeyView.ofOptional(r.hasRetiredKey(), r.getRetiredKey());
            p.created = r.getCreated();
            return p;
        }
    }

    @Description("The outcome of recordLifecycleEvent.")
    @Name("RecordLifecycleEventPayload")
    public static class RecordLifecycleEvent {
        @Description("The event as recorded (the first one, when eventId was already recorded).")
        @NonNull
        public LifecycleEventView event;
        @Description("False when the eventId was already recorded.")
        public boolean created;
    }
}
