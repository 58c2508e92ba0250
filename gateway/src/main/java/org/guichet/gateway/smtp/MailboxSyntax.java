package org.guichet.gateway.smtp;

/**
 * A light check of an envelope address (RFC 5321 §4.1.2 Mailbox): one local part, one
 * domain, no spaces or control characters. UTF-8 is allowed (SMTPUTF8, RFC 6531).
 */
public final class MailboxSyntax {

    private MailboxSyntax() {
    }

    public static boolean valid(String address) {
        if (address == null || address.length() > 320) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || at > 64 && !address.startsWith("\"")) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>') {
                return false;
            }
        }
        String domain = address.substring(at + 1);
        return !domain.startsWith(".") && !domain.endsWith(".") && !domain.contains("..");
    }
}
