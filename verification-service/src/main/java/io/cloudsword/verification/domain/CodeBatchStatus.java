package io.cloudsword.verification.domain;

public enum CodeBatchStatus {
    PENDING, RUNNING, COMPLETED, FAILED
}
