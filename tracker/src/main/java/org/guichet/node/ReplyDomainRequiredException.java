package org.guichet.node;

/** The inbound role was asked for on a node without {@code guichet.node.reply-domain}: nobody could reach it. */
public class ReplyDomainRequiredException extends IllegalStateException {

    public ReplyDomainRequiredException() {
        super("guichet.node.reply-domain is not set, and this node's guichet.node.roles include inbound");
    }
}
