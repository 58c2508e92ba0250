package org.guichet.gateway.attachment;

/** Why a file was not stored; the code is what {@code case_attachment.refused_reason} holds. */
enum Refusal {
    /** Larger than {@code guichet.attachments.max-size}. */
    TOO_LARGE("too-large"),
    /** Would take the message past {@code guichet.attachments.max-total}. */
    MESSAGE_TOO_LARGE("message-too-large"),
    /** Its detected type is not in {@code guichet.attachments.allowed-types}. */
    TYPE_NOT_ALLOWED("type-not-allowed"),
    /** It runs code: by its bytes, its declared type or its extension. */
    EXECUTABLE("executable"),
    /** Its transfer encoding could not be undone. */
    UNREADABLE("unreadable");

    private final String code;

    Refusal(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
