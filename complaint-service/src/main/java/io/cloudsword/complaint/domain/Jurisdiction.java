package io.cloudsword.complaint.domain;

/** The legal regime whose waiting periods apply to a notice. */
public enum Jurisdiction {
    /** E-Commerce Law Arts. 42-43: 15 calendar days after the counter-notice is forwarded. */
    CN,
    /** DMCA 512(g): restore no sooner than 10 and no later than 14 business days after the counter-notice. */
    US,
    /** DSA: a configurable default period. */
    EU
}
