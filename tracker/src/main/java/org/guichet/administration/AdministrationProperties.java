package org.guichet.administration;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administration Guichet serves and its services. With nothing configured, one
 * administration and one service named {@code default} exist, so the first run already
 * gives every noreply message a reply address.
 *
 * @param administration who operates this Guichet
 * @param services       its services by code; a message goes to the first whose submitters
 *                       or senders match it, else to {@code default}
 */
@ConfigurationProperties("guichet")
public record AdministrationProperties(
        @DefaultValue Administration administration,
        Map<String, ServiceDefinition> services) {

    public AdministrationProperties {
        // insertion order is the routing order: keep it
        services = services == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    /**
     * @param code short stable identifier
     * @param name name shown to citizens and auditors
     */
    public record Administration(@DefaultValue("default") String code, @DefaultValue("Administration") String name) {
    }

    /**
     * One service of the administration.
     *
     * @param name          name shown to citizens (Reply-To display name, acknowledgements)
     * @param submitters    submitting application accounts whose mail belongs to this service
     * @param senders       sender addresses ({@code noreply@caf.fr}) or domains ({@code @caf.fr})
     *                      whose mail belongs to this service
     * @param commitment    the answer-time commitment shown to citizens, e.g. « sous 5 jours ouvrés »
     * @param email         contact address given in acknowledgements (CRPA R112-11-1)
     * @param phone         contact phone given in acknowledgements
     * @param postalAddress postal address given in acknowledgements
     * @param calendar      business calendar name ({@code guichet.calendars.<name>})
     */
    public record ServiceDefinition(String name, @DefaultValue List<String> submitters,
            @DefaultValue List<String> senders, String commitment, String email, String phone,
            String postalAddress, @DefaultValue("default") String calendar) {
    }
}
