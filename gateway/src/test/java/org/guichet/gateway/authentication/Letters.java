package org.guichet.gateway.authentication;

import java.nio.charset.StandardCharsets;

/** Citizens' replies as they arrive, CRLF line ends. */
final class Letters {

    private Letters() {
    }

    static byte[] reply(String from) {
        return reply(from, "Bonjour,\r\nje vous joins le justificatif demandé.\r\nCamille Martin\r\n");
    }

    static byte[] reply(String from, String body) {
        return ("From: Camille Martin <" + from + ">\r\n"
                + "To: CAF <reply+AbC123@reponse.caf.fr>\r\n"
                + "Subject: Re: Votre dossier\r\n"
                + "Date: Mon, 2 Jun 2025 10:00:00 +0200\r\n"
                + "Message-ID: <c1@" + from.substring(from.indexOf('@') + 1) + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** The same message with its body changed after signing, as a mailing list footer would. */
    static byte[] tampered(byte[] signed) {
        String text = new String(signed, StandardCharsets.UTF_8);
        return text.replace("justificatif", "justificatif falsifié").getBytes(StandardCharsets.UTF_8);
    }
}
