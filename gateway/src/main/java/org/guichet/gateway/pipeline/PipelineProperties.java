package org.guichet.gateway.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mailet pipeline.
 *
 * @param config      the {@code pipeline.xml} to run: a file path, or a {@code classpath:} or
 *                    {@code file:} location; by default the one shipped in the jar
 * @param serviceName name shown to citizens beside the reply address
 *                    ({@code ${guichet.pipeline.service-name}} in the default pipeline)
 * @param postmaster  address of the mailets' postmaster and sender of their bounces; by default
 *                    {@code postmaster@} the reply domain
 * @param budget      what the processing of one message may cost before it is held for an operator
 */
@ConfigurationProperties("guichet.pipeline")
public record PipelineProperties(
        @DefaultValue("classpath:pipeline.xml") String config,
        @DefaultValue("Guichet") String serviceName,
        String postmaster,
        @DefaultValue Budget budget) {

    public PipelineProperties {
        if (budget == null) {
            budget = new Budget(Duration.ofSeconds(60), DataSize.ofMegabytes(256), 3, Duration.ofMinutes(1));
        }
    }

    /**
     * Past any of these a message is held (stage {@code held}, with the reason) for an operator to
     * look at and release, never retried for ever; the worker goes on with the next message.
     *
     * @param time             longest the pipeline may work on one message
     * @param size             most bytes one message may make the pipeline hold: its size times
     *                         its recipients (one personal copy each), checked before it starts,
     *                         then what the mailets made of it
     * @param failures         how many times the pipeline may fail on a message (an exception, or an
     *                         {@code Error} such as {@code OutOfMemoryError}) before it is held
     * @param retryAfterFailure how long a message that failed waits before it is tried again
     */
    public record Budget(
            @DefaultValue("60s") Duration time,
            @DefaultValue("256MB") DataSize size,
            @DefaultValue("3") int failures,
            @DefaultValue("1m") Duration retryAfterFailure) {
    }
}
