package io.cloudsword.complaint.domain;

import java.util.EnumSet;
import java.util.Set;

import io.cloudsword.kit.error.DomainException;

/**
 * The workflow of one notice item (one listing), as an explicit table of events and the states
 * each may start from. Every change of an item goes through {@link Event#from}, which refuses
 * anything the table does not list with FAILED_PRECONDITION / INVALID_STATE_TRANSITION.
 */
public enum ItemState {
    PENDING, REJECTED, ACCEPTED, COUNTER_NOTICED, UPHELD, RESTORED, WITHDRAWN;

    /** UPHELD, RESTORED and WITHDRAWN end an item; REJECTED too, unless a notifier's appeal is granted. */
    public boolean isFinal() {
        return this == UPHELD || this == RESTORED || this == WITHDRAWN || this == REJECTED;
    }

    /** What may happen to an item, where it may happen, and where it leads. */
    public enum Event {
        /** A reviewer accepts the notice for this listing: takedown, seller told. */
        ACCEPT(EnumSet.of(PENDING), ACCEPTED),
        /** A reviewer rejects it: statement to the notifier. */
        REJECT(EnumSet.of(PENDING), REJECTED),
        /** The seller's counter-notice, forwarded to the notifier: the waiting period starts. */
        COUNTER_NOTICE(EnumSet.of(ACCEPTED), COUNTER_NOTICED),
        /** No counter-notice by the deadline: the takedown stands, the shop gets a strike. */
        COUNTER_NOTICE_PERIOD_ENDED(EnumSet.of(ACCEPTED), UPHELD),
        /** The notifier proved a complaint to an authority or a lawsuit within the period. */
        LEGAL_ACTION_PROVED(EnumSet.of(COUNTER_NOTICED), UPHELD),
        /** The waiting period ended without proof: the listing comes back. */
        WAITING_PERIOD_ENDED(EnumSet.of(COUNTER_NOTICED), RESTORED),
        /** The notifier withdrew its notice: what is not final ends, takedowns are lifted. */
        WITHDRAW(EnumSet.of(PENDING, ACCEPTED, COUNTER_NOTICED), WITHDRAWN),
        /** A notifier's appeal against a rejection is granted (DSA Art. 20). */
        NOTIFIER_APPEAL_GRANTED(EnumSet.of(REJECTED), ACCEPTED),
        /** A seller's appeal against the takedown is granted: restored, strike revoked. */
        SELLER_APPEAL_GRANTED(EnumSet.of(ACCEPTED, COUNTER_NOTICED, UPHELD), RESTORED);

        public final Set<ItemState> from;
        public final ItemState to;

        Event(Set<ItemState> from, ItemState to) {
            this.from = from;
            this.to = to;
        }

        public boolean appliesTo(ItemState state) {
            return from.contains(state);
        }

        /** The state after this event, or INVALID_STATE_TRANSITION naming the item and its state. */
        public ItemState from(ItemState current, String field) {
            if (!appliesTo(current)) {
                throw DomainException.failedPrecondition(field, "INVALID_STATE_TRANSITION", "The item is " + current
                        + "; " + name() + " applies only to " + from + " items");
            }
            return to;
        }
    }
}
