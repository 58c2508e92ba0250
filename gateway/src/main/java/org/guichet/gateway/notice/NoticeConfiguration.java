package org.guichet.gateway.notice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link NoticeProperties}; {@link ReplaceNoreplyNotice} reads them through the mailet services. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeProperties.class)
class NoticeConfiguration {
}
