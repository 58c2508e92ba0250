package org.guichet.gateway.attachment;

import org.guichet.casework.Attachments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

    @Bean
    AttachmentIntake attachmentIntake(Attachments records, AttachmentProperties properties) {
        return new AttachmentIntake(records, properties);
    }
}
