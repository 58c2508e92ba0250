package org.guichet.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.gateway.pipeline.TestPipelines.container;
import static org.guichet.gateway.pipeline.TestPipelines.definition;
import static org.guichet.gateway.pipeline.TestPipelines.pipeline;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A pipeline.xml that cannot run stops the start with a message saying where and why. */
class PipelineStartTest {

    @Test
    void unknownMailetIsNamedWithItsLineAndProcessor() {
        String xml = pipeline("""
                      <mailet match="All" class="SetMimeHeaderr">
                        <name>X-A</name><value>1</value>
                      </mailet>""");
        assertThatThrownBy(() -> container(xml))
                .isInstanceOf(PipelineConfigurationException.class)
                .hasMessageContaining("test pipeline.xml line 4")
                .hasMessageContaining("processor 'root'")
                .hasMessageContaining("unknown mailet 'SetMimeHeaderr'")
                .hasMessageContaining("org.apache.james.transport.mailets");
    }

    @Test
    void unknownMatcherIsNamed() {
        assertThatThrownBy(() -> container(pipeline("""
                      <mailet match="HasHeadr=X-Test" class="Relay"/>""")))
                .isInstanceOf(PipelineConfigurationException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("unknown matcher 'HasHeadr'");
    }

    @Test
    void classThatIsNotAMailetIsRefused() {
        assertThatThrownBy(() -> container(pipeline("""
                      <mailet match="All" class="java.lang.String"/>""")))
                .hasMessageContaining("java.lang.String is not a mailet");
    }

    @Test
    void mailetInitFailureCarriesTheMailetsOwnMessage() {
        assertThatThrownBy(() -> container(pipeline("""
                      <mailet match="All" class="SetReplyAddress">
                        <replyDomain>reponse.caf.fr</replyDomain>
                      </mailet>""")))
                .isInstanceOf(PipelineConfigurationException.class)
                .hasMessageContaining("line 4, processor 'root', mailet SetReplyAddress failed to start")
                .hasMessageContaining("'serviceName' is missing");
    }

    @Test
    void unresolvedPlaceholderIsNamed() {
        String xml = pipeline("""
                      <mailet match="All" class="SetMimeHeader">
                        <name>X-Service</name>
                        <value>${guichet.unknown-setting}</value>
                      </mailet>
                      <mailet match="All" class="Relay"/>""");
        assertThatThrownBy(() -> container(xml))
                .hasMessageContaining("parameter <value>")
                .hasMessageContaining("guichet.unknown-setting");
        assertThat(container(xml, Map.of("guichet.unknown-setting", "CAF")).processorStates())
                .containsExactly("root", "error");
    }

    @Test
    void errorProcessorIsRequired() {
        assertThatThrownBy(() -> container("""
                <processors>
                  <processor state="root"><mailet match="All" class="Relay"/></processor>
                </processors>"""))
                .hasMessageContaining("has no processor 'error'");
    }

    @Test
    void exceptionTargetMustBeAProcessor() {
        assertThatThrownBy(() -> container(pipeline("""
                      <mailet match="All" class="Relay">
                        <onMailetException>quarantine</onMailetException>
                      </mailet>""")))
                .hasMessageContaining("no processor 'quarantine'");
    }

    @Test
    void malformedXmlGivesTheLine() {
        assertThatThrownBy(() -> definition("""
                <mailetcontainer>
                  <processors>
                    <processor state="root">
                      <mailet match="All" class="Relay">
                    </processor>
                  </processors>
                </mailetcontainer>"""))
                .isInstanceOf(PipelineConfigurationException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("not well-formed");
    }

    @Test
    void parametersAndDefaultsAreReadAsJamesDoes() {
        PipelineDefinition definition = definition(pipeline("""
                      <mailet class="SetMimeHeader">
                        <name>X-A</name>
                        <value> 1 </value>
                        <onMailetException>ignore</onMailetException>
                      </mailet>"""));
        PipelineDefinition.Step step = definition.processors().get(0).steps().get(0);
        assertThat(step.match()).as("no match attribute means All").isEqualTo("All");
        assertThat(step.parameters()).containsExactly(Map.entry("name", "X-A"), Map.entry("value", "1"));
        assertThat(step.onMailetException()).isEqualTo("ignore");
    }
}
