package org.guichet.gateway.inspect;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xbill.DNS.Address;

/**
 * The SMTP client a {@code Received} header names (RFC 5321 §4.4): its HELO name, the first word
 * of the {@code from} clause, and its address, the address literal in the TCP information
 * ({@code from mail.example.org (mail.example.org [192.0.2.25]) by …}). Also read: Exim's
 * {@code ([192.0.2.25] helo=name)} and Exchange's bare {@code (192.0.2.25)}. Addresses are parsed
 * as literals only: reading a header never asks DNS.
 *
 * @param helo     the name the client gave in EHLO/HELO, or null when the header shows none
 * @param clientIp the client's IP address, or null when the header shows none
 */
public record ReceivedFrom(String helo, String clientIp) {

    private static final Pattern FROM = Pattern.compile("(?is)^\\s*from\\s+(.*?)(?:\\s+by\\s|;|$)");
    private static final Pattern LITERAL = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE = Pattern.compile("\\(([0-9A-Fa-f:.]+)\\)");
    private static final Pattern EXIM_HELO = Pattern.compile("helo=([^\\s()\\[\\]]+)", Pattern.CASE_INSENSITIVE);

    /** What the header's {@code from} clause says, or empty when it has none. */
    public static Optional<ReceivedFrom> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher from = FROM.matcher(header.replaceAll("\\r?\\n[ \\t]*", " "));
        if (!from.find()) {
            return Optional.empty();
        }
        String clause = from.group(1).strip();
        String ip = firstAddress(LITERAL.matcher(clause));
        if (ip == null) {
            ip = firstAddress(BARE.matcher(clause));
        }
        String helo = null;
        Matcher exim = EXIM_HELO.matcher(clause);
        if (exim.find()) {
            helo = exim.group(1);
        } else {
            String first = clause.split("[\\s(]", 2)[0];
            if (!first.isEmpty() && !first.startsWith("[")) {
                helo = first;
            }
        }
        if (helo == null && ip == null) {
            return Optional.empty();
        }
        return Optional.of(new ReceivedFrom(helo == null ? null : helo.toLowerCase(Locale.ROOT), ip));
    }

    private static String firstAddress(Matcher candidates) {
        while (candidates.find()) {
            String text = candidates.group(1);
            int family = text.indexOf(':') >= 0 ? Address.IPv6 : Address.IPv4;
            if (Address.toByteArray(text, family) != null) {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
