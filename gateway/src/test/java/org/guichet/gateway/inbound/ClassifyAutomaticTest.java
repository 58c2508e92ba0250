package org.guichet.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.MaybeSender;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.guichet.gateway.inbound.Classification.Reason;
import org.junit.jupiter.api.Test;

class ClassifyAutomaticTest {

    private static ClassifyAutomatic mailet(String... parameters) throws MessagingException {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("ClassifyAutomatic")
                .mailetContext(FakeMailContext.defaultContext());
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        ClassifyAutomatic mailet = new ClassifyAutomatic();
        mailet.init(config.build());
        return mailet;
    }

    private static FakeMail mail(MaybeSender sender, String headers) throws MessagingException {
        String raw = headers + "\r\n\r\nBonjour,\r\nmerci pour votre message.\r\n";
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        return FakeMail.builder().name("4F2A1").sender(sender).recipient("reply+k1-abc@reponse.caf.fr")
                .state("inbound").mimeMessage(message).build();
    }

    @Test
    void outOfOfficeReplyIsMarkedAutomaticAndGoesOn() throws Exception {
        FakeMail mail = mail(MaybeSender.getMailSender("camille@example.org"),
                "From: camille@example.org\r\nSubject: Absence du bureau\r\nAuto-Submitted: auto-replied");

        mailet().service(mail);

        assertThat(ClassifyAutomatic.classificationOf(mail)).contains(
                new Classification(true, Reason.AUTO_SUBMITTED, "Auto-Submitted: auto-replied"));
        assertThat(mail.getState()).isEqualTo("inbound");
    }

    @Test
    void citizenReplyIsMarkedNotAutomatic() throws Exception {
        FakeMail mail = mail(MaybeSender.getMailSender("camille@example.org"),
                "From: camille@example.org\r\nSubject: Re: Votre dossier\r\nAuto-Submitted: no");

        mailet().service(mail);

        assertThat(ClassifyAutomatic.classificationOf(mail)).contains(Classification.NOT_AUTOMATIC);
    }

    @Test
    void nullSenderOfTheMailIsSeen() throws Exception {
        FakeMail mail = mail(MaybeSender.nullSender(), "From: MAILER-DAEMON@example.org\r\nSubject: Undelivered");

        mailet().service(mail);

        assertThat(ClassifyAutomatic.classificationOf(mail).map(Classification::reason)).contains(Reason.NULL_SENDER_DSN);
    }

    /** The spool keeps attributes as James's JSON: the classification must survive that trip. */
    @Test
    void classificationSurvivesTheSpoolsJsonForm() throws Exception {
        FakeMail mail = mail(MaybeSender.getMailSender("camille@example.org"),
                "From: camille@example.org\r\nSubject: Out of Office: Your file");
        mailet().service(mail);
        AttributeValue<?> value = mail.getAttribute(ClassifyAutomatic.ATTRIBUTE).orElseThrow().getValue();

        AttributeValue<?> reread = AttributeValue.fromJson(value.toJson().orElseThrow());
        Mail restored = FakeMail.builder().name("4F2A1")
                .attribute(new org.apache.mailet.Attribute(ClassifyAutomatic.ATTRIBUTE, reread)).build();

        assertThat(ClassifyAutomatic.classificationOf(restored))
                .contains(new Classification(true, Reason.OUT_OF_OFFICE_SUBJECT, "Subject: Out of Office: Your file"));
    }

    @Test
    void mailWithoutTheAttributeHasNoClassification() throws Exception {
        assertThat(ClassifyAutomatic.classificationOf(FakeMail.builder().name("x").build())).isEmpty();
    }

    @Test
    void unknownParameterIsRefusedAtInit() {
        assertThatThrownBy(() -> mailet("threshold", "3")).isInstanceOf(MessagingException.class)
                .hasMessageContaining("threshold");
    }
}
