package org.guichet.gateway.acknowledgement;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.guichet.administration.ServiceDirectory;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.casework.Acknowledgements;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.node.NodeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
            ServiceDirectory services, BusinessCalendars calendars,
            NodeProperties node, Environment environment, SmtpProperties smtp, Clock clock) {
        properties.services().forEach((code, settings) -> {
            if (!records.configure(code, settings.implicitDecision(), settings.recourse(),
                    settings.recourseEnglish())) {
                throw new IllegalArgumentException("guichet.acknowledgement.services." + code + ": no service '" + code
                        + "' (define it under guichet.services." + code + ")");
            }
        });
        Path folder = properties.templates() != null ? properties.templates()
                : node.home().resolve("templates").resolve("acknowledgement");
        String replyDomain = environment.getProperty("guichet.reply-domain", smtp.hostname());
        String from = properties.from() == null || properties.from().isBlank()
                ? FROM_LOCAL_PART + "@" + replyDomain : properties.from().strip();
        InternetAddress address;
        try {
            address = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("guichet.acknowledgement.from (or guichet.reply-domain) gives '" + from
                    + "', which is not an address: " + e.getMessage(), e);
        }
        return new Acknowledger(records, AcknowledgementTemplates.load(folder), calendars, properties, address, clock);
    }
}
