package org.guichet.gateway.notice;

import java.util.List;
import java.util.Optional;

import org.guichet.gateway.language.Language;

/**
 * What notice rewriting did to one message.
 *
 * @param outcome  what happened
 * @param message  the rewritten message, when a notice was replaced
 * @param notices  the notices replaced, part by part
 * @param skipped  parts left alone that could have held a notice, with the reason
 * @param reason   for a signed, encrypted or unreadable message, why the body was left untouched
 */
record NoticeRewrite(Outcome outcome, Optional<byte[]> message, List<PartNotice> notices, List<String> skipped, String reason) {

    enum Outcome {
        /** At least one notice was replaced. */
        REPLACED,
        /** No recognisable notice: the message is left exactly as it came. */
        ABSENT,
        /** S/MIME or PGP signed: a changed body would break the signature. */
        SIGNED,
        /** S/MIME or PGP encrypted: the text cannot be read. */
        ENCRYPTED,
        /** The MIME structure could not be read: left untouched rather than damaged. */
        UNREADABLE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A notice replaced in one part.
     *
     * @param path     IMAP-style part number
     * @param type     {@code text/plain} or {@code text/html}
     * @param language language of the notice
     * @param entries  catalogue entries recognised in it
     */
    record PartNotice(String path, String type, Language language, List<String> entries) {

        String describe() {
            return path + " " + type + " " + language.code() + " " + String.join("+", entries);
        }
    }

    static NoticeRewrite untouched(Outcome outcome, List<String> skipped, String reason) {
        return new NoticeRewrite(outcome, Optional.empty(), List.of(), List.copyOf(skipped), reason);
    }

    int count() {
        return notices.size();
    }
}
