package org.guichet.casework;

/** What happened to a case; each is one event of the chained log. */
public enum CaseEventType {
    /** A case was opened, by the first message that reached it. */
    CASE_OPENED,
    /** A message reached the case: how it was threaded, whether a third party wrote it. */
    RECEIVED,
    /** The message was recognised as automatic (RFC 3834, delivery report, out-of-office). */
    CLASSIFIED_AUTOMATIC,
    /** The files a message carried were recorded: their SHA-256, size, type, and refusal if any. */
    ATTACHMENTS_STORED,
    /** Guichet acknowledged receipt (CRPA L112-11). */
    ACKNOWLEDGED,
    /** A person answered. */
    ANSWERED,
    /** The case was closed. */
    CLOSED,
    /** A reply to the closed case reopened it. */
    REOPENED,
    /** A reply to the closed case opened a new case linked to it. */
    LINKED,
    /** An escalation flag was raised (SLA warning or breach, third message, decision date approaching). */
    FLAGGED,
    /** The case's priority was raised by an escalation. */
    PRIORITY_RAISED,
    /** A person changed the case's status ({@code payload.status}, {@code payload.from}). */
    STATUS_CHANGED,
    /** The case was assigned to an account ({@code payload.assignee}), or unassigned (none). */
    ASSIGNED,
    /** The case went to another service (CRPA L114-2); the legal deadline keeps its first receipt. */
    TRANSFERRED,
    /** A person wrote an internal note, never sent to the citizen. */
    NOTE_ADDED,
    /** A person opened the case (who saw a citizen's data, and when). */
    VIEWED
}
