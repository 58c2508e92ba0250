package org.guichet.gateway.spool;

import java.time.Instant;

/** A message as the spool holds it: the accepted envelope and the raw bytes, untouched. */
public record SpooledMessage(long id, String queueId, Envelope envelope, Instant receivedAt, byte[] raw) {
}
