package org.guichet.gateway.acknowledgement;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.guichet.administration.LetterTemplates;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.Casework;
import org.guichet.gateway.answer.CaseLetters;
import org.guichet.gateway.answer.ServiceMailboxes;
import org.guichet.gateway.language.ReplyLanguageDetector;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.casework.Acknowledgements;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.node.NodeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AcknowledgementProperties.class)
class AcknowledgementConfiguration {

    /** Local part of the default From address, on the reply domain. */
    static final String FROM_LOCAL_PART = "accuse-reception";

    /**
     * Built at start: the templates are read and checked, and the services' implicit-decision
     * settings written, so a wrong template or an unknown service code stops the node.
     * The service directory comes first: it writes the service rows these settings update.
     */
    @Bean
    Acknowledger acknowledger(AcknowledgementProperties properties, Acknowledgements records,
            ServiceDirectory services, BusinessCalendars calendars, NodeProperties node, ReplyDomain replyDomain,
            Clock clock) {
        properties.services().forEach((code, settings) -> {
            if (!records.configure(code, settings.implicitDecision(), settings.recourse(),
                    settings.recourseEnglish())) {
                throw new IllegalArgumentException("guichet.acknowledgement.services." + code + ": no service '" + code
                        + "' (define it under guichet.administration.services." + code + ")");
            }
        });
        Path folder = properties.templates() != null ? properties.templates()
                : node.home().resolve("templates").resolve("acknowledgement");
        String from = properties.from() == null || properties.from().isBlank()
                ? FROM_LOCAL_PART + "@" + replyDomain.name() : properties.from().strip();
        InternetAddress address;
        try {
            address = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("guichet.acknowledgement.from (or guichet.node.reply-domain) gives '" + from
                    + "', which is not an address: " + e.getMessage(), e);
        }
        return new Acknowledger(records, AcknowledgementTemplates.load(folder), calendars, properties,
                new ReplyLanguageDetector(), address, clock);
    }

    /** The templates as read at start, for the administration page. */
    @Bean
    LetterTemplates letterTemplates(Acknowledger acknowledger) {
        return acknowledger.templates()::listing;
    }

    /** The letter of a transfer (CRPA L114-2), written as the service that now holds the case. */
    @Bean
    TransferLetters transferLetters(Casework casework, ServiceMailboxes mailboxes, CaseLetters letters) {
        return new TransferLetters(casework, mailboxes, letters);
    }
}
