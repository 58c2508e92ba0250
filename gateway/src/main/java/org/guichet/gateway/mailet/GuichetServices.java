package org.guichet.gateway.mailet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.MailetContext;

/**
 * The services Guichet's own mailets need (casework, token verifier, clock…), one per type,
 * published on the mailet context under the one attribute {@value #CONTEXT_ATTRIBUTE}. A mailet
 * reads it in {@code init()} through the public mailet API, so it still runs in any container
 * that publishes the same registry, and fails there, naming the type, when a service is missing.
 *
 * <p>Immutable: {@link #with} gives a new registry, so a dry run can swap one service without
 * touching the node's.
 */
public final class GuichetServices {

    /** The mailet context attribute holding the registry. */
    public static final String CONTEXT_ATTRIBUTE = "org.guichet.gateway.mailet.GuichetServices";

    private static final GuichetServices NONE = new GuichetServices(Map.of());

    private final Map<Class<?>, Object> byType;

    private GuichetServices(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** A registry without any service. */
    public static GuichetServices none() {
        return NONE;
    }

    /** The registry the context publishes; {@link #none()} when it publishes none. */
    public static GuichetServices of(MailetContext context) {
        Object published = context.getAttribute(CONTEXT_ATTRIBUTE);
        // James's test context hands back the whole Attribute where a server hands back its value.
        if (published instanceof Attribute attribute) {
            published = attribute.getValue().value();
        }
        return published instanceof GuichetServices services ? services : NONE;
    }

    /** This registry with {@code service} under {@code type}; unchanged when {@code service} is null (not configured). */
    public <T> GuichetServices with(Class<T> type, T service) {
        if (service == null) {
            return this;
        }
        Map<Class<?>, Object> more = new LinkedHashMap<>(byType);
        more.put(type, type.cast(service));
        return new GuichetServices(more);
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    /**
     * For a mailet's {@code init()}.
     *
     * @param mailet the mailet's name, for the message
     * @throws MessagingException naming the missing type, so the container does not start
     */
    public <T> T require(Class<T> type, String mailet) throws MessagingException {
        Optional<T> found = find(type);
        if (found.isEmpty()) {
            throw new MessagingException(mailet + " needs the service " + type.getName() + " on its mailet context"
                    + " (attribute " + CONTEXT_ATTRIBUTE + "), which Guichet's pipeline publishes");
        }
        return found.get();
    }
}
