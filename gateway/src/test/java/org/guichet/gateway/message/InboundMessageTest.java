package org.guichet.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

/** A citizen's message is read once, and From is read one way everywhere. */
class InboundMessageTest {

    private static MimeMessage message(String headers) throws MessagingException {
        String raw = headers.replace("\n", "\r\n") + "\r\n\r\nBonjour,\r\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static Mail mail(String headers, String recipient) throws MessagingException {
        return FakeMail.builder().name("5B3C1").sender("amelie@example.org").recipient(recipient)
                .mimeMessage(message(headers)).build();
    }

    @Test
    void theMessageIsReadOnceAndItsReplyAddressComesFromTheListenerNotTheRecipients() throws Exception {
        Mail mail = mail("""
                From: =?UTF-8?Q?Am=C3=A9lie_Rousseau?= <amelie@example.org>
                Message-ID: <reply-1@example.org>
                In-Reply-To: Your message of Monday <notice-1@reponse.caf.fr>
                References: <app-1@caf.fr>
                 <notice-1@reponse.caf.fr>
                Subject: =?UTF-8?Q?Re=C3=A7u?=""", "reply+k1-notverifiedatall@reponse.caf.fr");

        InboundMessage first = InboundMessage.of(mail);
        assertThat(InboundMessage.of(mail)).as("the next step gets the same reading").isSameAs(first);
        assertThat(first.replyAddress()).as("a recipient that merely looks like a reply address").isEmpty();
        assertThat(first.authorAddress()).isEqualTo("amelie@example.org");
        assertThat(first.author().name()).contains("Amélie Rousseau");
        assertThat(first.messageId()).isEqualTo("<reply-1@example.org>");
        assertThat(first.inReplyTo()).isEqualTo("<notice-1@reponse.caf.fr>");
        assertThat(first.references()).containsExactly("<app-1@caf.fr>", "<notice-1@reponse.caf.fr>");
        assertThat(first.subject()).isEqualTo("Reçu");
        assertThat(new String(first.raw(), StandardCharsets.ISO_8859_1)).startsWith("From: =?UTF-8?Q?Am=C3=A9lie");

        Mail accepted = mail("From: amelie@example.org", "reply+k1-abc@reponse.caf.fr");
        InboundMessage.attributes(new InboundMessage.ReplyAddress("reply+k1-abc@reponse.caf.fr", "conv-1"))
                .forEach(accepted::setAttribute);
        assertThat(InboundMessage.of(accepted).conversationId()).contains("conv-1");
        assertThat(InboundMessage.of(accepted).replyAddress()).map(InboundMessage.ReplyAddress::address)
                .contains("reply+k1-abc@reponse.caf.fr");
    }

    @Test
    void withoutAReadableFromTheAuthorIsTheEnvelopeSender() throws Exception {
        assertThat(InboundMessage.of(mail("From: Undisclosed", "capture@caf.fr")).authorAddress())
                .isEqualTo("amelie@example.org");
        assertThat(InboundMessage.of(mail("Subject: none", "capture@caf.fr")).authorAddress())
                .isEqualTo("amelie@example.org");
    }

    @Test
    void fromIsReadOneWayForEveryQuestionAskedOfIt() throws Exception {
        Author two = Author.of(message("From: a@one.example, B <b@Two.Example>"));
        assertThat(two.address()).contains("a@one.example");
        assertThat(two.soleAddress()).as("DMARC protects one author only").isEmpty();
        assertThat(two.domains()).containsExactly("one.example", "two.example");

        Author twice = Author.of(List.of("a@one.example", "a@one.example"));
        assertThat(twice.fields()).isEqualTo(2);
        assertThat(twice.domain()).as("two From fields: no single author").isEmpty();

        assertThat(Author.of(message("From: Camille <camille@Mairie.Example>")).domain()).contains("mairie.example");
        assertThat(Author.of(message("From: friends: x@a.example, y@b.example;")).addresses())
                .containsExactly("x@a.example", "y@b.example");
        assertThat(Author.of(message("From: <<broken")).address()).isEmpty();
        assertThat(Author.of(List.of("j\u00c3\u00a9r\u00c3\u00b4me@example.org")).address())
                .as("raw UTF-8 read as Latin-1 is read again as UTF-8").contains("jérôme@example.org");
    }

    @Test
    void messageIdsAreTakenFromBracketsOnly() {
        assertThat(MessageIds.in("<a@b>\r\n <c@d> (comment) <not an id> <e@f>")).containsExactly("<a@b>", "<c@d>", "<e@f>");
        assertThat(MessageIds.first("Your message of Mon, 2 Mar 2026 <a@b>")).isEqualTo("<a@b>");
        assertThat(MessageIds.first(null)).isNull();
    }
}
