package org.guichet.administration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guichet.administration.AdministrationProperties.ServiceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The administration's services as configured, written to the database at start (so cases
 * and reports can refer to them) and resolved in memory for every message: by submitting
 * application first, then by sender address or domain, else the {@code default} service.
 */
@Component
@EnableConfigurationProperties(AdministrationProperties.class)
public class ServiceDirectory implements InitializingBean {

    public static final String DEFAULT = "default";

    private static final Logger log = LoggerFactory.getLogger(ServiceDirectory.class);

    private final AdministrationProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, ServiceIdentity> byCode = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private volatile Snapshot stored = new Snapshot(Map.of(), Set.of(), Instant.MIN);

    public ServiceDirectory(AdministrationProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The same routing from the configuration alone, for a dry run that must not touch a
     * database ({@code guichet inspect}); services then have no database id (0).
     */
    public static ServiceDirectory withoutDatabase(AdministrationProperties properties) {
        ServiceDirectory directory = new ServiceDirectory(properties, null, Clock.systemUTC());
        directory.afterPropertiesSet();
        return directory;
    }

    @Override
    public void afterPropertiesSet() {
        AdministrationProperties.Administration administration = properties.administration();
        // Upserts: several nodes may start at once on one database.
        long administrationId = jdbc == null ? 0 : jdbc.sql("""
                        insert into administration (code, name) values (:code, :name)
                        on conflict (code) do update set name = excluded.name returning id""")
                .param("code", administration.code()).param("name", administration.name())
                .query(Long.class).single();
        Map<String, ServiceDefinition> services = new LinkedHashMap<>(properties.services());
        services.putIfAbsent(DEFAULT, ServiceDefinition.named(administration.name()));
        services.forEach((code, definition) -> {
            String name = definition.name() == null || definition.name().isBlank() ? code : definition.name().strip();
            ServiceIdentity configured = new ServiceIdentity(0, code, name, definition.commitment());
            // The stored name and commitment win once an administrator edited them on the page.
            ServiceIdentity identity = jdbc == null ? configured : jdbc.sql("""
                            insert into service (administration_id, code, name, commitment, email, phone,
                                                 postal_address, calendar)
                            values (:administration, :code, :name, :commitment, :email, :phone, :postal, :calendar)
                            on conflict (code) do update set administration_id = excluded.administration_id,
                                name = case when service.edited_at is null then excluded.name else service.name end,
                                commitment = case when service.edited_at is null then excluded.commitment
                                                  else service.commitment end,
                                email = case when service.edited_at is null then excluded.email else service.email end,
                                phone = case when service.edited_at is null then excluded.phone else service.phone end,
                                postal_address = case when service.edited_at is null then excluded.postal_address
                                                      else service.postal_address end,
                                calendar = excluded.calendar
                            returning id, name, commitment""")
                    .param("administration", administrationId).param("code", code).param("name", name)
                    .param("commitment", definition.commitment()).param("email", definition.email())
                    .param("phone", definition.phone()).param("postal", definition.postalAddress())
                    .param("calendar", definition.calendar() == null ? "default" : definition.calendar())
                    .query((rs, row) -> new ServiceIdentity(rs.getLong(1), code, rs.getString(2), rs.getString(3)))
                    .single();
            byCode.put(code, identity);
            routes.add(new Route(identity, lower(definition.submitters()), lower(definition.senders())));
        });
        log.info("administration '{}' with service(s) {}", administration.code(), byCode.keySet());
        if (jdbc != null) {
            // CRPA R112-11-1: said once at start, and on the administration page.
            jdbc.sql("""
                            select code from service
                            where enabled and (coalesce(trim(phone), '') = '' or coalesce(trim(postal_address), '') = '')
                            order by code""")
                    .query(String.class).list()
                    .forEach(code -> log.warn("service {}: its acknowledgements lack the phone or postal address that"
                            + " CRPA R112-11-1 requires; set guichet.administration.services.{}.phone and"
                            + " .postal-address, or edit it on /admin/services", code, code));
        }
    }

    /**
     * The service a message belongs to: the first service listing its submitting application,
     * else the first listing its exact sender address, else the first listing its domain.
     */
    public ServiceIdentity resolve(String submitter, String sender) {
        Snapshot now = snapshot();
        Set<String> off = now.disabled();
        String application = submitter == null ? null : submitter.toLowerCase(Locale.ROOT);
        String address = sender == null ? "" : sender.toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? null : address.substring(at);
        for (Route route : routes) {
            if (application != null && route.submitters().contains(application) && !off.contains(route.code())) {
                return now.current(route.service());
            }
        }
        for (Route route : routes) {
            if (route.senders().contains(address) && !off.contains(route.code())) {
                return now.current(route.service());
            }
        }
        for (Route route : routes) {
            if (domain != null && route.senders().contains(domain) && !off.contains(route.code())) {
                return now.current(route.service());
            }
        }
        return now.current(byCode.get(DEFAULT));
    }

    /**
     * Names, commitments and enabled flags as the administration page left them, read again at
     * most every {@value #REFRESH_SECONDS} seconds: an edit there reaches every node within that time.
     */
    private Snapshot snapshot() {
        Snapshot known = stored;
        Instant now = clock.instant();
        if (jdbc == null || now.isBefore(known.readAt().plusSeconds(REFRESH_SECONDS))) {
            return known;
        }
        Map<String, ServiceIdentity> identities = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        jdbc.sql("select id, code, name, commitment, enabled from service").query(rs -> {
            identities.put(rs.getString(2), new ServiceIdentity(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4)));
            if (!rs.getBoolean(5)) {
                disabled.add(rs.getString(2));
            }
        });
        Snapshot fresh = new Snapshot(Map.copyOf(identities), Set.copyOf(disabled), now);
        stored = fresh;
        return fresh;
    }

    private static final long REFRESH_SECONDS = 10;

    private record Snapshot(Map<String, ServiceIdentity> identities, Set<String> disabled, Instant readAt) {

        ServiceIdentity current(ServiceIdentity configured) {
            return identities.getOrDefault(configured.code(), configured);
        }
    }

    public ServiceIdentity byCode(String code) {
        ServiceIdentity service = byCode.get(code);
        if (service == null) {
            throw new IllegalArgumentException("no service '" + code + "'");
        }
        return snapshot().current(service);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
    }

    private record Route(ServiceIdentity service, List<String> submitters, List<String> senders) {

        String code() {
            return service.code();
        }
    }
}
