package org.guichet.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.AttributeName;
import org.guichet.gateway.mailet.GuichetServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mailet: results kept with the mail and on top of its header, nothing dropped. */
class EvaluateAuthenticationTest {

    private static final String GUICHET = "mx.guichet.test";

    private static DkimKey author;
    private static FixedDns dns;

    @BeforeAll
    static void keys() throws Exception {
        author = DkimKey.generate("example.org", "sel2025");
        dns = new FixedDns()
                .txt("example.org", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.example.org", "v=DMARC1; p=reject")
                .txt(author.recordName(), author.record());
    }

    private static EvaluateAuthentication mailet() throws MessagingException {
        Authenticator authenticator = new Authenticator(dns, GUICHET, Duration.ofSeconds(5), Clock.systemUTC());
        FakeMailContext context = FakeMailContext.defaultContext();
        context.setAttribute(new Attribute(AttributeName.of(GuichetServices.CONTEXT_ATTRIBUTE),
                AttributeValue.ofUnserializable(GuichetServices.none().with(Authenticator.class, authenticator))));
        EvaluateAuthentication mailet = new EvaluateAuthentication();
        mailet.init(FakeMailetConfig.builder().mailetName("EvaluateAuthentication").mailetContext(context).build());
        return mailet;
    }

    private static Mail mail(byte[] raw, String remoteAddr, String sender) throws MessagingException {
        return FakeMail.builder()
                .name("4F2A1")
                .sender(sender)
                .recipient("reply+AbC123@reponse.caf.fr")
                .remoteAddr(remoteAddr)
                .attribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of("client.example")))
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)))
                .build();
    }

    private static String written(Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Camille's reply {@code signed}, from 192.0.2.25, once the mailet has evaluated it. */
    private Mail evaluated(byte[] signed) throws Exception {
        Mail mail = mail(signed, "192.0.2.25", "camille@example.org");
        mailet().service(mail);
        return mail;
    }

    private static AuthenticationResults stored(Mail mail) {
        return AuthenticationResults.fromJson(AttributeUtils
                .getValueAndCastFromMail(mail, EvaluateAuthentication.RESULTS, String.class).orElseThrow());
    }

    @Test
    void resultsAreStoredAndWrittenOnTopOfTheHeader() throws Exception {
        byte[] signed = author.sign(Letters.reply("camille@example.org"));
        Mail mail = evaluated(signed);

        String text = written(mail);
        assertThat(text).startsWith("Authentication-Results: " + GUICHET + ";\r\n\tspf=pass (client 192.0.2.25)"
                + " smtp.mailfrom=example.org;\r\n\tdkim=pass header.d=example.org header.s=sel2025;\r\n"
                + "\tdmarc=pass (p=reject adkim=r aspf=r aligned=dkim) header.from=example.org\r\nDKIM-Signature:");
        AuthenticationResults results = stored(mail);
        assertThat(results.spf().result()).isEqualTo(SpfResult.Verdict.PASS);
        assertThat(results.dmarc().result()).isEqualTo(DmarcResult.Verdict.PASS);
        assertThat(mail.getAttribute(EvaluateAuthentication.FLAGGED)).isEmpty();
    }

    @Test
    void theMessageStaysAsReceivedBelowTheNewHeader() throws Exception {
        byte[] signed = author.sign(Letters.reply("camille@example.org"));
        Mail mail = evaluated(signed);

        String text = written(mail);
        String received = new String(signed, StandardCharsets.UTF_8);
        assertThat(text.substring(text.indexOf("DKIM-Signature:"))).isEqualTo(received);
        // the signature still verifies on what goes on down the pipeline
        AuthenticationResults again = new Authenticator(dns, GUICHET, Duration.ofSeconds(5), Clock.systemUTC())
                .authenticate("192.0.2.25", "client.example", "camille@example.org", text.getBytes(StandardCharsets.UTF_8));
        assertThat(again.dkimPassed()).isTrue();
    }

    @Test
    void aFailingMessageIsFlaggedNeverDropped() throws Exception {
        Mail mail = mail(Letters.reply("camille@example.org"), "203.0.113.5", "camille@example.org");

        mailet().service(mail);

        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
        assertThat(mail.getRecipients()).hasSize(1);
        assertThat(mail.getAttribute(EvaluateAuthentication.FLAGGED)).hasValueSatisfying(
                attribute -> assertThat(attribute.getValue().value()).isEqualTo(true));
        AuthenticationResults results = stored(mail);
        assertThat(results.dmarc().result()).isEqualTo(DmarcResult.Verdict.FAIL);
        assertThat(results.dmarc().policy()).isEqualTo(DmarcResult.Policy.REJECT);
        assertThat(written(mail)).contains("\tspf=fail (client 203.0.113.5)")
                .contains("dmarc=fail (p=reject adkim=r aspf=r) header.from=example.org");
    }

    @Test
    void aForgedHeaderClaimingGuichetIsRemovedOthersStay() throws Exception {
        String forged = "Authentication-Results: MX.Guichet.Test;\r\n\tspf=pass smtp.mailfrom=example.org;\r\n"
                + "\tdmarc=pass header.from=example.org\r\n";
        String commented = "Authentication-Results: (relayed) mx.guichet.test; dkim=pass header.d=example.org\r\n";
        String theirs = "Authentication-Results: mx.example.net; spf=fail smtp.mailfrom=example.org\r\n";
        byte[] raw = (forged + commented + theirs + new String(Letters.reply("camille@example.org"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        Mail mail = mail(raw, "203.0.113.5", "camille@example.org");

        mailet().service(mail);

        String text = written(mail);
        String header = text.substring(0, text.indexOf("\r\n\r\n"));
        assertThat(header.split("Authentication-Results:", -1)).as("ours and the other service's").hasSize(3);
        assertThat(header).startsWith("Authentication-Results: " + GUICHET + ";\r\n\tspf=fail")
                .contains(theirs.strip())
                .doesNotContain("(relayed)")
                .doesNotContain("MX.Guichet.Test");
        assertThat(mail.getAttribute(EvaluateAuthentication.FLAGGED)).isPresent();
    }

    @Test
    void withoutAnAuthenticatorTheMailetDoesNotStart() {
        EvaluateAuthentication mailet = new EvaluateAuthentication();
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("EvaluateAuthentication")
                .mailetContext(FakeMailContext.defaultContext()).build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining(Authenticator.class.getName());
    }
}
