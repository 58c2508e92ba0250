package org.guichet.gateway.pipeline;

import java.util.List;

import org.guichet.gateway.spool.SpooledMessage;
import org.springframework.stereotype.Component;

/** Relays every message as it was accepted. */
@Component
class PassThroughProcessor implements MessageProcessor {

    @Override
    public List<Outgoing> process(SpooledMessage message) {
        return List.of(Outgoing.unchanged(message.envelope().sender(), message.envelope().recipients()));
    }
}
