package org.guichet.gateway.dkim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.tagvalue.SignatureRecordImpl;

/**
 * Computes a message's {@code DKIM-Signature} field with jDKIM: rsa-sha256, relaxed/relaxed
 * canonicalisation (RFC 6376 §3.4.2, §3.4.4), which survives the re-folding of headers and the
 * trailing-space changes that relays commonly make.
 */
final class DkimSignature {

    /**
     * Header fields signed when present: those a reader sees or that decide how the body is
     * read. Each instance present is signed (RFC 6376 §5.4.2).
     */
    static final List<String> SIGNED = List.of("from", "reply-to", "subject", "date", "message-id", "to", "cc",
            "mime-version", "content-type", "content-transfer-encoding", "auto-submitted");
    /**
     * Signed once more than present, so that an instance added in transit breaks the signature
     * (RFC 6376 §8.15): a second From would show another sender, a Reply-To added after
     * Guichet's would divert the citizen's answer. Not Date or Message-ID, which some relays add
     * when missing.
     */
    static final List<String> OVERSIGNED = List.of("from", "reply-to");

    private static final int LINE = 78;

    private DkimSignature() {
    }

    /** The {@code h=} list for this message: present fields, then the over-signed names. */
    static List<String> signedHeaders(RawMessage message) {
        List<String> names = new ArrayList<>();
        for (String name : SIGNED) {
            int present = message.getFields(name).size();
            int times = present + (OVERSIGNED.contains(name) ? 1 : 0);
            for (int k = 0; k < times; k++) {
                names.add(name);
            }
        }
        return names;
    }

    /** The whole header field to put on top of the message, folded, ending with CRLF. */
    static String field(DkimKey key, RawMessage message) {
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; h=" + foldedNames(signedHeaders(message)) + "; bh=; b=;";
        DKIMSigner signer = new OrderedSigner(template, key.privateKey());
        try {
            BodyHasher hasher = signer.newBodyHasher(signer.newSignatureRecordTemplate(template));
            try (OutputStream out = hasher.getOutputStream()) {
                out.write(message.body());
            }
            return fold(signer.sign(message, hasher)) + "\r\n";
        } catch (PermFailException e) {
            throw new IllegalStateException("DKIM signing failed for " + key.domain() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code h=} value, folded after a colon where a line would pass 78 characters. The
     * folds are in the text that is signed, so signer and verifier hash the same thing.
     */
    private static String foldedNames(List<String> names) {
        StringBuilder out = new StringBuilder();
        int column = 1 + "h=".length();
        for (String name : names) {
            if (!out.isEmpty()) {
                out.append(':');
                column++;
                if (column + name.length() + 1 > LINE) {
                    out.append("\r\n\t");
                    column = 1;
                }
            }
            out.append(name);
            column += name.length();
        }
        return out.toString();
    }

    /** jDKIM's signer, writing tags in the template's order (v= first) rather than a hash map's. */
    private static final class OrderedSigner extends DKIMSigner {

        OrderedSigner(String template, PrivateKey key) {
            super(template, key);
        }

        @Override
        public SignatureRecord newSignatureRecordTemplate(String record) {
            return new SignatureRecordImpl(record) {
                @Override
                protected Map<String, CharSequence> newTagValue() {
                    return new LinkedHashMap<>();
                }
            };
        }
    }

    /**
     * Folds {@code DKIM-Signature: v=1; a=…; b=…;} into lines of at most 78 characters. Lines
     * are broken only where a space already separates two tags, and inside the {@code b=}
     * value: relaxed canonicalisation reads a fold as the space it replaces, and the {@code b=}
     * value is removed whole before hashing (RFC 6376 §3.5), so the signature is unchanged.
     */
    static String fold(String field) {
        int colon = field.indexOf(':');
        StringBuilder out = new StringBuilder(field.substring(0, colon + 1));
        int column = out.length();
        for (String tag : field.substring(colon + 1).strip().split(" +")) {
            if (tag.toLowerCase(Locale.ROOT).startsWith("b=")) {
                for (int from = 0; from < tag.length(); from += LINE - 1) {
                    int to = Math.min(tag.length(), from + LINE - 1);
                    out.append("\r\n\t").append(tag, from, to);
                    column = 1 + to - from;
                }
                continue;
            }
            if (tag.contains("\r\n")) {
                out.append("\r\n\t").append(tag);
                column = 1 + tag.length() - tag.lastIndexOf('\n') - 2;
                continue;
            }
            if (column + 1 + tag.length() > LINE) {
                out.append("\r\n\t");
                column = 1;
            } else {
                out.append(' ');
                column++;
            }
            out.append(tag);
            column += tag.length();
        }
        return out.toString();
    }
}
