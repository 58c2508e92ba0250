package org.guichet.noreply;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An SMTP client session that transmits a message's bytes exactly as given, as an application
 * that builds its own MIME would: no re-encoding, only the transparency of RFC 5321 §4.5.2 (a
 * line starting with a dot gets a second one). Jakarta Mail's transport would re-encode 8-bit
 * parts when told to use 8BITMIME, which is exactly what a corpus test must not do.
 */
final class SmtpSubmission implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SmtpSubmission(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = new BufferedOutputStream(socket.getOutputStream());
        expect(220, reply());
        command("EHLO corpus.example.org", 250);
    }

    /** Submits one message; every recipient must be accepted and the data answered 250. */
    void send(String sender, List<String> recipients, byte[] message) throws IOException {
        // RFC 6152: 8-bit data is announced, else the server may treat it as 7-bit.
        String body = isSevenBit(message) ? "" : " BODY=8BITMIME";
        command("MAIL FROM:<" + sender + ">" + body, 250);
        for (String recipient : recipients) {
            command("RCPT TO:<" + recipient + ">", 250);
        }
        command("DATA", 354);
        out.write(dotStuffed(message));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(250, reply());
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT", 221);
        } finally {
            socket.close();
        }
    }

    /** Doubles a leading dot on every line; the message must end with CRLF (the corpus files do). */
    static byte[] dotStuffed(byte[] message) {
        if (message.length < 2 || message[message.length - 2] != '\r' || message[message.length - 1] != '\n') {
            throw new IllegalArgumentException("a message must end with CRLF");
        }
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                stuffed.write('.');
            }
            stuffed.write(b);
            lineStart = b == '\n';
        }
        return stuffed.toByteArray();
    }

    private static boolean isSevenBit(byte[] message) {
        for (byte b : message) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private void command(String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply = reply();
        if (!reply.startsWith(String.valueOf(expected))) {
            throw new IOException("'" + line + "' answered: " + reply);
        }
    }

    private static void expect(int code, String reply) throws IOException {
        if (!reply.startsWith(String.valueOf(code))) {
            throw new IOException("expected " + code + ", got: " + reply);
        }
    }

    /** A whole reply, multi-line replies joined; the last line has a space after the code. */
    private String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = line();
            all.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString().strip();
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed by the server");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
