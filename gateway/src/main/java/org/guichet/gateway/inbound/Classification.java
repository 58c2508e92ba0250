package org.guichet.gateway.inbound;

/**
 * Whether a message that reached the inbound listener was written by a machine rather than a
 * person. Automatic mail is recorded on its case like any other, but it never starts an SLA
 * clock and is never acknowledged (RFC 3834 §2: no automatic answer to automatic mail).
 *
 * @param automatic whether the message is automatic
 * @param reason    the first sign found, {@link Reason#NONE} when there is none
 * @param evidence  what was seen, e.g. {@code Auto-Submitted: auto-replied}, for the case history;
 *                  printable text only, at most {@value #EVIDENCE_LENGTH} characters, empty for none
 */
public record Classification(boolean automatic, Reason reason, String evidence) {

    /** Longest evidence kept: it quotes header text the sender chose. */
    public static final int EVIDENCE_LENGTH = 120;

    /** A message that shows no sign of being automatic. */
    public static final Classification NOT_AUTOMATIC = new Classification(false, Reason.NONE, "");

    /** The signs of automatic mail, in the order they are looked for. */
    public enum Reason {
        /** No sign of automatic mail. */
        NONE,
        /** Envelope sender {@code <>}: a delivery or other report (RFC 5321 §4.5.5, RFC 3464). */
        NULL_SENDER_DSN,
        /** {@code multipart/report}: a delivery status or read notification (RFC 6522, 3464, 8098). */
        DSN_REPORT,
        /** {@code Auto-Submitted} other than {@code no} (RFC 3834 §5). */
        AUTO_SUBMITTED,
        /** {@code X-Autoreply}, set by some autoresponders. */
        X_AUTOREPLY,
        /** {@code X-Autorespond}, set by some autoresponders. */
        X_AUTORESPOND,
        /** {@code X-Auto-Response-Suppress} naming a kind of automatic mail, as Exchange sets it. */
        X_AUTO_RESPONSE_SUPPRESS,
        /** {@code Precedence: bulk}, {@code junk} or {@code list} (RFC 3834 §3.1.8 recommends no reply). */
        PRECEDENCE,
        /** A subject that autoresponders write: « Réponse automatique : », "Out of Office:", … */
        OUT_OF_OFFICE_SUBJECT
    }

    public Classification {
        if (reason == null || automatic == (reason == Reason.NONE)) {
            throw new IllegalArgumentException("an automatic message needs a reason, and only it: " + reason);
        }
        evidence = printable(evidence);
    }

    static Classification automatic(Reason reason, String evidence) {
        return new Classification(true, reason, evidence);
    }

    // Evidence quotes the sender's header text: keep it short and on one line (CVE-2024-21742).
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), EVIDENCE_LENGTH));
        text.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? ' ' : c)
                .forEachOrdered(c -> {
                    if (out.length() < EVIDENCE_LENGTH) {
                        out.appendCodePoint(c);
                    }
                });
        return out.toString().strip();
    }
}
