package org.guichet.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code guichet.sla.calendars.*} and builds the named calendars at start, so a wrong setting stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    BusinessCalendars businessCalendars(CalendarProperties properties) {
        return BusinessCalendars.from(properties);
    }
}
