package org.guichet.gateway.acknowledgement;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param services     per service code: {@code implicit-decision} ({@code NONE},
 *                     {@code ACCEPTANCE}, {@code REJECTION}: what two months of silence mean,
 *                     CRPA L231-1, L231-4), {@code recourse} and {@code recourse-english} (the
 *                     recourse stated for implicit rejections); written to the service at start
 */
@ConfigurationProperties("guichet.acknowledgement")
public record AcknowledgementProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration period,
        @DefaultValue("5") int perSender,
        @DefaultValue("24h") Duration senderWindow,
        Path templates,
        String from,
        Map<String, ServiceSettings> services) {

    public AcknowledgementProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
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
        return new AcknowledgementProperties(true, Duration.ofDays(7), 5, Duration.ofHours(24), null, null, Map.of());
    }

    /**
     * One service's implicit-decision settings.
     *
     * @param implicitDecision what two months of silence mean for its requests
     * @param recourse         recourse stated for an implicit rejection, in French; empty for the standard wording
     * @param recourseEnglish  the same in English
     */
    public record ServiceSettings(@DefaultValue("NONE") ImplicitDecision implicitDecision, String recourse,
            String recourseEnglish) {
    }
}
