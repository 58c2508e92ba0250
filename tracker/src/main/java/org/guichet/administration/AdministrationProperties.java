package org.guichet.administration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administration Guichet serves and its services, each with all its settings: routing,
 * what citizens are told, its calendar, who hears of its escalations, and mailbox mode. With
 * nothing configured, one administration and one service named {@code default} exist, so the
 * first run already gives every noreply message a reply address.
 *
 * @param code     short stable identifier of the administration that operates this Guichet
 * @param name     its name, shown to citizens and auditors
 * @param services its services by code; a message goes to the first whose submitters
 *                 or senders match it, else to {@code default}
 */
@ConfigurationProperties("guichet.administration")
public record AdministrationProperties(
        @DefaultValue("default") String code,
        @DefaultValue("Administration") String name,
        Map<String, ServiceDefinition> services) {

    /** A bare address: no display name, no spaces or line breaks that could reach a header (CVE-2024-21742). */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"()]+@[^\\s@<>,;\"()]+\\.[^\\s@<>,;\"()]+");

    public AdministrationProperties {
        code = code == null || code.isBlank() ? "default" : code.strip();
        name = name == null || name.isBlank() ? "Administration" : name.strip();
        // insertion order is the routing order: keep it
        Map<String, ServiceDefinition> copy = new LinkedHashMap<>();
        if (services != null) {
            services.forEach((serviceCode, service) -> {
                ServiceDefinition checked = service == null ? ServiceDefinition.named(null) : service;
                for (String address : checked.supervisors()) {
                    if (!ADDRESS.matcher(address).matches()) {
                        throw new IllegalArgumentException("guichet.administration.services." + serviceCode + ".supervisors: '" + address
                                + "' is not a bare email address like chef.service@administration.fr");
                    }
                }
                copy.put(serviceCode, checked);
            });
        }
        services = Collections.unmodifiableMap(copy);
    }

    /** The supervisors of {@code serviceCode}, empty when none are configured. */
    public List<String> supervisors(String serviceCode) {
        ServiceDefinition service = services.get(serviceCode);
        return service == null ? List.of() : service.supervisors();
    }

    /** Who operates this Guichet. */
    public Administration administration() {
        return new Administration(code, name);
    }

    /**
     * @param code short stable identifier
     * @param name name shown to citizens and auditors
     */
    public record Administration(String code, String name) {
    }

    /**
     * One service of the administration.
     *
     * @param name           name shown to citizens (Reply-To display name, acknowledgements)
     * @param submitters     submitting application accounts whose mail belongs to this service
     * @param senders        sender addresses ({@code noreply@caf.fr}) or domains ({@code @caf.fr})
     *                       whose mail belongs to this service
     * @param commitment     the answer-time commitment shown to citizens, e.g. « sous 5 jours ouvrés »
     * @param email          contact address given in acknowledgements (CRPA R112-11-1)
     * @param phone          contact phone given in acknowledgements
     * @param postalAddress  postal address given in acknowledgements
     * @param calendar       business calendar name ({@code guichet.sla.calendars.<name>})
     * @param supervisors    addresses notified of the service's warnings, breaches, third messages
     *                       without answer and approaching decision dates
     * @param mailbox        the service's existing mailbox ({@code prestations@caf.fr}), to which each
     *                       citizen message is forwarded in mailbox mode; replies from it count as
     *                       agents' answers
     * @param agentAddresses addresses agents answer from; a reply from one of them to a case's reply
     *                       address is an answer, relayed to the citizen under the service's identity
     * @param mailboxMode    forward citizens' messages to {@code mailbox} and take answers from
     *                       {@code agent-addresses}; needs {@code mailbox}
     */
    public record ServiceDefinition(String name, @DefaultValue List<String> submitters,
            @DefaultValue List<String> senders, String commitment, String email, String phone,
            String postalAddress, @DefaultValue("default") String calendar, @DefaultValue List<String> supervisors,
            String mailbox, @DefaultValue List<String> agentAddresses, @DefaultValue("false") boolean mailboxMode) {

        @ConstructorBinding
        public ServiceDefinition {
            submitters = submitters == null ? List.of() : List.copyOf(submitters);
            senders = senders == null ? List.of() : List.copyOf(senders);
            supervisors = supervisors == null ? List.of()
                    : supervisors.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
            agentAddresses = agentAddresses == null ? List.of() : List.copyOf(agentAddresses);
        }

        /** A service that routes and answers as configured, without supervisors nor mailbox mode. */
        public ServiceDefinition(String name, List<String> submitters, List<String> senders, String commitment,
                String email, String phone, String postalAddress, String calendar) {
            this(name, submitters, senders, commitment, email, phone, postalAddress, calendar, List.of(), null,
                    List.of(), false);
        }

        /** A service known by its name only, on the default calendar. */
        static ServiceDefinition named(String name) {
            return new ServiceDefinition(name, List.of(), List.of(), null, null, null, null, "default");
        }
    }
}
