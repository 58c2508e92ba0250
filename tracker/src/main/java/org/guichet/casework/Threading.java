package org.guichet.casework;

/** How an inbound message found its case, in the order Guichet tries them. */
public enum Threading {
    /** The signed reply address named a conversation (the only proof that does not depend on headers). */
    TOKEN,
    /** In-Reply-To or References named a Message-ID Guichet sent or received (RFC 5322 §3.6.4). */
    HEADER,
    /** The subject carried a case reference, and the sender is that case's citizen. */
    SUBJECT_REFERENCE,
    /** Nothing tied it to Guichet's mail: a new case, flagged for the service's queue. */
    UNTHREADED
}
