package org.guichet.transparency;

import java.time.Clock;

import org.guichet.administration.AdministrationProperties;
import org.guichet.audit.MonthlyReports;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.checkpoint.Checkpoints;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code guichet.transparency.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransparencyProperties.class)
class TransparencyConfiguration {

    @Bean
    Transparency transparency(MonthlyReports reports, AdministrationProperties administration,
            BusinessCalendars calendars, Checkpoints checkpoints, TransparencyProperties properties, Clock clock) {
        return new Transparency(reports, new PublicFigures(administration, calendars, properties.minimumCount()),
                checkpoints, properties, clock);
    }
}
