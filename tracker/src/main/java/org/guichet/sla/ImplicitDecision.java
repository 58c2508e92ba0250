package org.guichet.sla;

/** What two months of silence on a request mean for a service (CRPA L231-1, L231-4). */
public enum ImplicitDecision {
    /** The service's messages are not requests that silence decides (information, complaints handled otherwise). */
    NONE,
    /** Silence for 2 months is acceptance (CRPA L231-1, the rule). */
    ACCEPTANCE,
    /** Silence for 2 months is rejection (CRPA L231-4: complaints, appeals, financial requests, …). */
    REJECTION
}
