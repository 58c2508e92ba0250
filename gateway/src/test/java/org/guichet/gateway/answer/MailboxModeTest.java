package org.guichet.gateway.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.gateway.answer.AnswerRig.AGENT;
import static org.guichet.gateway.answer.AnswerRig.CITIZEN;
import static org.guichet.gateway.answer.AnswerRig.MAILBOX;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.AcceptedAtRcpt;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.AuthorKind;
import org.guichet.casework.AnsweringAgent;
import org.guichet.casework.Case;
import org.guichet.casework.CaseEvent;
import org.guichet.casework.CaseMessage;
import org.guichet.casework.Casework;
import org.guichet.casework.Direction;
import org.guichet.conversation.Conversation;
import org.guichet.gateway.authentication.EvaluateAuthentication;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.mailet.ContainerAttributes;
import org.guichet.gateway.threading.ThreadIntoCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mailbox mode as the inbound processor runs it (AgentReplyFromMailbox, ThreadIntoCase,
 * ForwardToMailbox) over a real database and spool: what the mailbox receives, what the citizen
 * receives when an agent replies from it, and what happens to mail from anyone else.
 */
class MailboxModeTest {

    private final AnswerRig rig = new AnswerRig();
    private final RecordingContext context = new RecordingContext();
    private final AgentReplyFromMailbox agentReply = new AgentReplyFromMailbox();
    private final ThreadIntoCase threading = new ThreadIntoCase();
    private final ForwardToMailbox forward = new ForwardToMailbox();
    private Conversation conversation;
    private int queue;

    @BeforeEach
    void inboundProcessor() throws MessagingException {
        context.setAttribute(GuichetServices.CONTEXT_ATTRIBUTE, GuichetServices.none()
                .with(Casework.class, rig.casework)
                .with(ReplyTokenVerifier.class, rig.verifier)
                .with(Clock.class, rig.clock)
                .with(AgentAnswers.class, rig.answers)
                .with(ServiceMailboxes.class, rig.mailboxes)
                .with(CaseReplyPath.class, rig.replyPath)
                .with(AnswerService.class, rig.service));
        agentReply.init(FakeMailetConfig.builder().mailetName("AgentReplyFromMailbox").mailetContext(context).build());
        threading.init(FakeMailetConfig.builder().mailetName("ThreadIntoCase").mailetContext(context).build());
        forward.init(FakeMailetConfig.builder().mailetName("ForwardToMailbox").mailetContext(context).build());
        conversation = rig.conversation("prestations", "<notice-1@reponse.caf.fr>");
    }

    @AfterEach
    void stopSpool() throws InterruptedException {
        rig.close();
    }

    private FakeMail mail(String from, String recipient, String body, String... headers) throws MessagingException {
        queue++;
        String raw = "From: " + from + "\r\nTo: " + recipient + "\r\nMessage-ID: <m" + queue + "@mail.example.org>\r\n"
                + String.join("", List.of(headers).stream().map(h -> h + "\r\n").toList())
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n");
        String sender = from.replaceAll(".*<|>.*", "");
        return AcceptedAtRcpt.by(rig.verifier, FakeMail.builder().name("5C0" + queue).sender(sender)
                .recipient(recipient)
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))))
                .attribute(new Attribute(ContainerAttributes.RECEIVED_AT,
                        AttributeValue.of("2026-03-03T10:0" + queue + ":00Z")))
                .state("inbound").build());
    }

    /** What EvaluateAuthentication records for a From domain that passed DMARC. */
    private static void dmarcPass(FakeMail mail, String domain) {
        mail.setAttribute(new Attribute(EvaluateAuthentication.RESULTS, AttributeValue.of("""
                {"authservId":"mx.reponse.caf.fr","spf":{"result":"pass","domain":"%s","identity":"smtp.mailfrom",
                 "clientIp":"192.0.2.7"},"dkim":[],"dmarc":{"result":"pass","domain":"%s","policy":"reject",
                 "alignedBy":"spf","dkimAlignment":"relaxed","spfAlignment":"relaxed"},"flagged":false}"""
                .formatted(domain, domain))));
    }

    private void inbound(Mail mail) throws MessagingException {
        agentReply.service(mail);
        if (!Mail.GHOST.equals(mail.getState())) {
            threading.service(mail);
            forward.service(mail);
        }
    }

    private Case onlyCase() {
        return rig.casework.find("GCH-2026-000001").orElseThrow();
    }

    private long spooled() {
        return rig.jdbc.sql("select count(*) from spool_message").query(Long.class).single();
    }

    @Test
    void aCitizensMessageIsForwardedToTheMailboxFromTheCaseReplyAddressAndKept() throws Exception {
        FakeMail citizen = mail("=?UTF-8?Q?Am=C3=A9lie?= Rousseau <" + CITIZEN + ">", conversation.replyAddress(),
                "Bonjour,\nVoici mon justificatif.\n", "Subject: Re: Votre dossier");

        inbound(citizen);

        assertThat(citizen.getState()).as("the citizen's message goes on to Archive").isEqualTo("inbound");
        RecordingContext.Sent copy = context.sent.getFirst();
        assertThat(copy.sender().asString()).isEqualTo(conversation.replyAddress());
        assertThat(copy.recipients()).extracting(Object::toString).containsExactly(MAILBOX);
        byte[] raw = bytes(copy.message());
        InternetAddress from = (InternetAddress) AnswerRig.parse(raw).getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(conversation.replyAddress());
        assertThat(from.getPersonal()).isEqualTo("Amélie Rousseau via CAF Prestations");
        assertThat(AnswerRig.headerLines(raw)).contains(
                "To: " + MAILBOX,
                "Subject: [GCH-2026-000001] Re: Votre dossier",
                "Auto-Submitted: auto-generated",
                "References: <m1@mail.example.org>")
                .anyMatch(line -> line.startsWith("Reply-To: ") && line.endsWith("<" + conversation.replyAddress() + ">"));
        MimeMultipart parts = (MimeMultipart) AnswerRig.parse(raw).getContent();
        String summary = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(summary).contains("Dossier : GCH-2026-000001").contains("De : Amélie Rousseau <" + CITIZEN + ">")
                .contains("Bonjour,\nVoici mon justificatif.").contains("3 mars 2026 à 11:01:00 (Europe/Paris)");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("message/rfc822");
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("Message-ID: <m1@mail.example.org>");
    }

    @Test
    void anAgentsReplyFromAnAllowedAddressIsAnsweredToTheCitizenUnderTheServicesIdentity() throws Exception {
        inbound(mail(CITIZEN, conversation.replyAddress(), "Bonjour,\nVoici mon justificatif.\n",
                "Subject: Re: Votre dossier"));
        FakeMail agent = mail("Jean Dupont <" + AGENT + ">", conversation.replyAddress(), """
                Bonjour Madame,

                Votre justificatif est bien reçu ; écrivez à j.dupont@agents.caf.fr au besoin.

                Le 3 mars 2026 à 10:01, Amélie Rousseau via CAF Prestations <%s> a écrit :
                > Bonjour,
                > Voici mon justificatif.
                """.formatted(conversation.replyAddress()), "Subject: RE: [GCH-2026-000001] Re: Votre dossier");
        dmarcPass(agent, "agents.caf.fr");

        inbound(agent);

        assertThat(agent.getState()).as("not threaded as a citizen's message").isEqualTo(Mail.GHOST);
        Case answered = onlyCase();
        List<CaseMessage> messages = rig.casework.messages(answered.id());
        assertThat(messages).extracting(CaseMessage::author).containsExactly(AuthorKind.CITIZEN, AuthorKind.AGENT);
        CaseMessage answer = messages.getLast();
        assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(answer.visibleText()).isEqualTo(
                "Bonjour Madame,\n\nVotre justificatif est bien reçu ; écrivez à prestations@caf.fr au besoin.");
        byte[] raw = rig.spooled(answer.queueId());
        assertThat(AnswerRig.headerLines(raw)).contains("From: CAF Prestations <prestations@caf.fr>", "To: " + CITIZEN,
                "Subject: Re: Votre dossier [GCH-2026-000001]", "In-Reply-To: <m1@mail.example.org>");
        assertThat(new String(raw, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT))
                .as("the agent's address and name appear nowhere in what the citizen receives")
                .doesNotContain(AGENT).doesNotContain("dupont").doesNotContain("agents.caf.fr");
        assertThat(rig.answers.answers(answered.id())).singleElement().satisfies(a -> {
            assertThat(a.agent()).isEqualTo(AnsweringAgent.mailbox(AGENT));
            assertThat(a.answerId()).isEqualTo("mail-" + agent.getName());
        });
        assertThat(rig.events.events(answered.id())).extracting(CaseEvent::type).endsWith("ANSWERED");
        assertThat(context.sent).as("only the citizen's message was forwarded").hasSize(1);

        FakeMail replay = mail("Jean Dupont <" + AGENT + ">", conversation.replyAddress(), "Bonjour Madame,\n");
        FakeMail sameSpoolRow = AcceptedAtRcpt.by(rig.verifier, FakeMail.builder().name(agent.getName()).sender(AGENT)
                .recipient(conversation.replyAddress()).mimeMessage(agent.getMessage()).build());
        dmarcPass(sameSpoolRow, "agents.caf.fr");
        long before = spooled();
        agentReply.service(sameSpoolRow);
        assertThat(spooled()).as("a replayed spool message relays nothing twice").isEqualTo(before);
        assertThat(replay.getState()).isEqualTo("inbound");
    }

    @Test
    void aMessageFromAnUnknownAddressIsAThirdPartysMessageAsUsual() throws Exception {
        inbound(mail(CITIZEN, conversation.replyAddress(), "Bonjour\n", "Subject: Re: Votre dossier"));
        FakeMail stranger = mail("inconnu@example.org", conversation.replyAddress(), "Bonjour, je suis son voisin.\n",
                "Subject: Re: Votre dossier");
        dmarcPass(stranger, "example.org");

        inbound(stranger);

        assertThat(stranger.getState()).isEqualTo("inbound");
        assertThat(rig.casework.messages(onlyCase().id())).extracting(CaseMessage::author)
                .containsExactly(AuthorKind.CITIZEN, AuthorKind.THIRD_PARTY);
        assertThat(spooled()).isZero();
        assertThat(context.sent).as("both forwarded to the mailbox").hasSize(2);
    }

    @Test
    void anAgentAddressThatFailedDmarcOrAnAgentsOutOfOfficeIsNotRelayed() throws Exception {
        inbound(mail(CITIZEN, conversation.replyAddress(), "Bonjour\n", "Subject: Re: Votre dossier"));
        FakeMail forged = mail("Jean Dupont <" + AGENT + ">", conversation.replyAddress(), "Dossier accepté.\n",
                "Subject: Re: Votre dossier");
        FakeMail outOfOffice = mail(AGENT, conversation.replyAddress(), "Je suis absent jusqu'au 10 mars.\n",
                "Subject: Absent", "Auto-Submitted: auto-replied");
        dmarcPass(outOfOffice, "agents.caf.fr");

        inbound(forged);
        inbound(outOfOffice);

        assertThat(forged.getState()).isEqualTo("inbound");
        assertThat(outOfOffice.getState()).isEqualTo("inbound");
        assertThat(spooled()).as("nothing sent to the citizen").isZero();
        assertThat(rig.answers.answers(onlyCase().id())).isEmpty();
        assertThat(rig.casework.messages(onlyCase().id())).extracting(CaseMessage::author)
                .containsExactly(AuthorKind.CITIZEN, AuthorKind.THIRD_PARTY, AuthorKind.THIRD_PARTY);
    }

    @Test
    void aServiceWithoutMailboxModeForwardsNothing() throws Exception {
        Conversation accueil = rig.conversation("accueil", "<notice-2@reponse.caf.fr>");

        inbound(mail(CITIZEN, accueil.replyAddress(), "Bonjour\n", "Subject: Re: Votre dossier"));

        assertThat(context.sent).isEmpty();
        assertThat(rig.casework.messages(onlyCase().id())).hasSize(1);
    }

    /** Guichet's mailet context, keeping what mailets send instead of spooling it with a pipeline run. */
    static final class RecordingContext extends GuichetMailetContext {

        final List<Sent> sent = new java.util.ArrayList<>();

        RecordingContext() {
            super(null, List.of(Domain.of(AnswerRig.REPLY_DOMAIN)), postmaster());
        }

        private static MailAddress postmaster() {
            try {
                return new MailAddress("postmaster@" + AnswerRig.REPLY_DOMAIN);
            } catch (AddressException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message) {
            sent.add(new Sent(sender, List.copyOf(recipients), message));
        }

        record Sent(MailAddress sender, List<MailAddress> recipients, MimeMessage message) {
        }
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
