package org.guichet.gateway.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.core.io.Resource;

/**
 * Reads {@code pipeline.xml} in Apache James {@code mailetcontainer.xml} syntax:
 *
 * <pre>{@code
 * <mailetcontainer>
 *   <processors>
 *     <processor state="root">
 *       <mailet match="HasHeader=X-Test" class="SetMimeHeader">
 *         <name>X-Seen</name>
 *         <value>yes</value>
 *       </mailet>
 *     </processor>
 *   </processors>
 * </mailetcontainer>
 * }</pre>
 *
 * A bare {@code <processors>} root is accepted too; James's {@code <context>} and
 * {@code <spooler>} sections are ignored. Every error names the file and the line.
 */
final class PipelineFile {

    private static final String ON_MAILET_EXCEPTION = "onMailetException";
    private static final String ON_MATCH_EXCEPTION = "onMatchException";

    private final String source;
    private XMLStreamReader reader;

    private PipelineFile(String source) {
        this.source = source;
    }

    /**
     * @param source the name errors give the file, as the operator wrote it
     *               ({@code /etc/guichet/pipeline.xml}, {@code classpath:pipeline.xml})
     */
    static PipelineDefinition read(Resource resource, String source) {
        if (!resource.exists()) {
            throw new PipelineConfigurationException(source + " does not exist (guichet.pipeline.config)");
        }
        try (InputStream in = resource.getInputStream()) {
            return new PipelineFile(source).parse(in);
        } catch (IOException e) {
            throw new PipelineConfigurationException(source + " cannot be read: " + e.getMessage(), e);
        }
    }

    private PipelineDefinition parse(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTD, no external entity: the file is configuration, not a way to read other files.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            reader = factory.createXMLStreamReader(in);
            reader.nextTag();
            List<PipelineDefinition.Processor> processors = new ArrayList<>();
            switch (reader.getLocalName()) {
                case "mailetcontainer" -> {
                    while (nextChild()) {
                        if (reader.getLocalName().equals("processors")) {
                            processors.addAll(processors());
                        } else {
                            skipElement();
                        }
                    }
                }
                case "processors" -> processors.addAll(processors());
                default -> throw error("the root element must be <mailetcontainer> or <processors>, not <"
                        + reader.getLocalName() + ">");
            }
            return new PipelineDefinition(source, processors);
        } catch (XMLStreamException e) {
            throw new PipelineConfigurationException(source + (e.getLocation() == null ? "" : " line "
                    + e.getLocation().getLineNumber()) + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    private List<PipelineDefinition.Processor> processors() throws XMLStreamException {
        List<PipelineDefinition.Processor> processors = new ArrayList<>();
        while (nextChild()) {
            if (!reader.getLocalName().equals("processor")) {
                throw error("<processors> holds only <processor> elements, not <" + reader.getLocalName() + ">");
            }
            processors.add(processor());
        }
        return processors;
    }

    private PipelineDefinition.Processor processor() throws XMLStreamException {
        int line = line();
        String state = attribute("state");
        if (state == null || state.isBlank()) {
            throw error("<processor> needs a state attribute (root, error, …)");
        }
        List<PipelineDefinition.Step> steps = new ArrayList<>();
        while (nextChild()) {
            if (!reader.getLocalName().equals("mailet")) {
                throw error("processor '" + state + "' holds only <mailet> elements, not <" + reader.getLocalName()
                        + ">" + (reader.getLocalName().equals("matcher") ? " (composite matchers are not supported)" : ""));
            }
            steps.add(step(state));
        }
        return new PipelineDefinition.Processor(state.strip(), line, steps);
    }

    private PipelineDefinition.Step step(String state) throws XMLStreamException {
        int line = line();
        String match = attribute("match");
        String mailetClass = attribute("class");
        if (mailetClass == null || mailetClass.isBlank()) {
            throw error("a <mailet> of processor '" + state + "' has no class attribute");
        }
        if (attribute("notmatch") != null) {
            throw error("the notmatch attribute is not supported (processor '" + state + "')");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String onMailetException = null;
        String onMatchException = null;
        while (nextChild()) {
            String name = reader.getLocalName();
            String value = text(state, mailetClass);
            switch (name) {
                case ON_MAILET_EXCEPTION -> onMailetException = value;
                case ON_MATCH_EXCEPTION -> onMatchException = value;
                default -> {
                    if (parameters.putIfAbsent(name, value) != null) {
                        throw error("mailet " + mailetClass + " of processor '" + state + "' has parameter <" + name
                                + "> twice");
                    }
                }
            }
        }
        return new PipelineDefinition.Step(match == null || match.isBlank() ? "All" : match.strip(), mailetClass.strip(),
                parameters, onMailetException, onMatchException, line);
    }

    /** Text of a parameter element; nested elements are refused, not silently flattened. */
    private String text(String state, String mailetClass) throws XMLStreamException {
        String name = reader.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> throw error("parameter <" + name + "> of mailet " + mailetClass
                        + " (processor '" + state + "') holds an element; write its value as text");
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString().strip();
                }
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    /** Moves to the next child element of the current one; false at the parent's end tag. */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
            if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
                throw error("unexpected text '" + reader.getText().strip() + "'");
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String attribute(String name) {
        return reader.getAttributeValue(null, name);
    }

    private int line() {
        return reader.getLocation().getLineNumber();
    }

    private PipelineConfigurationException error(String message) {
        return new PipelineConfigurationException(source + " line " + line() + ": " + message);
    }
}
