package org.guichet.gateway.acknowledgement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.guichet.casework.Acknowledgements.ImplicitDecision;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Acknowledgements of receipt (accusé de réception, CRPA L112-11, R112-11-1) sent to the
 * person who wrote to a case.
 *
 * @param enabled      false sends none (the administration then owes them some other way:
 *                     without one, appeal deadlines cannot be held against the person, L112-6)
 * @param period       at most one acknowledgement per case and recipient within this period
 *                     (by the gateway's reception times)
 * @param perSender    at most this many acknowledgements to one address within
 *                     {@code senderWindow}, across cases (RFC 3834 §2; L112-11 exempts abusive,
 *                     repetitive messages)
 * @param senderWindow the window of {@code perSender}
 * @param templates    folder of template overrides, {@code <folder>/<name>.txt} for every service
 *                     and {@code <folder>/<service code>/<name>.txt} for one; default
 *                     {@code <guichet.node.home>/templates/acknowledgement}; read at start
 * @param from         the From address of acknowledgements, shown with the service's name;
 *                     default {@code accuse-reception@<guichet.node.reply-domain>}, a domain Guichet
 *                     receives and signs for (DMARC alignment, RFC 7489)
 * @param languages    the languages acknowledgements are written in ({@code fr}, {@code en},
 *                     {@code nl}, {@code de}), in the order of a letter in several; the person
 *                     gets the one they wrote in when it is listed
 * @param defaultLanguage the language of the acknowledgement when the person's is not listed or
 *                     cannot be told; unset, every listed language, in order (French then
 *                     English by default)
 * @param services     per service code: {@code implicit-decision} ({@code NONE},
 *                     {@code ACCEPTANCE}, {@code REJECTION}: what two months of silence mean,
 *                     CRPA L231-1, L231-4), {@code recourse} and {@code recourse-english} (the
 *                     recourse stated for implicit rejections), written to the service at start;
 *                     {@code languages} and {@code default-language}, the service's own
 */
@ConfigurationProperties("guichet.acknowledgement")
public record AcknowledgementProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration period,
        @DefaultValue("5") int perSender,
        @DefaultValue("24h") Duration senderWindow,
        Path templates,
        String from,
        @DefaultValue({"fr", "en"}) List<String> languages,
        String defaultLanguage,
        Map<String, ServiceSettings> services) {

    public AcknowledgementProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        languages = languages == null ? List.of("fr", "en") : List.copyOf(languages);
        // Read now, so that a wrong code stops the start with the setting's name.
        ServiceLanguages.of(languages, defaultLanguage, "guichet.acknowledgement");
        for (Map.Entry<String, ServiceSettings> service : services.entrySet()) {
            languagesOf(service.getValue(), languages, defaultLanguage, service.getKey());
        }
        if (period == null || period.isNegative()) {
            throw new IllegalArgumentException("guichet.acknowledgement.period must be a duration of zero or more,"
                    + " e.g. 7d");
        }
        if (senderWindow == null || senderWindow.isNegative()) {
            throw new IllegalArgumentException("guichet.acknowledgement.sender-window must be a duration of zero"
                    + " or more, e.g. 24h");
        }
        if (perSender < 1) {
            throw new IllegalArgumentException("guichet.acknowledgement.per-sender must be 1 or more, not "
                    + perSender + " (use guichet.acknowledgement.enabled=false to send none)");
        }
    }

    /** The defaults, for tests and dry runs. */
    public static AcknowledgementProperties defaults() {
        return new AcknowledgementProperties(true, Duration.ofDays(7), 5, Duration.ofHours(24), null, null, null, null,
                Map.of());
    }

    /**
     * The languages of a service's acknowledgements: its own settings, each one it leaves out
     * taken from {@code guichet.acknowledgement.languages} and {@code .default-language}.
     */
    ServiceLanguages languagesOf(String serviceCode) {
        ServiceSettings own = services.get(serviceCode);
        return own == null ? ServiceLanguages.of(languages, defaultLanguage, "guichet.acknowledgement")
                : languagesOf(own, languages, defaultLanguage, serviceCode);
    }

    private static ServiceLanguages languagesOf(ServiceSettings own, List<String> languages, String defaultLanguage,
            String serviceCode) {
        List<String> codes = own.languages() == null || own.languages().isEmpty() ? languages : own.languages();
        // A service that names its own languages does not inherit a default it may not write.
        String fallback = own.defaultLanguage() != null ? own.defaultLanguage()
                : own.languages() == null || own.languages().isEmpty() ? defaultLanguage : null;
        return ServiceLanguages.of(codes, fallback, "guichet.acknowledgement.services." + serviceCode);
    }

    /**
     * One service's implicit-decision settings.
     *
     * @param implicitDecision what two months of silence mean for its requests
     * @param recourse         recourse stated for an implicit rejection, in French; empty for the standard wording
     * @param recourseEnglish  the same in English; in Dutch and German, the service's
     *                         {@code nl-recourse.txt} or {@code de-recourse.txt} template says it
     * @param languages        the service's acknowledgement languages; unset, the common ones
     * @param defaultLanguage  the service's default language; unset, the common one when the
     *                         service names no languages of its own, else all of its languages
     */
    public record ServiceSettings(@DefaultValue("NONE") ImplicitDecision implicitDecision, String recourse,
            String recourseEnglish, List<String> languages, String defaultLanguage) {
    }
}
