package org.guichet.node;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains why an inbound node without a reply domain does not start, and the two ways out.
 * First among analyzers: the refusal happens while binding settings, which Spring Boot's
 * binding analyzer would otherwise report as a mere binding error.
 */
class ReplyDomainFailureAnalyzer extends AbstractFailureAnalyzer<ReplyDomainRequiredException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ReplyDomainRequiredException cause) {
        return new FailureAnalysis("The inbound role needs guichet.node.reply-domain: citizens' replies reach this node"
                + " only at reply addresses of that domain, whose MX points here; without it reply addresses end"
                + " in this host's name and no reply can arrive.",
                "Set guichet.node.reply-domain (e.g. --guichet.node.reply-domain=reponse.caf.fr, or GUICHET_NODE_REPLYDOMAIN) and"
                        + " publish its MX, or leave inbound out of guichet.node.roles on this node.",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
