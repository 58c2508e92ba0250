package org.guichet.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A signed statement that the event log held {@code size} events and that its hash chain ended
 * on {@code head} after them. Written in the layout of the C2SP {@code tlog-checkpoint} and
 * {@code signed-note} specifications, which transparency logs use, so that it reads as text,
 * survives mail and can be checked with a few lines of code:
 * <pre>
 * guichet/caf-34/event-log
 * 1234
 * 3q2+7w…=
 * signed-at 2026-12-03T02:00:00Z
 *
 * — guichet/caf-34 AbCd…=
 * </pre>
 * The body (the first four lines, each ended by a newline) is what is signed; each signature
 * line carries the 4-byte id of the key and the Ed25519 signature, in base64.
 *
 * @param origin     which log: {@code guichet/<administration code>/event-log}
 * @param size       events in the log when it was signed
 * @param head       SHA-256 of the chain after those events
 * @param signedAt   the gateway's clock when it was signed
 * @param signatures who signed it
 */
public record Checkpoint(String origin, long size, byte[] head, Instant signedAt, List<Signature> signatures) {

    /** The em dash and space that open a signature line (signed-note). */
    static final String SIGNATURE_START = "\u2014 ";

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signedAt, "signedAt");
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one line of text");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint counts 0 events or more, not " + size);
        }
        if (head == null || head.length != 32) {
            throw new IllegalArgumentException("a checkpoint's head is a SHA-256 hash (32 bytes)");
        }
        head = head.clone();
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** The signed part: origin, size, head and time, each on its own line. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(head) + "\nsigned-at " + signedAt
                + "\n";
    }

    /** The body followed by a blank line and the signature lines: what is mailed and published. */
    public String text() {
        StringBuilder text = new StringBuilder(body()).append('\n');
        for (Signature signature : signatures) {
            text.append(SIGNATURE_START).append(signature.name()).append(' ')
                    .append(Base64.getEncoder().encodeToString(signature.keyIdAndSignature())).append('\n');
        }
        return text.toString();
    }

    Checkpoint signedBy(Signature signature) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new Checkpoint(origin, size, head, signedAt, all);
    }

    /**
     * Reads a checkpoint as {@link #text()} writes it.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Checkpoint parse(String text) {
        String normalised = text.replace("\r\n", "\n");
        int blank = normalised.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("no blank line between the checkpoint and its signatures");
        }
        String[] body = normalised.substring(0, blank).split("\n", -1);
        if (body.length != 4 || !body[3].startsWith("signed-at ")) {
            throw new IllegalArgumentException("a checkpoint has four lines: origin, size, head hash, signed-at");
        }
        long size;
        byte[] head;
        Instant signedAt;
        try {
            size = Long.parseLong(body[1]);
            head = Base64.getDecoder().decode(body[2]);
            signedAt = Instant.parse(body[3].substring("signed-at ".length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the second line is not a number of events: '" + body[1] + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the third line is not a base64 hash: '" + body[2] + "'");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the fourth line is not 'signed-at' and an ISO instant");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : normalised.substring(blank + 2).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            signatures.add(Signature.parse(line));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint is not signed");
        }
        return new Checkpoint(body[0], size, head, signedAt, signatures);
    }

    /**
     * One signature line.
     *
     * @param name      the signer's key name
     * @param keyId     first 4 bytes of SHA-256(name, newline, 0x01, public key), as signed-note derives it
     * @param signature the Ed25519 signature of the body
     */
    public record Signature(String name, byte[] keyId, byte[] signature) {

        public Signature {
            if (name == null || name.isBlank() || name.contains(" ") || name.contains("+")) {
                throw new IllegalArgumentException("a key name is one word without '+'");
            }
            if (keyId == null || keyId.length != 4) {
                throw new IllegalArgumentException("a key id is 4 bytes");
            }
            keyId = keyId.clone();
            signature = signature.clone();
        }

        byte[] keyIdAndSignature() {
            byte[] both = Arrays.copyOf(keyId, 4 + signature.length);
            System.arraycopy(signature, 0, both, 4, signature.length);
            return both;
        }

        static Signature parse(String line) {
            if (!line.startsWith(SIGNATURE_START)) {
                throw new IllegalArgumentException("a signature line starts with '\u2014 ': '" + line + "'");
            }
            String[] parts = line.substring(SIGNATURE_START.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a signature line is '\u2014 NAME BASE64': '" + line + "'");
            }
            byte[] both;
            try {
                both = Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the signature of " + parts[0] + " is not base64");
            }
            if (both.length < 5) {
                throw new IllegalArgumentException("the signature of " + parts[0] + " is too short");
            }
            return new Signature(parts[0], Arrays.copyOf(both, 4), Arrays.copyOfRange(both, 4, both.length));
        }
    }
}
