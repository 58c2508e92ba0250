package org.guichet.administration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.guichet.administration.ServiceChangeRefused.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the administration page changes in a service: its contact details (which acknowledgements
 * read at each sending, so a change applies at once on every node) and whether it takes new
 * official messages. A service cannot be enabled, nor keep being enabled, while its
 * acknowledgement lacks a mention CRPA R112-11-1 requires. Once edited here, a service keeps
 * these details at the next start instead of the configuration's (see {@link ServiceDirectory}).
 */
@Component
public class ServiceSettings {

    private static final Logger log = LoggerFactory.getLogger(ServiceSettings.class);

    // An address as RFC 5321 allows it in practice; the acknowledgement only shows it.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]{1,64}@[^@\\s<>]{1,255}");

    private final JdbcClient jdbc;
    private final Clock clock;

    public ServiceSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every service, by code. */
    public List<ServiceSheet> list() {
        return jdbc.sql(SELECT + " order by code").query(ServiceSettings::sheet).list();
    }

    public Optional<ServiceSheet> find(String code) {
        return jdbc.sql(SELECT + " where code = :code").param("code", code).query(ServiceSettings::sheet).optional();
    }

    /**
     * Replaces the contact details of {@code code}.
     *
     * @throws ServiceChangeRefused if the service is unknown, the name missing, the email not an
     *                              address, or an enabled service would lose a mention
     */
    @Transactional
    public ServiceSheet edit(String code, ContactDetails details, String by) {
        ServiceSheet current = locked(code);
        if (details.name() == null) {
            throw new ServiceChangeRefused(Reason.INVALID, "a service needs a name", Set.of());
        }
        if (details.email() != null && !EMAIL.matcher(details.email()).matches()) {
            throw new ServiceChangeRefused(Reason.INVALID, "'" + details.email() + "' is not an email address", Set.of());
        }
        if (tooLong(details.name(), 255) || tooLong(details.commitment(), 255) || tooLong(details.email(), 320)
                || tooLong(details.phone(), 64) || tooLong(details.postalAddress(), 512)) {
            throw new ServiceChangeRefused(Reason.INVALID, "a value is longer than the field allows", Set.of());
        }
        Set<Mention> missing = ServiceSheet.missing(details.phone(), details.postalAddress());
        if (current.enabled() && !missing.isEmpty() && !current.missing().containsAll(missing)) {
            throw new ServiceChangeRefused(Reason.MENTION_MISSING, "service '" + code
                    + "' is enabled: its acknowledgement cannot lose " + missing, missing);
        }
        jdbc.sql("""
                        update service set name = :name, commitment = :commitment, email = :email, phone = :phone,
                               postal_address = :postal, edited_at = :now, edited_by = :by
                        where code = :code""")
                .param("name", details.name()).param("commitment", details.commitment())
                .param("email", details.email()).param("phone", details.phone())
                .param("postal", details.postalAddress()).param("now", Timestamp.from(clock.instant()))
                .param("by", by).param("code", code).update();
        log.info("service {}: contact details edited by {}", code, by);
        return locked(code);
    }

    /**
     * Enables or disables {@code code}. A disabled service's senders go to the default service
     * within seconds on every node; its cases stay where they are.
     *
     * @throws ServiceChangeRefused if enabling while a mention is missing, or disabling the default service
     */
    @Transactional
    public ServiceSheet enable(String code, boolean enabled, String by) {
        ServiceSheet current = locked(code);
        if (enabled && !current.complete()) {
            throw new ServiceChangeRefused(Reason.MENTION_MISSING, "service '" + code
                    + "' cannot be enabled: its acknowledgement lacks " + current.missing(), current.missing());
        }
        if (!enabled && current.isDefault()) {
            throw new ServiceChangeRefused(Reason.DEFAULT_SERVICE,
                    "the default service takes the mail no other service takes: it cannot be disabled", Set.of());
        }
        jdbc.sql("update service set enabled = :enabled, edited_at = :now, edited_by = :by where code = :code")
                .param("enabled", enabled).param("now", Timestamp.from(clock.instant())).param("by", by)
                .param("code", code).update();
        log.info("service {}: {} by {}", code, enabled ? "enabled" : "disabled", by);
        return locked(code);
    }

    private ServiceSheet locked(String code) {
        return jdbc.sql(SELECT + " where code = :code for update").param("code", code)
                .query(ServiceSettings::sheet).optional()
                .orElseThrow(() -> new ServiceChangeRefused(Reason.NOT_FOUND, "no service '" + code + "'", Set.of()));
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static final String SELECT = """
            select code, name, commitment, email, phone, postal_address, calendar, enabled, edited_at, edited_by
            from service""";

    private static ServiceSheet sheet(ResultSet rs, int row) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        return new ServiceSheet(rs.getString("code"), rs.getString("name"), rs.getString("commitment"),
                rs.getString("email"), rs.getString("phone"), rs.getString("postal_address"), rs.getString("calendar"),
                rs.getBoolean("enabled"), edited == null ? null : edited.toInstant(), rs.getString("edited_by"));
    }
}
