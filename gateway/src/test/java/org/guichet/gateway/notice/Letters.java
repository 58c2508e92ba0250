package org.guichet.gateway.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/** Raw official messages written for these tests, in the style of French public services. */
final class Letters {

    static final String CRLF = "\r\n";

    /** A small PNG (a 1x1 blue pixel), as an inline image would be. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** A PDF whose text states the notice: an attachment, never to be changed. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
            + "BT /F1 12 Tf (Merci de ne pas répondre à ce message.) Tj ET\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

    private Letters() {
    }

    static String headers(String subject, String contentType, String... more) {
        StringBuilder out = new StringBuilder()
                .append("Return-Path: <noreply@caf.example.fr>").append(CRLF)
                .append("From: Caisse d'allocations familiales <noreply@caf.example.fr>").append(CRLF)
                .append("To: Camille Martin <camille.martin@example.org>").append(CRLF)
                .append("Subject: ").append(subject).append(CRLF)
                .append("Date: Tue, 3 Mar 2026 09:12:44 +0100").append(CRLF)
                .append("Message-ID: <20260303091244.4F2A1@caf.example.fr>").append(CRLF)
                .append("MIME-Version: 1.0").append(CRLF)
                .append("Content-Type: ").append(contentType).append(CRLF);
        for (String header : more) {
            out.append(header).append(CRLF);
        }
        return out.append(CRLF).toString();
    }

    static String lines(String... lines) {
        return String.join(CRLF, lines) + CRLF;
    }

    static String qp(String text, Charset charset) {
        return new String(encode(text.getBytes(charset), "quoted-printable"), StandardCharsets.US_ASCII);
    }

    /** A body part's headers and body: text of this content type, quoted-printable in UTF-8. */
    static String qpPart(String contentType, String text) {
        return "Content-Type: " + contentType + CRLF
                + "Content-Transfer-Encoding: quoted-printable" + CRLF + CRLF
                + qp(text, StandardCharsets.UTF_8) + CRLF;
    }

    static String base64(byte[] bytes) {
        return new String(encode(bytes, "base64"), StandardCharsets.US_ASCII);
    }

    private static byte[] encode(byte[] bytes, String encoding) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (OutputStream out = MimeUtility.encode(buffer, encoding)) {
                out.write(bytes);
            }
            return buffer.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cafPlainText() {
        return lines(
                "Bonjour Camille Martin,",
                "",
                "Votre attestation de paiement pour le mois de f\u00e9vrier 2026 est disponible",
                "dans votre espace Mon Compte, rubrique \u00ab Mes attestations \u00bb.",
                "",
                "Le montant vers\u00e9 le 5 mars s'\u00e9l\u00e8ve \u00e0 312,45 \u20ac.",
                "",
                "Ceci est un message automatique, merci de ne pas y r\u00e9pondre.",
                "",
                "Votre Caisse d'allocations familiales");
    }

    static String impotsPlainText() {
        return lines(
                "Madame, Monsieur,",
                "",
                "Votre avis d'imp\u00f4t sur le revenu 2025 est disponible dans votre espace",
                "particulier. Vous pouvez le consulter et le t\u00e9l\u00e9charger \u00e0 tout moment.",
                "",
                "Ce message est envoy\u00e9 automatiquement, merci de ne pas y r\u00e9pondre.",
                "",
                "La Direction g\u00e9n\u00e9rale des Finances publiques");
    }

    static String antsHtml() {
        return "<!DOCTYPE html>\r\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Votre titre est disponible</title>"
                + "<style>p{font-family:Marianne,Arial}</style></head>\r\n<body>\r\n"
                + "<p>Bonjour,</p>\r\n"
                + "<p>Votre carte nationale d'identit&eacute; est disponible &agrave; la mairie de Rennes.<br>\r\n"
                + "Pr&eacute;sentez-vous avec votre r&eacute;c&eacute;piss&eacute; de d&eacute;p&ocirc;t.</p>\r\n"
                + "<p class=\"avertissement\">Merci de ne pas r&eacute;pondre&nbsp;<br>&agrave; ce courriel.</p>\r\n"
                + "<p>Agence nationale des titres s&eacute;curis&eacute;s</p>\r\n"
                + "</body></html>\r\n";
    }

    static String ameliHtml() {
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>\r\n"
                + "<div style=\"font-family:Arial\">\r\n"
                + "<p>Bonjour Camille,</p>\r\n"
                + "<p>Un nouveau document est disponible dans votre compte&nbsp;: <b>relev\u00e9 de remboursements</b>.</p>\r\n"
                + "<img src=\"cid:logo-caisse@assurance.example.fr\" alt=\"Logo\">\r\n"
                + "<p>Ceci est un message automatique, <b>merci de ne pas y r\u00e9pondre</b>.</p>\r\n"
                + "<p>Votre caisse d'assurance maladie</p>\r\n"
                + "</div>\r\n</body></html>\r\n";
    }

    static String ameliPlainText() {
        return lines(
                "Bonjour Camille,",
                "",
                "Un nouveau document est disponible dans votre compte : relev\u00e9 de remboursements.",
                "",
                "Ceci est un message automatique, merci de ne pas y r\u00e9pondre.",
                "",
                "Votre caisse d'assurance maladie");
    }
}
