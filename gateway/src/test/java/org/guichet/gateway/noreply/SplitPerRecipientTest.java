package org.guichet.gateway.noreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailContext.SentMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

class SplitPerRecipientTest {

    private final FakeMailContext context = FakeMailContext.defaultContext();

    private SplitPerRecipient mailet(String processor) throws Exception {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("SplitPerRecipient").mailetContext(context);
        if (processor != null) {
            config.setProperty("processor", processor);
        }
        SplitPerRecipient mailet = new SplitPerRecipient();
        mailet.init(config.build());
        return mailet;
    }

    private static FakeMail toCcBcc() throws Exception {
        return FakeMail.builder().name("4F2A1")
                .sender("noreply@caf.fr")
                .recipients("alice@example.org", "bob@example.org", "carol@example.org")
                .state("noreply")
                .mimeMessage(TestMails.message(
                        "From: CAF <noreply@caf.fr>",
                        "To: alice@example.org",
                        "Cc: bob@example.org",
                        "Bcc: carol@example.org",
                        "Subject: Votre dossier",
                        "Message-ID: <dossier-1234@caf.fr>"))
                .build();
    }

    @Test
    void toCcAndBccRecipientsEachGetAPersonalCopyWithoutBcc() throws Exception {
        FakeMail mail = toCcBcc();

        mailet(null).service(mail);

        List<SentMail> copies = context.getSentMails();
        assertThat(copies).hasSize(3);
        assertThat(copies).extracting(c -> List.copyOf(c.getRecipients())).containsExactly(
                List.of(new MailAddress("alice@example.org")),
                List.of(new MailAddress("bob@example.org")),
                List.of(new MailAddress("carol@example.org")));
        for (SentMail copy : copies) {
            assertThat(copy.getSender()).isEqualTo(new MailAddress("noreply@caf.fr"));
            assertThat(copy.getMsg().getHeader("Bcc")).as("Bcc header removed").isNull();
            assertThat(copy.getMsg().getHeader("To", ",")).isEqualTo("alice@example.org");
            assertThat(copy.getMsg().getHeader("Cc", ",")).isEqualTo("bob@example.org");
            assertThat(copy.getMsg().getSubject()).isEqualTo("Votre dossier");
            assertThat(copy.getMsg().getMessageID()).isEqualTo("<dossier-1234@caf.fr>");
            assertThat(copy.getState()).as("copies start again in the same processor").isEqualTo("noreply");
        }
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void copiesAreIndependentMessages() throws Exception {
        mailet(null).service(toCcBcc());

        List<SentMail> copies = context.getSentMails();
        copies.get(0).getMsg().setHeader("Reply-To", "reply+a@reponse.caf.fr");

        assertThat(copies.get(1).getMsg().getHeader("Reply-To")).isNull();
    }

    @Test
    void copiesGoToTheConfiguredProcessor() throws Exception {
        mailet("reply-address").service(toCcBcc());

        assertThat(context.getSentMails()).extracting(SentMail::getState).containsOnly("reply-address");
    }

    @Test
    void singleRecipientMailPassesUntouched() throws Exception {
        FakeMail mail = TestMails.mail("noreply@caf.fr", "alice@example.org",
                "From: noreply@caf.fr", "To: alice@example.org", "Bcc: alice@example.org");

        mailet(null).service(mail);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(mail.getState()).isEqualTo("noreply");
        assertThat(mail.getMessage().getHeader("Bcc")).isNotNull();
    }
}
