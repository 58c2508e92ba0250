package org.guichet.gateway.pipeline;

import java.util.List;

import org.guichet.gateway.spool.SpooledMessage;

/** Turns one spooled message into the messages to relay (none, itself, or rewritten copies). */
public interface MessageProcessor {

    List<Outgoing> process(SpooledMessage message) throws Exception;
}
