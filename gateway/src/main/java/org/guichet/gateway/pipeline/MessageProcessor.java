package org.guichet.gateway.pipeline;

import java.util.List;

/**
 * Turns one claimed message into its outcomes (relay, requeue, hold). Throwing leaves the
 * message in the pipeline to be tried again later.
 */
public interface MessageProcessor {

    List<Outgoing> process(ClaimedMessage message) throws Exception;
}
