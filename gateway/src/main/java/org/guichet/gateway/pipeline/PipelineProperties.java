package org.guichet.gateway.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailet pipeline.
 *
 * @param config      the {@code pipeline.xml} to run: a file path, or a {@code classpath:} or
 *                    {@code file:} location; by default the one shipped in the jar
 * @param serviceName name shown to citizens beside the reply address
 *                    ({@code ${guichet.pipeline.service-name}} in the default pipeline)
 * @param postmaster  address of the mailets' postmaster and sender of their bounces; by default
 *                    {@code postmaster@} the reply domain
 */
@ConfigurationProperties("guichet.pipeline")
public record PipelineProperties(
        @DefaultValue("classpath:pipeline.xml") String config,
        @DefaultValue("Guichet") String serviceName,
        String postmaster) {
}
