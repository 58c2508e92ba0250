package org.guichet.gateway.mailet;

import java.util.Set;

import jakarta.mail.MessagingException;

import org.apache.mailet.base.GenericMailet;

/**
 * One of Guichet's own mailets: it takes only the init parameters it names, says what it does in
 * {@link #getMailetInfo()}, and reads the services it needs from the {@link GuichetServices}
 * registry its mailet context publishes, failing {@code init()} with the missing type's name.
 */
public abstract class GuichetMailet extends GenericMailet {

    private final String info;
    private final Set<String> parameters;

    /**
     * @param info       what the mailet does, for {@link #getMailetInfo()}
     * @param parameters the init parameters it takes; any other one fails {@code init()}
     */
    protected GuichetMailet(String info, String... parameters) {
        this.info = info;
        this.parameters = Set.of(parameters);
    }

    @Override
    public final void init() throws MessagingException {
        checkInitParameters(parameters);
        configure();
    }

    /** Reads the services ({@link #require}) and init parameters this mailet works with; none by default. */
    protected void configure() throws MessagingException {
    }

    /** The service of {@code type} on the mailet context; fails {@code init()} naming the type when it is missing. */
    protected final <T> T require(Class<T> type) throws MessagingException {
        return GuichetServices.of(getMailetContext()).require(type, getMailetName());
    }

    @Override
    public final String getMailetInfo() {
        return info;
    }
}
