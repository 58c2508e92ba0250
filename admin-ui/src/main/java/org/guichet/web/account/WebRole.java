package org.guichet.web.account;

/** What a person may do in the web UI and REST API. */
public enum WebRole {
    /** IT operations: queue, configuration, metrics. */
    OPERATOR,
    /** Answers citizens in the cases of their services. */
    AGENT,
    /** Sees backlog and breaches, assigns, receives escalations. */
    SUPERVISOR,
    /** Reads reports and evidence; changes nothing. */
    AUDITOR,
    /** Manages accounts and services, and sees every service's cases. */
    ADMIN
}
