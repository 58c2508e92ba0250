package org.guichet.gateway.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The processors of a {@code pipeline.xml}, as written (placeholders not yet resolved).
 *
 * @param source     where the file came from, for messages
 * @param processors processors in file order
 */
record PipelineDefinition(String source, List<Processor> processors) {

    PipelineDefinition {
        processors = List.copyOf(processors);
    }

    /** {@code <processor state="…">}: matcher/mailet pairs run in order. */
    record Processor(String state, int line, List<Step> steps) {

        Processor {
            steps = List.copyOf(steps);
        }
    }

    /**
     * {@code <mailet match="…" class="…">} with its init parameters (child elements).
     *
     * @param onMailetException where a mail goes when the mailet throws: a processor name,
     *                          {@code ignore}, or {@code propagate}; null for {@code error}
     * @param onMatchException  the same, for the matcher
     */
    record Step(String match, String mailetClass, Map<String, String> parameters, String onMailetException,
            String onMatchException, int line) {

        Step {
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }
    }
}
