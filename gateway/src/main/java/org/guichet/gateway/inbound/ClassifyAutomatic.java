package org.guichet.gateway.inbound;

import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.guichet.gateway.mailet.GuichetMailet;
import org.guichet.gateway.message.InboundMessage;

/**
 * Records on an inbound mail whether it is automatic ({@link AutomaticMail}): the attribute
 * {@value #ATTRIBUTE_NAME} holds a map {@code automatic} (Boolean), {@code reason} (a
 * {@link Classification.Reason} name) and {@code evidence} (String), which is kept in the
 * spool with the mail. Later steps read it with {@link #classificationOf(Mail)} so that
 * automatic mail never starts an SLA clock and is never acknowledged (RFC 3834 §2).
 * Nothing else changes: the mail goes on to the next mailet.
 *
 * <pre>{@code
 * <processor state="inbound">
 *   <mailet match="All" class="ClassifyAutomatic"/>
 *   ...
 * </processor>
 * }</pre>
 */
public class ClassifyAutomatic extends GuichetMailet {

    /** Name of the mail attribute holding the classification. */
    public static final String ATTRIBUTE_NAME = "org.guichet.inbound.automatic";

    /** The mail attribute holding the classification. */
    public static final AttributeName ATTRIBUTE = AttributeName.of(ATTRIBUTE_NAME);

    private static final String AUTOMATIC = "automatic";
    private static final String REASON = "reason";
    private static final String EVIDENCE = "evidence";

    public ClassifyAutomatic() {
        super("Records whether an inbound mail is automatic (RFC 3834, DSN, out-of-office)");
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        InboundMessage message = InboundMessage.of(mail);
        Classification classification = AutomaticMail.classify(message.message(), message.sender());
        mail.setAttribute(new Attribute(ATTRIBUTE, AttributeValue.of(Map.of(
                AUTOMATIC, AttributeValue.of(classification.automatic()),
                REASON, AttributeValue.of(classification.reason().name()),
                EVIDENCE, AttributeValue.of(classification.evidence())))));
        log("queue " + mail.getName() + ": automatic=" + classification.automatic()
                + (classification.automatic() ? " reason=" + classification.reason() : ""));
    }

    /** The classification this mailet recorded on a mail, if it ran. */
    public static Optional<Classification> classificationOf(Mail mail) {
        return mail.getAttribute(ATTRIBUTE)
                .flatMap(attribute -> attribute.getValue().asMapAttributeValueOf(Object.class))
                .map(AttributeValue::value)
                .flatMap(ClassifyAutomatic::fromMap);
    }

    private static Optional<Classification> fromMap(Map<String, AttributeValue<Object>> map) {
        Object automatic = value(map, AUTOMATIC);
        Object reason = value(map, REASON);
        Object evidence = value(map, EVIDENCE);
        if (!(automatic instanceof Boolean flag) || !(reason instanceof String name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Classification(flag, Classification.Reason.valueOf(name),
                    evidence instanceof String text ? text : ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Object value(Map<String, AttributeValue<Object>> map, String key) {
        AttributeValue<Object> value = map.get(key);
        return value == null ? null : value.value();
    }
}
