package org.guichet.gateway.smtp;

import org.guichet.node.NodeProperties;

/**
 * The domain of reply addresses, decided once at start: {@code guichet.node.reply-domain}, else the
 * SMTP host name, which lets a first run write reply addresses that nobody can answer yet.
 *
 * @param name       the domain written after {@code reply+<token>@}
 * @param configured whether it was set by {@code guichet.node.reply-domain}
 */
public record ReplyDomain(String name, boolean configured) {

    public static ReplyDomain of(NodeProperties node, SmtpProperties smtp) {
        return node.hasReplyDomain() ? new ReplyDomain(node.replyDomain(), true)
                : new ReplyDomain(smtp.hostname(), false);
    }

    @Override
    public String toString() {
        return name;
    }
}
