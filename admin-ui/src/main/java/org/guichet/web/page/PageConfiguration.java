package org.guichet.web.page;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Pages speak French, or English to a browser that prefers it (Accept-Language). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageConfiguration {

    static final Locale DEFAULT = Locale.FRENCH;

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.FRENCH, Locale.ENGLISH));
        resolver.setDefaultLocale(DEFAULT);
        return resolver;
    }
}
