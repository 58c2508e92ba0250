package org.guichet.administration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private final Map<String, ServiceIdentity> byCode = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();

    public ServiceDirectory(AdministrationProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * The same routing from the configuration alone, for a dry run that must not touch a
     * database ({@code guichet inspect}); services then have no database id (0).
     */
    public static ServiceDirectory withoutDatabase(AdministrationProperties properties) {
        ServiceDirectory directory = new ServiceDirectory(properties, null);
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
            long id = jdbc == null ? 0 : jdbc.sql("""
                            insert into service (administration_id, code, name, commitment, email, phone,
                                                 postal_address, calendar)
                            values (:administration, :code, :name, :commitment, :email, :phone, :postal, :calendar)
                            on conflict (code) do update set administration_id = excluded.administration_id,
                                name = excluded.name, commitment = excluded.commitment, email = excluded.email,
                                phone = excluded.phone, postal_address = excluded.postal_address,
                                calendar = excluded.calendar
                            returning id""")
                    .param("administration", administrationId).param("code", code).param("name", name)
                    .param("commitment", definition.commitment()).param("email", definition.email())
                    .param("phone", definition.phone()).param("postal", definition.postalAddress())
                    .param("calendar", definition.calendar() == null ? "default" : definition.calendar())
                    .query(Long.class).single();
            ServiceIdentity identity = new ServiceIdentity(id, code, name, definition.commitment());
            byCode.put(code, identity);
            routes.add(new Route(identity, lower(definition.submitters()), lower(definition.senders())));
        });
        log.info("administration '{}' with service(s) {}", administration.code(), byCode.keySet());
    }

    /**
     * The service a message belongs to: the first service listing its submitting application,
     * else the first listing its exact sender address, else the first listing its domain.
     */
    public ServiceIdentity resolve(String submitter, String sender) {
        String application = submitter == null ? null : submitter.toLowerCase(Locale.ROOT);
        String address = sender == null ? "" : sender.toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? null : address.substring(at);
        for (Route route : routes) {
            if (application != null && route.submitters().contains(application)) {
                return route.service();
            }
        }
        for (Route route : routes) {
            if (route.senders().contains(address)) {
                return route.service();
            }
        }
        for (Route route : routes) {
            if (domain != null && route.senders().contains(domain)) {
                return route.service();
            }
        }
        return byCode.get(DEFAULT);
    }

    public ServiceIdentity byCode(String code) {
        ServiceIdentity service = byCode.get(code);
        if (service == null) {
            throw new IllegalArgumentException("no service '" + code + "'");
        }
        return service;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
    }

    private record Route(ServiceIdentity service, List<String> submitters, List<String> senders) {
    }
}
