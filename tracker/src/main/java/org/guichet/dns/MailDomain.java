package org.guichet.dns;

/**
 * A domain Guichet sends from or receives replies on.
 *
 * @param name         the domain, in lower-case A-labels
 * @param reply        whether it is the reply domain ({@code guichet.node.reply-domain})
 * @param dkimSelector the selector of the key Guichet signs its mail with, or null when it signs none
 * @param dkimBits     the size of that RSA key, 0 without one
 */
public record MailDomain(String name, boolean reply, String dkimSelector, int dkimBits) {

    public boolean signed() {
        return dkimSelector != null;
    }
}
