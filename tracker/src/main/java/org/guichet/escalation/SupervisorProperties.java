package org.guichet.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who hears of a service's escalations: {@code guichet.services.<code>.supervisors}, a list of
 * addresses, beside the service's other settings (read here, field by field, so that the
 * administration's settings keep their own record).
 * <pre>
 * guichet.services.prestations.supervisors=chef.prestations@caf.fr,adjoint.prestations@caf.fr
 * </pre>
 * A service without supervisors still gets its flags on the case; only the notice is skipped.
 *
 * @param services the services by code, with their supervisors
 */
@ConfigurationProperties("guichet")
public record SupervisorProperties(Map<String, Service> services) {

    /** A bare address: no display name, no spaces or line breaks that could reach a header (CVE-2024-21742). */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"()]+@[^\\s@<>,;\"()]+\\.[^\\s@<>,;\"()]+");

    public SupervisorProperties {
        Map<String, Service> copy = new LinkedHashMap<>();
        if (services != null) {
            services.forEach((code, service) -> {
                Service checked = service == null ? new Service(List.of()) : service;
                for (String address : checked.supervisors()) {
                    if (!ADDRESS.matcher(address).matches()) {
                        throw new IllegalArgumentException("guichet.services." + code + ".supervisors: '" + address
                                + "' is not a bare email address like chef.service@administration.fr");
                    }
                }
                copy.put(code, checked);
            });
        }
        services = Map.copyOf(copy);
    }

    /** The supervisors of {@code serviceCode}, empty when none are configured. */
    public List<String> supervisors(String serviceCode) {
        Service service = services.get(serviceCode);
        return service == null ? List.of() : service.supervisors();
    }

    /**
     * The escalation settings of one service.
     *
     * @param supervisors addresses notified of the service's warnings, breaches, third messages
     *                    without answer and approaching decision dates
     */
    public record Service(@DefaultValue List<String> supervisors) {

        public Service {
            supervisors = supervisors == null ? List.of()
                    : supervisors.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        }
    }
}
