/**
 * Cases: what a citizen's reply becomes. {@link org.guichet.casework.Casework} threads an
 * inbound message into its case (token, then headers, then subject reference, else a new
 * unthreaded case), records it as a {@link org.guichet.casework.CaseMessage} whose raw bytes
 * stay in the spool, and writes each step to the {@link org.guichet.casework.EventLog}:
 * append-only (a database trigger refuses UPDATE and DELETE), one SHA-256 chain over all
 * events, timestamps from the gateway's clock only. {@link org.guichet.casework.EventLog#verify()}
 * is what {@code guichet audit verify} runs.
 *
 * <p>A reply to a closed case reopens it, or opens a case linked to it, per service
 * ({@code service.closed_case_reply}, 'reopen' by default; the service directory does not set
 * it yet). Automatic mail is recorded on its case but reopens nothing.
 */
package org.guichet.casework;
