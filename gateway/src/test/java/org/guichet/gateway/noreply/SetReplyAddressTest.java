package org.guichet.gateway.noreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetReplyAddressTest {

    private static final String CITIZEN = "camille.martin@example.org";

    private final ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", key(1)), "k1");
    private final ReplyTokenSigner signer = new ReplyTokenSigner(ring, new SecureRandom());
    private final ReplyTokenVerifier verifier = new ReplyTokenVerifier(ring);
    private final FakeMailContext context = FakeMailContext.defaultContext();

    @TempDir
    Path keys;

    private static ReplyTokenKey key(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new ReplyTokenKey("k" + fill, secret);
    }

    private static FakeMailetConfig.Builder config(String serviceName, String... parameters) {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("SetReplyAddress")
                .setProperty("replyDomain", "reponse.caf.fr")
                .setProperty("serviceName", serviceName);
        for (int i = 0; i < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        return config;
    }

    private SetReplyAddress mailet(String serviceName, String... parameters) throws MessagingException {
        SetReplyAddress mailet = new SetReplyAddress(signer);
        mailet.init(config(serviceName, parameters).mailetContext(context).build());
        return mailet;
    }

    private static FakeMail noreplyMail() throws MessagingException {
        return TestMails.mail("noreply@caf.fr", CITIZEN,
                "From: CAF de l'Herault <noreply@caf.fr>",
                "To: " + CITIZEN,
                "Subject: Votre dossier",
                "Message-ID: <dossier-1234@caf.fr>");
    }

    private static String attribute(Mail mail, AttributeName name) {
        return mail.getAttribute(name).orElseThrow().getValue().value().toString();
    }

    private static InternetAddress onlyAddress(MimeMessage message, String header) throws MessagingException {
        InternetAddress[] addresses = InternetAddress.parseHeader(message.getHeader(header, ","), true);
        assertThat(addresses).hasSize(1);
        return addresses[0];
    }

    @Test
    void replyToBecomesTheServiceNameAndASignedReplyAddress() throws Exception {
        FakeMail mail = noreplyMail();

        mailet("CAF Herault").service(mail);

        InternetAddress replyTo = onlyAddress(mail.getMessage(), "Reply-To");
        assertThat(replyTo.getPersonal()).isEqualTo("CAF Herault");
        assertThat(replyTo.getAddress()).matches("reply\\+k1-[a-z2-7]{32}@reponse\\.caf\\.fr");
        String localPart = replyTo.getAddress().substring(0, replyTo.getAddress().indexOf('@'));
        Optional<ReplyToken> verified = verifier.verifyLocalPart(localPart);
        assertThat(verified).isPresent();
        assertThat(attribute(mail, SetReplyAddress.CONVERSATION)).isEqualTo(verified.get().conversationId());
        assertThat(attribute(mail, SetReplyAddress.REPLY_ADDRESS)).isEqualTo(replyTo.getAddress());
        assertThat(ReplyToken.LOCAL_PART_PREFIX + attribute(mail, SetReplyAddress.TOKEN)).isEqualTo(localPart);
        assertThat(mail.getMessage().getHeader("From", ",")).isEqualTo("CAF de l'Herault <noreply@caf.fr>");
        assertThat(mail.getMessage().getMessageID()).isEqualTo("<dossier-1234@caf.fr>");
    }

    @Test
    void eachMailOpensItsOwnConversation() throws Exception {
        SetReplyAddress mailet = mailet("CAF");
        FakeMail first = noreplyMail();
        FakeMail second = noreplyMail();

        mailet.service(first);
        mailet.service(second);

        assertThat(attribute(first, SetReplyAddress.CONVERSATION)).isNotEqualTo(attribute(second, SetReplyAddress.CONVERSATION));
    }

    @Test
    void nonAsciiServiceNameIsRfc2047EncodedAndReadsBack() throws Exception {
        FakeMail mail = noreplyMail();
        String name = "Caisse d'allocations familiales de l'Hérault — accueil des allocataires, Montpellier";

        mailet(name).service(mail);

        String raw = rawHeaders(mail.getMessage());
        assertThat(raw).contains("Reply-To: =?UTF-8?");
        assertThat(raw).as("headers stay 7-bit").matches("(?s)[\\x00-\\x7f]*");
        assertThat(raw.lines().filter(line -> !line.isEmpty()).allMatch(line -> line.length() <= 78)).as("folded lines").isTrue();
        assertThat(onlyAddress(reparse(mail.getMessage()), "Reply-To").getPersonal()).isEqualTo(name);
    }

    @Test
    void quotesAndBackslashesInServiceNameStayInsideTheDisplayName() throws Exception {
        FakeMail mail = noreplyMail();
        String name = "Service \"Allocations\" <contact@evil.example>, \\ Bcc";

        mailet(name).service(mail);

        InternetAddress replyTo = onlyAddress(reparse(mail.getMessage()), "Reply-To");
        assertThat(replyTo.getPersonal()).isEqualTo(name);
        assertThat(replyTo.getAddress()).endsWith("@reponse.caf.fr");
    }

    @Test
    void headerInjectionThroughServiceNameOrDomainIsRefusedAtInit() {
        assertThatThrownBy(() -> mailet("CAF\r\nBcc: victim@example.org"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("'serviceName'");
        assertThatThrownBy(() -> mailet("CAF\nX-Injected: yes"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("'serviceName'");
        assertThatThrownBy(() -> {
            SetReplyAddress mailet = new SetReplyAddress(signer);
            mailet.init(FakeMailetConfig.builder().mailetContext(context)
                    .setProperty("replyDomain", "reponse.caf.fr\r\nBcc: victim@example.org")
                    .setProperty("serviceName", "CAF").build());
        }).isInstanceOf(MessagingException.class).hasMessageContaining("'replyDomain'");
    }

    @Test
    void existingReplyToHeadersAreReplacedNotAdded() throws Exception {
        FakeMail mail = TestMails.mail("noreply@caf.fr", CITIZEN, "From: noreply@caf.fr", "To: " + CITIZEN,
                "Reply-To: noreply@caf.fr", "Reply-To: ne-pas-repondre@caf.fr");

        mailet("CAF").service(mail);

        assertThat(mail.getMessage().getHeader("Reply-To")).hasSize(1);
        assertThat(onlyAddress(mail.getMessage(), "Reply-To").getAddress()).startsWith("reply+");
    }

    @Test
    void fromIsRewrittenForListedSenderDomains() throws Exception {
        SetReplyAddress mailet = mailet("CAF", "fromDomains", "Caf.fr, notifications.ameli.fr");
        FakeMail listed = TestMails.mail("noreply@bounces.example", CITIZEN,
                "From: noreply@caf.fr", "To: " + CITIZEN, "Reply-To: no-reply@caf.fr");
        FakeMail other = TestMails.mail("noreply@msa.fr", CITIZEN, "From: noreply@msa.fr", "To: " + CITIZEN);

        mailet.service(listed);
        mailet.service(other);

        InternetAddress from = onlyAddress(listed.getMessage(), "From");
        assertThat(from.getPersonal()).isEqualTo("CAF");
        assertThat(from.getAddress()).isEqualTo(attribute(listed, SetReplyAddress.REPLY_ADDRESS));
        assertThat(listed.getMessage().getHeader("Reply-To")).as("noreply Reply-To removed").isNull();
        assertThat(onlyAddress(other.getMessage(), "From").getAddress()).isEqualTo("noreply@msa.fr");
        assertThat(onlyAddress(other.getMessage(), "Reply-To").getAddress()).startsWith("reply+k1-");
    }

    @Test
    void modeFromRewritesEveryFrom() throws Exception {
        FakeMail mail = noreplyMail();

        mailet("CAF", "mode", "from").service(mail);

        assertThat(onlyAddress(mail.getMessage(), "From").getAddress()).startsWith("reply+k1-");
    }

    @Test
    void mailWithSeveralRecipientsIsRefusedUntilSplit() throws Exception {
        FakeMail mail = TestMails.toTwoRecipients("4F2A3");

        assertThatThrownBy(() -> mailet("CAF").service(mail))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("exactly one recipient").hasMessageContaining("SplitPerRecipient");
        assertThat(mail.getMessage().getHeader("Reply-To")).isNull();
    }

    @Test
    void wrongParametersFailAtInitNamingThem() {
        assertThatThrownBy(() -> mailet("CAF", "mode", "sender"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("'mode'");
        assertThatThrownBy(() -> mailet(" "))
                .isInstanceOf(MessagingException.class).hasMessageContaining("'serviceName'");
        assertThatThrownBy(() -> mailet("CAF", "replyDomain", "not a domain"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("'replyDomain'");
        assertThatThrownBy(() -> mailet("CAF", "replyDomian", "x"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("replyDomian");
    }

    @Test
    void withoutPublishedKeysAKeyFolderIsRequired() {
        SetReplyAddress mailet = new SetReplyAddress();

        assertThatThrownBy(() -> mailet.init(config("CAF").mailetContext(context).build()))
                .isInstanceOf(MessagingException.class).hasMessageContaining("'keyFolder'");
    }

    @Test
    void inJamesTheKeyFolderGetsAGeneratedKey() throws Exception {
        SetReplyAddress mailet = new SetReplyAddress();
        mailet.init(config("CAF", "keyFolder", keys.toString()).mailetContext(context).build());
        FakeMail mail = noreplyMail();

        mailet.service(mail);

        assertThat(keys.resolve("reply-token-k1.key")).exists();
        String secret = Files.readString(keys.resolve("reply-token-k1.key")).strip();
        ReplyTokenKeyRing stored = new ReplyTokenKeyRing(Map.of("k1",
                new ReplyTokenKey("k1", java.util.Base64.getDecoder().decode(secret))), "k1");
        assertThat(new ReplyTokenVerifier(stored).verify(attribute(mail, SetReplyAddress.TOKEN))).isPresent();
    }

    @Test
    void signerPublishedByTheContainerIsUsed() throws Exception {
        FakeMailContext publishing = FakeMailContext.defaultContext();
        publishing.setAttribute(new Attribute(AttributeName.of(GuichetServices.CONTEXT_ATTRIBUTE),
                AttributeValue.ofUnserializable(GuichetServices.none().with(ReplyTokenSigner.class, signer))));
        SetReplyAddress mailet = new SetReplyAddress();
        mailet.init(config("CAF").mailetContext(publishing).build());
        FakeMail mail = noreplyMail();

        mailet.service(mail);

        assertThat(verifier.verify(attribute(mail, SetReplyAddress.TOKEN))).isPresent();
    }

    private static String rawHeaders(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String raw = out.toString(StandardCharsets.UTF_8);
        return raw.substring(0, raw.indexOf("\r\n\r\n"));
    }

    private static MimeMessage reparse(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(null, new java.io.ByteArrayInputStream(out.toByteArray()));
    }
}
