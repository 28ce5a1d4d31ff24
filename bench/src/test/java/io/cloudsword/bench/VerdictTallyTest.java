package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.Verdict;

class VerdictTallyTest {

    private static CodeVerification answer(Verdict verdict, long scans, String scanId) {
        return CodeVerification.newBuilder().setVerdict(verdict).setScanCount(scans).setScanId(scanId).build();
    }

    @Test
    void issuedCodesMayBeGenuineOrSuspectAndMustShowTheirScans() {
        assertNull(VerdictTally.judge(CodeSamples.Kind.GENUINE, answer(Verdict.VERDICT_GENUINE, 1, "s")));
        assertNull(VerdictTally.judge(CodeSamples.Kind.GENUINE, answer(Verdict.VERDICT_SUSPECT, 1, "s")));
        assertNull(VerdictTally.judge(CodeSamples.Kind.REPEATED, answer(Verdict.VERDICT_SUSPECT, 12, "s")));
        assertNotNull(VerdictTally.judge(CodeSamples.Kind.GENUINE, answer(Verdict.VERDICT_INVALID, 0, "")));
        assertNotNull(VerdictTally.judge(CodeSamples.Kind.REPEATED, answer(Verdict.VERDICT_GENUINE, 1, "s")),
                "a repeated scan reporting one scan means scans are not recorded");
        assertNotNull(VerdictTally.judge(CodeSamples.Kind.GENUINE, answer(Verdict.VERDICT_UNSPECIFIED, 1, "s")));
    }

    @Test
    void invalidCodesMustBeInvalidWithNothingStored() {
        for (CodeSamples.Kind kind : new CodeSamples.Kind[] { CodeSamples.Kind.MAC_FORGED,
                CodeSamples.Kind.NEVER_ISSUED, CodeSamples.Kind.OTHER_GTIN }) {
            assertNull(VerdictTally.judge(kind, answer(Verdict.VERDICT_INVALID, 0, "")));
            assertNotNull(VerdictTally.judge(kind, answer(Verdict.VERDICT_GENUINE, 1, "s")));
            assertNotNull(VerdictTally.judge(kind, answer(Verdict.VERDICT_INVALID, 0, "0193-scan")));
        }
    }

    @Test
    void countsVerdictsPerGroupWrongAnswersAndReusedFirstScans() {
        VerdictTally t = new VerdictTally();
        t.record(CodeSamples.Kind.GENUINE, "c1", answer(Verdict.VERDICT_GENUINE, 1, "s"));
        t.record(CodeSamples.Kind.GENUINE, "c2", answer(Verdict.VERDICT_GENUINE, 3, "s"));
        t.record(CodeSamples.Kind.REPEATED, "c3", answer(Verdict.VERDICT_SUSPECT, 11, "s"));
        t.record(CodeSamples.Kind.MAC_FORGED, "c4", answer(Verdict.VERDICT_INVALID, 0, ""));
        t.record(CodeSamples.Kind.OTHER_GTIN, "c5", answer(Verdict.VERDICT_GENUINE, 1, "s"));
        t.error("RESOURCE_EXHAUSTED");
        t.error("RESOURCE_EXHAUSTED");
        assertEquals(5, t.answers());
        assertEquals(1, t.wrongAnswers());
        assertEquals(1, t.firstScansNotFirst());
        assertEquals(2L, t.errorCodes().get("RESOURCE_EXHAUSTED"));
        assertEquals(1, t.examples().size());
        assertTrue(t.examples().get(0).startsWith("OTHER_GTIN c5: expected INVALID"), t.examples().get(0));
        assertEquals("{\"genuine\":{\"GENUINE\":2,\"SUSPECT\":0,\"INVALID\":0,\"wrong\":0},"
                + "\"repeated\":{\"GENUINE\":0,\"SUSPECT\":1,\"INVALID\":0,\"wrong\":0},"
                + "\"invalid\":{\"GENUINE\":1,\"SUSPECT\":0,\"INVALID\":1,\"wrong\":1}}", t.answersJson().toString());
    }
}
