package org.guichet.gateway.notice;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.guichet.gateway.language.Language;

/** Invariants of notice rewriting over generated text. */
class UntouchedTextProperties {

    private static final List<String> WORDS = List.of("Merci", "merci", "de", "ne", "pas", "répondre", "à", "ce", "message", "courriel",
            "Votre", "dossier", "est", "traité", "automatique", "adresse", "n'est", "consultée", "please", "do", "not", "reply", "to",
            "this", "email", "mailbox", "is", "monitored", "Ceci", "un", "envoyé", "automatiquement", "caf.fr", "12,50\u00a0€", "«", "»",
            ",", ".", ":", "!", "\r\n", "\r\n\r\n", "&", "<b>", "=", "—");

    private final ReplaceNoreplyNotice mailet;
    private final NoticeRecogniser catalog = new NoticeRecogniser();

    UntouchedTextProperties() throws Exception {
        mailet = MailetRun.serviceMailet();
    }

    @Provide
    Arbitrary<String> officialLikeText() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.strings().withCharRange(' ', '\u00ff').ofMaxLength(12));
        return word.list().ofMaxSize(60).map(words -> String.join(" ", words));
    }

    @Property(tries = 300)
    void partWithoutANoticeIsNeverChanged(@ForAll("officialLikeText") String text) throws Exception {
        Assume.that(catalog.find(text).isEmpty());
        byte[] quotedPrintable = (Letters.headers("Avis", "text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable")
                + Letters.qp(text, UTF_8)).getBytes(US_ASCII);
        byte[] eightBit = ReplaceNoreplyNoticeTest.concat(
                Letters.headers("Avis", "text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit").getBytes(US_ASCII),
                text.replace("\r\n", "\n").replace("\r", "").replace("\n", "\r\n").getBytes(UTF_8));

        assertThat(MailetRun.run(mailet, quotedPrintable)).isEqualTo(quotedPrintable);
        assertThat(MailetRun.run(mailet, eightBit)).isEqualTo(eightBit);
    }

    @Property(tries = 200)
    void textAroundAReplacedNoticeIsKept(@ForAll("officialLikeText") String before, @ForAll("officialLikeText") String after) {
        String notice = "Ceci est un message automatique, merci de ne pas y répondre.";
        Assume.that(catalog.find(before).isEmpty() && catalog.find(after).isEmpty());
        String text = before + "\n\n" + notice + "\n\n" + after;
        Assume.that(catalog.find(text).size() == 1);
        PlainTextNotices plain = new PlainTextNotices(catalog, new NoticeReplacement(java.util.Map.of(Language.FRENCH, "Un agent vous répondra.")));

        String rewritten = plain.rewrite(text, false, false).orElseThrow().text();

        assertThat(rewritten).isEqualTo(before + "\n\nUn agent vous répondra.\n\n" + after);
    }
}
