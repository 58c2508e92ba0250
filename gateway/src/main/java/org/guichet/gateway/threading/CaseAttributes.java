package org.guichet.gateway.threading;

import java.util.Map;
import java.util.Optional;

import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * Mail attributes through which threading hands its result to later steps (acknowledgement,
 * {@link Archive}). All are Strings or Booleans, so they are kept in the spool with the mail.
 */
public final class CaseAttributes {

    /** Reference of the case the mail is now part of, e.g. {@code GCH-2026-000123}. */
    public static final AttributeName REFERENCE = AttributeName.of("org.guichet.case.reference");

    /** How it found its case: TOKEN, HEADER, SUBJECT_REFERENCE or UNTHREADED. */
    public static final AttributeName THREADING = AttributeName.of("org.guichet.case.threading");

    /** Boolean: written from another address than the citizen's (mandataire, social worker). */
    public static final AttributeName THIRD_PARTY = AttributeName.of("org.guichet.case.third-party");

    /** What it did to the case: OPENED, JOINED, REOPENED or LINKED. */
    public static final AttributeName CHANGE = AttributeName.of("org.guichet.case.change");

    /** Who wrote it: citizen, third_party or automatic. */
    public static final AttributeName AUTHOR = AttributeName.of("org.guichet.case.author");

    /**
     * Set by the automatic-mail classifier before threading; absent when a person wrote the
     * mail. Read as a String reason code, or as a map {@code {automatic: Boolean, reason: String}}.
     */
    public static final AttributeName AUTOMATIC = AttributeName.of("org.guichet.inbound.automatic");

    private CaseAttributes() {
    }

    /** The reason code when the classifier found the mail automatic, else empty. */
    static Optional<String> automaticReason(Mail mail) {
        return mail.getAttribute(AUTOMATIC).map(attribute -> attribute.getValue().value()).flatMap(value -> {
            if (value instanceof String reason) {
                return reason.isBlank() ? Optional.empty() : Optional.of(reason.strip());
            }
            if (value instanceof Map<?, ?> map && unwrap(map.get("automatic")) instanceof Boolean automatic) {
                Object reason = unwrap(map.get("reason"));
                return automatic ? Optional.of(reason instanceof String text ? text : "AUTOMATIC") : Optional.empty();
            }
            return Optional.empty();
        });
    }

    private static Object unwrap(Object value) {
        return value instanceof AttributeValue<?> attribute ? attribute.value() : value;
    }
}
