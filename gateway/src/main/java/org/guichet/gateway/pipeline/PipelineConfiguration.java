package org.guichet.gateway.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
class PipelineConfiguration {

    @Bean
    GuichetMailetContext guichetMailetContext(PipelineProperties properties, ReplyDomain replyDomain,
            GuichetServices published) {
        String postmaster = properties.postmaster() == null || properties.postmaster().isBlank()
                ? "postmaster@" + replyDomain.name() : properties.postmaster().strip();
        try {
            return new GuichetMailetContext(published, List.of(Domain.of(replyDomain.name())),
                    new MailAddress(postmaster));
        } catch (AddressException | IllegalArgumentException e) {
            throw new PipelineConfigurationException("guichet.pipeline.postmaster (or guichet.node.reply-domain) gives '"
                    + postmaster + "', which is not an address: " + e.getMessage(), e);
        }
    }

    /** Parsed and started once, on nodes that run the pipeline: a wrong file stops the node. */
    @Bean(destroyMethod = "destroy")
    @ConditionalOnRole(Role.WORKER)
    MailetContainer mailetContainer(PipelineProperties properties, GuichetMailetContext context,
            ConfigurableEnvironment environment, SmtpProperties smtp) {
        return MailetContainer.configured(properties, context, environment, smtp);
    }

    /** A plain path is a file; {@code classpath:} and {@code file:} locations work too. */
    static Resource resource(String location) {
        if (location.startsWith("classpath:") || location.startsWith("file:")) {
            return new DefaultResourceLoader().getResource(location);
        }
        return new FileSystemResource(Path.of(location));
    }

    /**
     * The Spring Environment, plus the settings whose default is computed rather than written
     * ({@code guichet.smtp.hostname}, {@code guichet.pipeline.service-name}), so that
     * {@code pipeline.xml} can use them while unset.
     */
    static PropertyResolver placeholders(ConfigurableEnvironment environment, PipelineProperties properties,
            SmtpProperties smtp) {
        MutablePropertySources sources = new MutablePropertySources();
        environment.getPropertySources().forEach(sources::addLast);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("guichet.smtp.hostname", smtp.hostname());
        defaults.put("guichet.pipeline.service-name", properties.serviceName());
        sources.addLast(new MapPropertySource("guichetPipelineDefaults", defaults));
        return new PropertySourcesPropertyResolver(sources);
    }
}
