package org.guichet.gateway.token;

import java.security.SecureRandom;

import org.guichet.node.HomeFolder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplyTokenProperties.class)
class ReplyTokenConfiguration {

    /** Loaded once at start, so a wrong key setting stops the node with a message naming it. */
    @Bean
    ReplyTokenKeyRing replyTokenKeyRing(ReplyTokenProperties properties, HomeFolder home) {
        return ReplyTokenKeyRing.load(properties.keys(), properties.activeKey(),
                ReplyTokenKeyFolder.ofHome(home.path()), new SecureRandom());
    }

    @Bean
    ReplyTokenSigner replyTokenSigner(ReplyTokenKeyRing keys) {
        return new ReplyTokenSigner(keys, new SecureRandom());
    }

    @Bean
    ReplyTokenVerifier replyTokenVerifier(ReplyTokenKeyRing keys) {
        return new ReplyTokenVerifier(keys);
    }
}
