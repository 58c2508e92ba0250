package org.guichet.gateway.spool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * Mail attributes kept in the spool ({@code spool_message.attributes}) as James's own
 * {@link AttributeValue} JSON, so that a mail sent back into the pipeline keeps what earlier
 * steps recorded. Values James cannot write as JSON stay in memory only.
 */
public final class MailAttributes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailAttributes() {
    }

    /** The mail's attributes as a JSON object, or null when there is none to keep. */
    public static String toJson(Mail mail) {
        return toJson(mail.attributes().toList());
    }

    /** The attributes as a JSON object, or null when there is none to keep. */
    public static String toJson(Collection<Attribute> attributes) {
        ObjectNode object = JSON.createObjectNode();
        attributes.forEach(attribute -> attribute.getValue().toJson()
                .ifPresent(json -> object.set(attribute.getName().asString(), json)));
        return object.isEmpty() ? null : object.toString();
    }

    public static List<Attribute> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<Attribute> attributes = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : JSON.readTree(json).properties()) {
                attributes.add(new Attribute(AttributeName.of(field.getKey()), AttributeValue.fromJson(field.getValue())));
            }
            return attributes;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("stored mail attributes cannot be read: " + e.getMessage(), e);
        }
    }
}
