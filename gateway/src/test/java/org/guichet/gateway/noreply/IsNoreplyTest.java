package org.guichet.gateway.noreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.mail.MessagingException;

class IsNoreplyTest {

    private static final String CITIZEN = "camille.martin@example.org";

    private static IsNoreply matcher(String condition) throws MessagingException {
        IsNoreply matcher = new IsNoreply();
        matcher.init(FakeMatcherConfig.builder().matcherName("IsNoreply").condition(condition)
                .mailetContext(FakeMailContext.defaultContext()).build());
        return matcher;
    }

    private static Mail fromHeader(String from, String... more) throws MessagingException {
        String[] lines = new String[more.length + 3];
        lines[0] = "From: " + from;
        lines[1] = "To: " + CITIZEN;
        lines[2] = "Subject: Votre dossier";
        System.arraycopy(more, 0, lines, 3, more.length);
        return TestMails.mail("bounces@caf.fr", CITIZEN, lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noreply@caf.fr", "no-reply@ameli.fr", "no_reply@x.gouv.fr", "donotreply@x.be",
        "do-not-reply@x.be", "ne-pas-repondre@dgfip.finances.gouv.fr", "nepasrepondre@x.fr", "ne_pas_repondre@x.fr",
        "ne.pas.repondre@x.fr", "pas-de-reponse@x.fr", "NOREPLY@CAF.FR", "\"CAF\" <No-Reply@caf.fr>",
        "=?UTF-8?Q?Imp=C3=B4ts?= <Ne.Pas.Repondre@dgfip.finances.gouv.fr>"})
    void fromANoreplyAddressWithoutReplyToMatchesEveryRecipient(String from) throws Exception {
        Mail mail = fromHeader(from);

        assertThat(matcher(null).match(mail)).containsExactly(new MailAddress(CITIZEN));
    }

    @Test
    void accentedFromLocalPartMatches() throws Exception {
        Mail mail = fromHeader("\"Impôts\" <ne-pas-répondre@impots.gouv.fr>");

        assertThat(matcher(null).match(mail)).containsExactly(new MailAddress(CITIZEN));
    }

    @Test
    void noreplyEnvelopeSenderMatchesEvenWithAnotherFrom() throws Exception {
        Mail mail = TestMails.mail("noreply@bounces.caf.fr", CITIZEN, "From: CAF <allocations@caf.fr>", "To: " + CITIZEN);

        assertThat(matcher(null).match(mail)).containsExactly(new MailAddress(CITIZEN));
    }

    @Test
    void messageWithAWorkingReplyToPassesUntouched() throws Exception {
        Mail mail = fromHeader("noreply@caf.fr", "Reply-To: Accueil CAF <accueil@caf.fr>");

        assertThat(matcher(null).match(mail)).isEmpty();
    }

    @Test
    void replyToThatIsItselfNoreplyStillMatches() throws Exception {
        Mail mail = fromHeader("contact@caf.fr", "Reply-To: Ne pas répondre <ne-pas-repondre@caf.fr>");
        Mail noreplyBoth = fromHeader("noreply@caf.fr", "Reply-To: <NoReply@caf.fr>, <do-not-reply@caf.fr>");

        assertThat(matcher(null).match(mail)).as("From is not noreply").isEmpty();
        assertThat(matcher(null).match(noreplyBoth)).containsExactly(new MailAddress(CITIZEN));
    }

    @Test
    void unreadableReplyToCountsAsAbsent() throws Exception {
        Mail mail = fromHeader("noreply@caf.fr", "Reply-To: <<<not an address");

        assertThat(matcher(null).match(mail)).containsExactly(new MailAddress(CITIZEN));
    }

    @Test
    void ordinarySenderDoesNotMatch() throws Exception {
        Mail mail = TestMails.mail("agent@caf.fr", CITIZEN, "From: Agent <agent@caf.fr>", "To: " + CITIZEN);

        assertThat(matcher(null).match(mail)).isEmpty();
    }

    @Test
    void ownReplyAddressIsAWorkingReplyTo() throws Exception {
        Mail mail = fromHeader("noreply@caf.fr", "Reply-To: \"CAF\" <reply+k1-abcdefghijklmnopabcdefghijklmnop@reponse.caf.fr>");

        assertThat(matcher(null).match(mail)).as("a mail that went through SetReplyAddress passes").isEmpty();
    }

    @Test
    void mailAlreadyGivenAReplyAddressDoesNotMatchAgain() throws Exception {
        Mail mail = TestMails.mail("noreply@caf.fr", CITIZEN, "From: \"CAF\" <reply+k1-abcdefghijklmnopabcdefghijklmnop@reponse.caf.fr>",
                "To: " + CITIZEN);
        assertThat(matcher(null).match(mail)).as("envelope sender still noreply").isNotEmpty();

        mail.setAttribute(SetReplyAddress.CONVERSATION.withValue(AttributeValue.of("abcdefghijklmnop")));

        assertThat(matcher(null).match(mail)).isEmpty();
    }

    @Test
    void conditionAddsPatternsOrReplacesThemWithOnly() throws Exception {
        Mail automate = fromHeader("automate@caf.fr");
        Mail noreply = fromHeader("noreply@caf.fr");

        assertThat(matcher(null).match(automate)).isEmpty();
        assertThat(matcher("automate, robot").match(automate)).containsExactly(new MailAddress(CITIZEN));
        assertThat(matcher("automate, robot").match(noreply)).containsExactly(new MailAddress(CITIZEN));
        assertThat(matcher("only:automate").match(noreply)).isEmpty();
        assertThat(matcher("only:automate").match(automate)).containsExactly(new MailAddress(CITIZEN));
    }

    @Test
    void wrongPatternFailsAtInitNamingIt() {
        assertThatThrownBy(() -> matcher("automate,noreply@caf.fr"))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("'noreply@caf.fr'");
        assertThatThrownBy(() -> matcher("only:"))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("IsNoreply");
    }

    @Test
    void allRecipientsMatchTogether() throws Exception {
        FakeMail mail = TestMails.toTwoRecipients("4F2A2");

        assertThat(matcher(null).match(mail)).containsExactlyInAnyOrder(
                new MailAddress("a@example.org"), new MailAddress("b@example.org"));
    }
}
