package io.cloudsword.complaint.domain;

import java.util.Collection;

/** A notice's own state: a summary of its items' states (see {@link #summarize}). */
public enum NoticeState {
    RECEIVED, UNDER_REVIEW, REJECTED, ACCEPTED, CLOSED, WITHDRAWN;

    /**
     * The notice's state once its items are as given: still in review while an item is PENDING;
     * REJECTED when every item was rejected; CLOSED when every item is final; else ACCEPTED.
     */
    public static NoticeState summarize(NoticeState current, Collection<ItemState> items) {
        if (current == WITHDRAWN) {
            return WITHDRAWN;
        }
        if (items.contains(ItemState.PENDING)) {
            return current == RECEIVED ? RECEIVED : UNDER_REVIEW;
        }
        if (items.stream().allMatch(s -> s == ItemState.REJECTED)) {
            return REJECTED;
        }
        if (items.stream().allMatch(ItemState::isFinal)) {
            return CLOSED;
        }
        return ACCEPTED;
    }
}
