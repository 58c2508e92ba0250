/**
 * Signed checkpoints of the event log: evidence held outside the administration.
 *
 * <p>The hash chain of {@code case_event} proves that no event was edited, removed or
 * reordered, but whoever holds the database can rewrite the whole chain consistently. A
 * checkpoint (the number of events and the chain's hash after them, signed with Ed25519 in the
 * layout of C2SP's tlog-checkpoint and signed-note) is mailed to auditors and published; the
 * log must extend every checkpoint ever given out ({@code guichet audit verify --checkpoints}).
 */
package org.guichet.checkpoint;
