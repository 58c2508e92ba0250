package org.guichet.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every version of every service's SLA policy, and the configured default for services
 * (or periods) without one. Immutable.
 */
public final class SlaPolicies {

    private static final Comparator<SlaPolicy> BY_DATE_THEN_VERSION =
            Comparator.comparing(SlaPolicy::effectiveFrom).thenComparingInt(SlaPolicy::version);

    private final Map<String, List<SlaPolicy>> byService;
    private final SlaTerms defaults;

    /**
     * @param versions every stored version, of any services, in any order
     * @param defaults the terms applying where no version is in force
     * @throws IllegalArgumentException if a service has two versions with the same number
     */
    public SlaPolicies(List<SlaPolicy> versions, SlaTerms defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        Map<String, List<SlaPolicy>> grouped = new HashMap<>();
        for (SlaPolicy policy : versions) {
            List<SlaPolicy> service = grouped.computeIfAbsent(policy.serviceCode(), s -> new ArrayList<>());
            if (service.stream().anyMatch(p -> p.version() == policy.version())) {
                throw new IllegalArgumentException("two versions " + policy.version() + " of the SLA policy of " + policy.serviceCode());
            }
            service.add(policy);
        }
        grouped.replaceAll((service, list) -> list.stream().sorted(BY_DATE_THEN_VERSION).toList());
        this.byService = Map.copyOf(grouped);
    }

    /** Only the configured default, for every service. */
    public static SlaPolicies defaultsOnly(SlaTerms defaults) {
        return new SlaPolicies(List.of(), defaults);
    }

    /** These policies and one more version. */
    public SlaPolicies with(SlaPolicy version) {
        List<SlaPolicy> all = new ArrayList<>(versions());
        all.add(version);
        return new SlaPolicies(all, defaults);
    }

    /**
     * The version of {@code serviceCode}'s policy in force at {@code instant}: the one with
     * the latest {@code effectiveFrom} at or before it (the higher number when two share a
     * date), else the configured default.
     */
    public SlaPolicy inForce(String serviceCode, Instant instant) {
        SlaPolicy found = null;
        for (SlaPolicy policy : byService.getOrDefault(serviceCode, List.of())) {
            if (policy.effectiveFrom().isAfter(instant)) {
                break;
            }
            found = policy;
        }
        return found != null ? found : SlaPolicy.defaultFor(serviceCode, defaults);
    }

    /** The versions of one service, by date. */
    public List<SlaPolicy> versions(String serviceCode) {
        return byService.getOrDefault(serviceCode, List.of());
    }

    /** Every version of every service. */
    public List<SlaPolicy> versions() {
        return byService.values().stream().flatMap(List::stream).toList();
    }

    public SlaTerms defaults() {
        return defaults;
    }
}
