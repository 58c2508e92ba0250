package org.guichet.gateway.conversation;

import org.apache.mailet.AttributeName;

/** Mail attributes through which the conversation steps hand over what they found. */
public final class ConversationAttributes {

    /** Code of the service the message belongs to, a String. */
    public static final AttributeName SERVICE_CODE = AttributeName.of("org.guichet.service.code");

    private ConversationAttributes() {
    }
}
