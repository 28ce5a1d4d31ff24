package io.cloudsword.complaint.domain;

public enum ConsumerReportStatus {
    RECEIVED, IN_REVIEW, CLOSED
}
