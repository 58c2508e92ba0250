package org.guichet.gateway.pipeline;

/**
 * {@code pipeline.xml} cannot be used: the message names the file, the line, the processor and
 * the mailet or matcher, so that the operator knows what to fix without reading a stack trace.
 */
public class PipelineConfigurationException extends RuntimeException {

    public PipelineConfigurationException(String message) {
        super(message);
    }

    public PipelineConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
