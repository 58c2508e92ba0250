package org.guichet.gateway.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.Casework;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.acknowledgement.Acknowledger;
import org.guichet.gateway.answer.AnswerService;
import org.guichet.gateway.answer.CaseReplyPath;
import org.guichet.gateway.answer.ServiceMailboxes;
import org.guichet.gateway.attachment.AttachmentIntake;
import org.guichet.gateway.authentication.Authenticator;
import org.guichet.gateway.dkim.DkimKeys;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.beans.factory.ObjectProvider;
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

    /** Property naming the domain of reply addresses (the MX of the inbound listener). */
    static final String REPLY_DOMAIN = "guichet.reply-domain";

    @Bean
    GuichetMailetContext guichetMailetContext(PipelineProperties properties, ReplyTokenSigner signer,
            ConfigurableEnvironment environment, SmtpProperties smtp, ServiceDirectory services,
            ConversationLog conversations, Clock clock, ObjectProvider<DkimKeys> dkimKeys,
            ObjectProvider<Authenticator> authenticator, ObjectProvider<Casework> casework,
            ObjectProvider<ReplyTokenVerifier> verifier, ObjectProvider<Acknowledger> acknowledger,
            ObjectProvider<AgentAnswers> agentAnswers, ObjectProvider<AnswerService> answers,
            ObjectProvider<ServiceMailboxes> mailboxes, ObjectProvider<CaseReplyPath> replyPath,
            ObjectProvider<AttachmentIntake> attachments) {
        String replyDomain = environment.getProperty(REPLY_DOMAIN, smtp.hostname());
        String postmaster = properties.postmaster() == null || properties.postmaster().isBlank()
                ? "postmaster@" + replyDomain : properties.postmaster().strip();
        // Guichet's own mailets reach the domain through the context, as James mailets reach theirs.
        GuichetServices published = GuichetServices.none()
                .with(ReplyTokenSigner.class, signer)
                .with(ServiceDirectory.class, services)
                .with(ConversationLog.class, conversations)
                .with(Clock.class, clock)
                .with(DkimKeys.class, dkimKeys.getIfAvailable())
                .with(Authenticator.class, authenticator.getIfAvailable())
                .with(Casework.class, casework.getIfAvailable())
                .with(ReplyTokenVerifier.class, verifier.getIfAvailable())
                .with(Acknowledger.class, acknowledger.getIfAvailable())
                .with(AgentAnswers.class, agentAnswers.getIfAvailable())
                .with(AnswerService.class, answers.getIfAvailable())
                .with(ServiceMailboxes.class, mailboxes.getIfAvailable())
                .with(CaseReplyPath.class, replyPath.getIfAvailable())
                .with(AttachmentIntake.class, attachments.getIfAvailable());
        try {
            GuichetMailetContext context = new GuichetMailetContext(published, List.of(Domain.of(replyDomain)),
                    new MailAddress(postmaster));
            return context;
        } catch (AddressException | IllegalArgumentException e) {
            throw new PipelineConfigurationException("guichet.pipeline.postmaster (or guichet.reply-domain) gives '"
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
