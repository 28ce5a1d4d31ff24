package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.complaint.v1.DecideAppealResponse;
import io.cloudsword.api.complaint.v1.FileAppealResponse;
import io.cloudsword.api.complaint.v1.MarkNoticeAbusiveResponse;
import io.cloudsword.api.complaint.v1.SubmitCounterNoticeResponse;
import io.cloudsword.api.complaint.v1.SubmitLegalActionProofResponse;
import io.cloudsword.api.complaint.v1.SubmitNoticeResponse;
import io.cloudsword.api.complaint.v1.VerifyAuditTrailResponse;

/** What the complaint mutations answer: the record, whether this call created it, and the complaint after it. */
final class ComplaintPayloads {
    private ComplaintPayloads() {
    }

    @Name("FileComplaintPayload")
    @Description("The filed complaint: receipt confirmed (state RECEIVED, receivedAt, decisionDueAt).")
    public static class FileComplaint {
        @NonNull
        @Description("The complaint as stored.")
        public ComplaintView complaint;
        @Description("False when the idempotency key was used before with the same content: the first complaint.")
        public boolean created;

        static FileComplaint of(SubmitNoticeResponse r) {
            FileComplaint p = new FileComplaint();
            p.complaint = ComplaintView.of(r.getNotice());
            p.created = r.getCreated();
            return p;
        }
    }

    @Name("MarkComplaintAbusivePayload")
    @Description("A complaint after a reviewer recorded it as manifestly unfounded or malicious.")
    public static class MarkAbusive {
        @NonNull
        @Description("The complaint with its abuse marks.")
        public ComplaintView complaint;
        @Description("Whether the notifier was suspended from filing as a consequence (DSA Art. 23).")
        public boolean notifierSuspended;

        static MarkAbusive of(MarkNoticeAbusiveResponse r) {
            MarkAbusive p = new MarkAbusive();
            p.complaint = ComplaintView.of(r.getNotice());
            p.notifierSuspended = r.getNotifierSuspended();
            return p;
        }
    }

    @Name("SubmitCounterNoticePayload")
    @Description("A counter-notice as stored, and the complaint whose items it moved to COUNTER_NOTICED.")
    public static class SubmitCounterNotice {
        @NonNull
        @Description("The counter-notice.")
        public CounterNoticeView counterNotice;
        @Description("False when the idempotency key was used before: the first counter-notice.")
        public boolean created;
        @Description("The complaint after the call.")
        public ComplaintView complaint;

        static SubmitCounterNotice of(SubmitCounterNoticeResponse r) {
            SubmitCounterNotice p = new SubmitCounterNotice();
            p.counterNotice = CounterNoticeView.of(r.getCounterNotice());
            p.created = r.getCreated();
            p.complaint = ComplaintView.ofNullable(r.hasNotice(), r.getNotice());
            return p;
        }
    }

    @Name("SubmitLegalActionProofPayload")
    @Description("A proof of legal action as stored, and the complaint whose items it moved to UPHELD.")
    public static class SubmitLegalActionProof {
        @NonNull
        @Description("The proof.")
        public LegalActionProofView proof;
        @Description("False when the idempotency key was used before: the first proof.")
        public boolean created;
        @Description("The complaint after the call.")
        public ComplaintView complaint;

        static SubmitLegalActionProof of(SubmitLegalActionProofResponse r) {
            SubmitLegalActionProof p = new SubmitLegalActionProof();
            p.proof = LegalActionProofView.of(r.getProof());
            p.created = r.getCreated();
            p.complaint = ComplaintView.ofNullable(r.hasNotice(), r.getNotice());
            return p;
        }
    }

    @Name("FileAppealPayload")
    @Description("An appeal as stored.")
    public static class FileAppeal {
        @NonNull
        @Description("The appeal, FILED.")
        public AppealView appeal;
        @Description("False when the idempotency key was used before: the first appeal.")
        public boolean created;

        static FileAppeal of(FileAppealResponse r) {
            FileAppeal p = new FileAppeal();
            p.appeal = AppealView.of(r.getAppeal());
            p.created = r.getCreated();
            return p;
        }
    }

    @Name("DecideAppealPayload")
    @Description("A decided appeal and the complaint after its effects (restore and revoke the strike, or take down).")
    public static class DecideAppeal {
        @NonNull
        @Description("The appeal, GRANTED or DENIED.")
        public AppealView appeal;
        @Description("The complaint after the decision.")
        public ComplaintView complaint;

        static DecideAppeal of(DecideAppealResponse r) {
            DecideAppeal p = new DecideAppeal();
            p.appeal = AppealView.of(r.getAppeal());
            p.complaint = ComplaintView.ofNullable(r.hasNotice(), r.getNotice());
            return p;
        }
    }

    @Name("AuditTrailVerification")
    @Description("The result of recomputing a complaint's hash chain.")
    public static class AuditTrailVerification {
        @Description("Whether every record's hash matches.")
        public boolean intact;
        @Description("Records checked.")
        public long recordsChecked;
        @Description("The first sequence whose hash does not match; null when intact.")
        public Long firstBrokenSequence;
        @Description("Hash of the last record.")
        public String headHash;

        static AuditTrailVerification of(VerifyAuditTrailResponse r) {
            AuditTrailVerification p = new AuditTrailVerification();
            p.intact = r.getIntact();
            p.recordsChecked = r.getRecordsChecked();
            p.firstBrokenSequence = r.hasFirstBrokenSequence() ? r.getFirstBrokenSequence() : null;
            p.headHash = CodeVerificationView.blankToNull(r.getHeadHash());
            return p;
        }
    }
}
