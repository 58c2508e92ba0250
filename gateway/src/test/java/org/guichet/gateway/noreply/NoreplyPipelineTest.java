package org.guichet.gateway.noreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.InternetAddress;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailContext.SentMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.junit.jupiter.api.Test;

/** The three steps in the order of the documented processor, as a container would run them. */
class NoreplyPipelineTest {

    private final FakeMailContext context = FakeMailContext.defaultContext();
    private final ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", new ReplyTokenKey("k1", new byte[32])), "k1");

    @Test
    void everyRecipientOfANoreplyMessageGetsHisOwnConversation() throws Exception {
        IsNoreply isNoreply = new IsNoreply();
        isNoreply.init(FakeMatcherConfig.builder().matcherName("IsNoreply").mailetContext(context).build());
        SplitPerRecipient split = new SplitPerRecipient();
        split.init(FakeMailetConfig.builder().mailetContext(context).build());
        SetReplyAddress setReplyAddress = new SetReplyAddress(new ReplyTokenSigner(ring, new SecureRandom()));
        setReplyAddress.init(FakeMailetConfig.builder().mailetContext(context)
                .setProperty("replyDomain", "reponse.caf.fr").setProperty("serviceName", "CAF de l'Hérault").build());
        FakeMail original = FakeMail.builder().name("4F2A1").sender("ne-pas-repondre@caf.fr")
                .recipients("alice@example.org", "bob@example.org", "carol@example.org").state("noreply")
                .mimeMessage(TestMails.message("From: CAF <ne-pas-repondre@caf.fr>", "To: alice@example.org",
                        "Cc: bob@example.org", "Bcc: carol@example.org", "Subject: Attestation"))
                .build();

        assertThat(isNoreply.match(original)).hasSize(3);
        split.service(original);

        List<Mail> copies = new ArrayList<>();
        for (SentMail sent : context.getSentMails()) {
            Mail copy = FakeMail.builder().name("copy").sender(sent.getSender()).recipients(List.copyOf(sent.getRecipients()))
                    .mimeMessage(sent.getMsg()).build();
            split.service(copy);
            assertThat(isNoreply.match(copy)).containsExactlyElementsOf(copy.getRecipients());
            setReplyAddress.service(copy);
            assertThat(isNoreply.match(copy)).as("handled mail is no longer noreply").isEmpty();
            copies.add(copy);
        }

        assertThat(context.getSentMails()).as("single-recipient copies are not split again").hasSize(3);
        Set<String> conversations = new HashSet<>();
        ReplyTokenVerifier verifier = new ReplyTokenVerifier(ring);
        for (Mail copy : copies) {
            InternetAddress replyTo = (InternetAddress) copy.getMessage().getReplyTo()[0];
            String localPart = replyTo.getAddress().substring(0, replyTo.getAddress().indexOf('@'));
            ReplyToken token = verifier.verifyLocalPart(localPart).orElseThrow();
            conversations.add(token.conversationId());
            assertThat(copy.getMessage().getHeader("Bcc")).isNull();
        }
        assertThat(conversations).hasSize(3);
        assertThat(copies).extracting(c -> c.getRecipients().iterator().next()).containsExactly(
                new MailAddress("alice@example.org"), new MailAddress("bob@example.org"), new MailAddress("carol@example.org"));
    }
}
