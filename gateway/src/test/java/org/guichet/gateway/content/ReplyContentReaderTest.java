package org.guichet.gateway.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Whole raw messages, as each client sends them, read into the text a case shows. */
class ReplyContentReaderTest {

    private final ReplyContentReader reader = ReplyContentReader.standard();

    private static byte[] crlf(String message) {
        return message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gmailFrenchAlternativePrefersThePlainPart() {
        byte[] raw = crlf("""
                From: Amélie Rousseau <amelie@example.org>
                To: reponse+tok@guichet.example.fr
                Subject: Re: Votre dossier
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="00000000000012345"

                --00000000000012345
                Content-Type: text/plain; charset="UTF-8"
                Content-Transfer-Encoding: quoted-printable

                Bonjour,

                Voici le justificatif demand=C3=A9.

                Le lun. 3 mars 2025 =C3=A0 10:02, CAF <noreply@caf.example.fr> a =C3=A9crit=
                 :

                > Il manque un justificatif.

                --00000000000012345
                Content-Type: text/html; charset="UTF-8"
                Content-Transfer-Encoding: quoted-printable

                <div dir=3D"ltr">Bonjour,<div><br></div><div>Voici le justificatif deman=
                d=C3=A9 (version HTML).</div></div><br><div class=3D"gmail_quote"><div cl=
                ass=3D"gmail_attr">Le lun. 3 mars 2025 =C3=A0 10:02, CAF &lt;noreply@caf.e=
                xample.fr&gt; a =C3=A9crit=C2=A0:<br></div><blockquote class=3D"gmail_quo=
                te">Il manque un justificatif.</blockquote></div>

                --00000000000012345--
                """);
        ReplyContent content = reader.read(raw);
        assertThat(content.visibleText()).isEqualTo("Bonjour,\n\nVoici le justificatif demandé.");
        assertThat(content.fullText()).contains("> Il manque un justificatif.");
        assertThat(content.safeHtml()).hasValueSatisfying(html -> assertThat(html).contains("version HTML"));
    }

    @Test
    void gmailHtmlOnlyReplyDropsTheBlockquote() {
        byte[] raw = crlf("""
                From: Karim <karim@example.org>
                Subject: Re: Convocation
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <div dir="ltr">Je serai là à 9h.<div><br></div><div>Karim</div></div><br>
                <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Mar 3, 2025 at 10:02 AM France Travail
                &lt;<a href="mailto:noreply@ft.example.fr">noreply@ft.example.fr</a>&gt; wrote:<br></div>
                <blockquote class="gmail_quote" style="margin:0 0 0 .8ex">Vous êtes convoqué lundi.</blockquote></div>
                """);
        ReplyContent content = reader.read(raw);
        assertThat(content.visibleText()).isEqualTo("Je serai là à 9h.\n\nKarim");
        assertThat(content.fullText()).contains("> Vous êtes convoqué lundi.");
    }

    @Test
    void outlookDesktopHtmlOnlyCutsAtTheBorderTopHeaders() {
        byte[] raw = crlf("""
                From: Jean Dupont <jean.dupont@example.org>
                Subject: RE: Acte de naissance
                MIME-Version: 1.0
                Content-Type: text/html; charset="iso-8859-1"
                Content-Transfer-Encoding: quoted-printable

                <html><head><style>p.MsoNormal{margin:0cm}</style></head><body lang=3DFR>
                <div class=3DWordSection1><p class=3DMsoNormal>Bonjour,<o:p></o:p></p>
                <p class=3DMsoNormal>Je n'ai toujours pas re=E7u l'acte demand=E9.<o:p></o:p></p>
                <p class=3DMsoNormal>Jean Dupont<o:p></o:p></p>
                <div style=3D"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
                <p class=3DMsoNormal><b>De&nbsp;:</b> Mairie &lt;noreply@mairie.example.fr&gt;<br>
                <b>Envoy=E9&nbsp;:</b> lundi 3 mars 2025 10:02<br><b>=C0&nbsp;:</b> Jean Dupont<br>
                <b>Objet&nbsp;:</b> Acte de naissance</p></div>
                <p class=3DMsoNormal>Votre demande est en cours.</p></div></body></html>
                """);
        assertThat(reader.read(raw).visibleText())
                .isEqualTo("Bonjour,\nJe n'ai toujours pas reçu l'acte demandé.\nJean Dupont");
    }

    @Test
    void outlookWebHtmlOnlyCutsAtTheReplyDivision() {
        byte[] raw = crlf("""
                From: Jane Doe <jane@example.org>
                Subject: RE: Payment reminder
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><body><div style="font-family: Calibri">I already paid on 28 February.</div>
                <div id="appendonsend"></div><hr style="display:inline-block;width:98%">
                <div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Tax Office<br><b>Sent:</b> Monday</div>
                <div>Dear taxpayer, please pay.</div></body></html>
                """);
        assertThat(reader.read(raw).visibleText()).isEqualTo("I already paid on 28 February.");
    }

    @Test
    void appleMailQuotedPrintableIso88591() {
        byte[] raw = ("""
                From: =?iso-8859-1?Q?H=E9l=E8ne?= <helene@example.org>
                Subject: Re: Rendez-vous
                Mime-Version: 1.0 (Mac OS X Mail 16.0)
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Bonjour, je n'ai pas re=E7u l'attestation. =C0 bient=F4t, H=E9l=E8ne

                > Le 3 mars 2025 =E0 10:02, Pr=E9fecture <noreply@pref.example.fr> a =E9cr=
                it :
                >=20
                > Votre attestation est pr=EAte.
                """).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(reader.read(raw).visibleText())
                .isEqualTo("Bonjour, je n'ai pas reçu l'attestation. À bientôt, Hélène");
    }

    @Test
    void thunderbirdFlowedTextIsUnwrapped() {
        byte[] raw = crlf("""
                From: Marc <marc@example.org>
                Subject: Re: Carte grise
                Content-Type: text/plain; charset=UTF-8; format=flowed
                Content-Transfer-Encoding: 8bit

                Le 03/03/2025 à 10:02, Préfecture a écrit :
                > Votre carte grise est prête.

                Merci, je viendrai la retirer jeudi\s
                après-midi.
                """);
        assertThat(reader.read(raw).visibleText()).isEqualTo("Merci, je viendrai la retirer jeudi après-midi.");
    }

    @Test
    void androidBase64Utf8() {
        String body = "Bien reçu.\n\nEnvoyé de mon smartphone Samsung Galaxy.\n";
        byte[] raw = crlf("""
                From: Nadia <nadia@example.org>
                Subject: Re: Dossier
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                """ + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\n");
        assertThat(reader.read(raw).visibleText()).isEqualTo("Bien reçu.");
    }

    @Test
    void attachmentsAreNotTakenForTheBody() {
        byte[] raw = crlf("""
                From: Paul <paul@example.org>
                Subject: Justificatif
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=b1

                --b1
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: attachment; filename="notes.txt"

                Texte de la pièce jointe.
                --b1
                Content-Type: text/plain; charset=utf-8

                Voici le justificatif en pièce jointe.
                --b1--
                """);
        assertThat(reader.read(raw).visibleText()).isEqualTo("Voici le justificatif en pièce jointe.");
    }

    @Test
    void readsEightBitTextMislabelledAsAscii() {
        byte[] raw = "Subject: x\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nD\u00e9j\u00e0 envoy\u00e9.\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader.read(raw).visibleText()).isEqualTo("Déjà envoyé.");
    }
}
