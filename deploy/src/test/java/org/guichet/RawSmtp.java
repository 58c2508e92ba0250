package org.guichet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One SMTP transaction with exact bytes, as a citizen's mail server would send it: the
 * envelope (null sender included) is the test's, and each reply code is returned.
 */
public final class RawSmtp {

    private RawSmtp() {
    }

    /** Sends one message; returns the final reply (250 … on success), or the first refusal. */
    public static String send(int port, String sender, List<String> recipients, String message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            read(in);
            command(out, in, "EHLO mail.example.org");
            String reply = command(out, in, "MAIL FROM:<" + sender + ">");
            if (!reply.startsWith("2")) {
                return reply;
            }
            for (String recipient : recipients) {
                reply = command(out, in, "RCPT TO:<" + recipient + ">");
                if (!reply.startsWith("2")) {
                    command(out, in, "QUIT");
                    return reply;
                }
            }
            command(out, in, "DATA");
            String body = message.replace("\r\n", "\n").replace("\n", "\r\n").replace("\r\n.", "\r\n..");
            if (!body.endsWith("\r\n")) {
                body += "\r\n";
            }
            reply = command(out, in, body + ".");
            command(out, in, "QUIT");
            return reply;
        }
    }

    private static String command(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read(in);
    }

    private static String read(BufferedReader in) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            reply.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        return reply.toString().trim();
    }
}
