package org.guichet.gateway.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The mailboxes of an address field (From, To, Cc, Reply-To, Return-Path…), read leniently, as
 * people's mail clients write them: a group gives its members, a bare name or an address
 * without domain gives none, and an unreadable field gives none, since no reply could reach it.
 */
public final class Mailboxes {

    private Mailboxes() {
    }

    /** The mailboxes, in order; empty for a null or unreadable field. */
    public static List<InternetAddress> in(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        try {
            List<InternetAddress> found = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(utf8(field), false)) {
                if (address.isGroup()) {
                    for (InternetAddress member : address.getGroup(false)) {
                        add(found, member);
                    }
                } else {
                    add(found, address);
                }
            }
            return found;
        } catch (AddressException unreadable) {
            return List.of();
        }
    }

    /** Whether an address has a local part and a domain. */
    static boolean routable(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1;
    }

    private static void add(List<InternetAddress> found, InternetAddress address) {
        if (routable(address.getAddress())) {
            address.setAddress(address.getAddress().strip());
            found.add(address);
        }
    }

    /**
     * An accented local part can only arrive as raw UTF-8 (RFC 6532, SMTPUTF8); a parser that
     * reads header bytes as Latin-1 leaves it as mojibake, which is decoded again here.
     */
    private static String utf8(String value) {
        if (value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xff)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }
}
