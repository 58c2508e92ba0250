package org.guichet.node;

/**
 * What a Guichet node does. One jar runs any combination, so a small administration runs
 * every role in one process and a large one spreads them over nodes sharing one database.
 */
public enum Role {
    /** SMTP submission listener for the administration's applications. */
    SUBMISSION,
    /** SMTP listener for citizens' replies (MX of the reply domains). */
    INBOUND,
    /** Claims spooled messages, runs the pipeline and relays. */
    WORKER,
    /** Admin UI and REST API. */
    WEB
}
