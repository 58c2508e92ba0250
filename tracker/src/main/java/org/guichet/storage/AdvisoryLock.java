package org.guichet.storage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL advisory locks held until the end of the current transaction
 * ({@code pg_advisory_xact_lock(int, int)}), one namespace per kind of key: nodes working on
 * the same key wait for each other, then the second sees what the first committed.
 */
public enum AdvisoryLock {

    /** A spooled inbound message being threaded, or its attachments stored. */
    INBOUND_MESSAGE(0x47434831),
    /** An agent's answer id being recorded. */
    ANSWER(0x47434832),
    /** An inbound message being acknowledged. */
    ACKNOWLEDGED_MESSAGE(0x47434B31),
    /** A recipient's acknowledgements being counted against their limits. */
    ACKNOWLEDGED_RECIPIENT(0x47434B32),
    /** The event log's checkpoint being signed, by one node at a time. */
    CHECKPOINT(0x47434331);

    private final int namespace;

    AdvisoryLock(int namespace) {
        this.namespace = namespace;
    }

    /** Waits for, then holds until commit or rollback, the lock of {@code key}; needs a transaction. */
    public void hold(JdbcClient jdbc, String key) {
        jdbc.sql("select pg_advisory_xact_lock(:namespace, hashtext(:key))")
                .param("namespace", namespace).param("key", key).query().listOfRows();
    }
}
