package org.guichet.gateway.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.ServiceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Services' answering settings: written at start from {@code guichet.administration.services.<code>.mailbox},
 * {@code .agent-addresses} and {@code .mailbox-mode} (the configuration is authoritative, as it
 * is for the rest of a service: a service no longer configured for mailbox mode leaves it),
 * and read from the database for every answer and every forwarded message.
 */
public class ServiceMailboxes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceMailboxes.class);

    private final AdministrationProperties properties;
    private final JdbcClient jdbc;

    /**
     * @param directory written first: the service rows these settings go to must exist
     */
    public ServiceMailboxes(AdministrationProperties properties, ServiceDirectory directory, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> configured = new ArrayList<>();
        properties.services().forEach((code, settings) -> {
            String mailbox = settings.mailbox() == null || settings.mailbox().isBlank() ? null
                    : address(code, "mailbox", settings.mailbox());
            if (settings.mailboxMode() && mailbox == null) {
                throw new IllegalStateException("guichet.administration.services." + code + ".mailbox-mode=true needs"
                        + " guichet.administration.services." + code + ".mailbox, the service mailbox citizens' messages go to");
            }
            String[] agents = settings.agentAddresses().stream().filter(a -> !a.isBlank())
                    .map(a -> address(code, "agent-addresses", a)).toArray(String[]::new);
            int updated = jdbc.sql("""
                            update service set mailbox = :mailbox, agent_addresses = :agents, mailbox_mode = :mode
                            where code = :code""")
                    .param("mailbox", mailbox).param("agents", agents).param("mode", settings.mailboxMode())
                    .param("code", code).update();
            if (updated == 1) {
                configured.add(code);
            }
            if (settings.mailboxMode()) {
                log.info("service {}: mailbox mode on, mailbox=<{}> agent-addresses={}", code, mailbox, agents.length);
            }
        });
        jdbc.sql("""
                        update service set mailbox = null, agent_addresses = '{}', mailbox_mode = false
                        where code <> all(:codes) and (mailbox is not null or mailbox_mode)""")
                .param("codes", configured.toArray(String[]::new)).update();
    }

    private static String address(String code, String key, String value) {
        try {
            InternetAddress parsed = new InternetAddress(value.strip(), true);
            if (parsed.getPersonal() != null || !parsed.getAddress().contains("@")) {
                throw new AddressException("a bare address is expected (local@domain)");
            }
            return parsed.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new IllegalStateException("guichet.administration.services." + code + "." + key + ": '" + value
                    + "' is not an address (" + e.getMessage() + ")", e);
        }
    }

    /** The answering settings of a service. */
    public Optional<ServiceMailbox> of(long serviceId) {
        return jdbc.sql("""
                        select id, code, name, email, mailbox, agent_addresses, mailbox_mode from service
                        where id = :id""")
                .param("id", serviceId)
                .query((rs, n) -> new ServiceMailbox(rs.getLong(1), rs.getString(2), rs.getString(3),
                        blankToNull(rs.getString(4)), rs.getString(5),
                        Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getBoolean(7)))
                .optional();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
