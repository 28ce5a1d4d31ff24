package io.cloudsword.complaint.domain;

/** Who filed a notice; trusted flaggers' notices are reviewed first (DSA Art. 22), consumer reports last. */
public enum NoticeKind {
    TRUSTED_FLAGGER(0), RIGHTS_OWNER(1), CONSUMER_REPORT(2);

    /** Position in the reviewer queue: lower goes first. */
    public final int priority;

    NoticeKind(int priority) {
        this.priority = priority;
    }
}
