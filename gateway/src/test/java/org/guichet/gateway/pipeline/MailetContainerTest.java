package org.guichet.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.pipeline.TestPipelines.claimed;
import static org.guichet.gateway.pipeline.TestPipelines.container;
import static org.guichet.gateway.pipeline.TestPipelines.pipeline;
import static org.guichet.gateway.pipeline.TestPipelines.plainRaw;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;

/** The container loop, as James runs processors, on messages as the spool hands them over. */
class MailetContainerTest {

    private static final String SENDER = "dossiers@caf.fr";

    @Test
    void unchangedMessageIsRelayedAsTheOriginal() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="All" class="Relay"/>"""));

        List<Outgoing> outcomes = container.process(claimed(SENDER, List.of("alice@example.org"), plainRaw()));

        assertThat(outcomes).containsExactly(Outgoing.unchanged(SENDER, List.of("alice@example.org")));
    }

    @Test
    void standardMailetRewritesAndRelayCarriesTheNewBytes() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="All" class="AddSubjectPrefix">
                        <subjectPrefix>[CAF]</subjectPrefix>
                      </mailet>
                      <mailet match="All" class="Relay"/>"""));

        List<Outgoing> outcomes = container.process(claimed(SENDER, List.of("alice@example.org"), plainRaw()));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o).isInstanceOf(Outgoing.Relayed.class);
            assertThat(o.changed()).isTrue();
            assertThat(text(o)).contains("Subject: [CAF] Attestation").contains("votre dossier est complet.");
        });
    }

    @Test
    void toProcessorSendsTheMailToThatState() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="HasHeader=X-Notice" class="ToProcessor">
                        <processor>notice</processor>
                      </mailet>
                      <mailet match="All" class="Relay"/>""", """
                    <processor state="notice">
                      <mailet match="All" class="SetMimeHeader">
                        <name>X-Guichet-Processor</name>
                        <value>notice</value>
                      </mailet>
                      <mailet match="All" class="Relay"/>
                    </processor>"""));

        List<Outgoing> notice = container.process(claimed(SENDER, List.of("alice@example.org"),
                TestPipelines.raw("From: dossiers@caf.fr", "To: alice@example.org", "X-Notice: yes", "Subject: A")));
        List<Outgoing> plain = container.process(claimed(SENDER, List.of("alice@example.org"), plainRaw()));

        assertThat(notice).singleElement().satisfies(o -> assertThat(text(o)).contains("X-Guichet-Processor: notice"));
        assertThat(plain).containsExactly(Outgoing.unchanged(SENDER, List.of("alice@example.org")));
    }

    @Test
    void ghostEndsProcessingWithNothingToSend() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="SubjectIs=Test" class="Null"/>
                      <mailet match="All" class="Relay"/>"""));

        List<Outgoing> outcomes = container.process(claimed(SENDER, List.of("alice@example.org"),
                TestPipelines.raw("From: dossiers@caf.fr", "Subject: Test")));

        assertThat(outcomes).isEmpty();
    }

    @Test
    void partialMatchSplitsTheMailAndTheRestCarriesOn() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="RecipientIs=bob@example.org" class="SetMimeHeader">
                        <name>X-Copy</name>
                        <value>bob</value>
                      </mailet>
                      <mailet match="All" class="Relay"/>"""));

        List<Outgoing> outcomes = container.process(claimed(SENDER,
                List.of("alice@example.org", "bob@example.org", "carol@example.org"), plainRaw()));

        assertThat(outcomes).hasSize(2);
        Outgoing bob = outcomes.stream().filter(Outgoing::changed).findFirst().orElseThrow();
        Outgoing others = outcomes.stream().filter(o -> !o.changed()).findFirst().orElseThrow();
        assertThat(bob.recipients()).containsExactly("bob@example.org");
        assertThat(text(bob)).contains("X-Copy: bob");
        assertThat(others.recipients()).containsExactly("alice@example.org", "carol@example.org");
    }

    @Test
    void throwingMailetEndsInTheErrorProcessorWithTheException() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="All" class="org.guichet.gateway.pipeline.Explode"/>
                      <mailet match="All" class="Relay"/>"""));

        List<Outgoing> outcomes = container.process(claimed(SENDER, List.of("alice@example.org"), plainRaw()));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outgoing.Held.class, held -> {
            assertThat(held.error()).contains("processor 'root'").contains("Explode")
                    .contains("MessagingException: disk on fire while rewriting 4F2A1");
            assertThat(held.changed()).as("held as it came").isFalse();
            assertThat(held.attributes()).contains(Mail.MAILET_ERROR.asString());
            assertThat(held.recipients()).containsExactly("alice@example.org");
        });
    }

    @Test
    void failureInsideTheErrorProcessorStillHolds() throws Exception {
        String xml = """
                <mailetcontainer><processors>
                  <processor state="root"><mailet match="All" class="org.guichet.gateway.pipeline.Explode"/></processor>
                  <processor state="error"><mailet match="All" class="org.guichet.gateway.pipeline.Explode"/></processor>
                </processors></mailetcontainer>""";

        List<Outgoing> outcomes = container(xml).process(claimed(SENDER, List.of("alice@example.org"), plainRaw()));

        assertThat(outcomes).singleElement().isInstanceOf(Outgoing.Held.class);
    }

    @Test
    void mailFallingOffTheEndOfAProcessorIsHeldNotLost() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="All" class="SetMimeHeader">
                        <name>X-A</name>
                        <value>1</value>
                      </mailet>"""));

        List<Outgoing> outcomes = container.process(claimed(SENDER, List.of("alice@example.org"), plainRaw()));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outgoing.Held.class,
                held -> assertThat(held.error()).contains("reached the end of processor 'root'"));
    }

    @Test
    void ignoredMailetFailureCarriesOn() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="All" class="org.guichet.gateway.pipeline.Explode">
                        <onMailetException>ignore</onMailetException>
                      </mailet>
                      <mailet match="All" class="Relay"/>"""));

        assertThat(container.process(claimed(SENDER, List.of("alice@example.org"), plainRaw())))
                .containsExactly(Outgoing.unchanged(SENDER, List.of("alice@example.org")));
    }

    @Test
    void processorLoopIsHeld() throws Exception {
        MailetContainer container = container(pipeline("""
                      <mailet match="All" class="ToProcessor"><processor>again</processor></mailet>""", """
                    <processor state="again">
                      <mailet match="All" class="ToProcessor"><processor>root</processor></mailet>
                    </processor>"""));

        assertThat(container.process(claimed(SENDER, List.of("alice@example.org"), plainRaw())))
                .singleElement().isInstanceOfSatisfying(Outgoing.Held.class,
                        held -> assertThat(held.error()).contains("loop"));
    }

    private static String text(Outgoing outgoing) {
        return new String(outgoing.raw(), StandardCharsets.UTF_8);
    }
}
