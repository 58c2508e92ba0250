package org.guichet.gateway.relay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on loopback that records exactly the bytes it receives, counts
 * connections, and answers RCPT as told per recipient.
 */
final class ScriptedSmtpPeer implements AutoCloseable {

    record Transaction(String mailFrom, List<String> recipients, byte[] data) {
    }

    final List<Transaction> transactions = new CopyOnWriteArrayList<>();
    final List<String> mailCommands = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile String extensions = "250-SIZE 10485760\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 ENHANCEDSTATUSCODES";

    ScriptedSmtpPeer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Makes this server speak HELO only: EHLO gets 502. */
    void withoutEsmtp() {
        extensions = null;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            write(out, "220 peer.test ESMTP scripted");
            String from = null;
            List<String> recipients = new ArrayList<>();
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> {
                        if (extensions == null) {
                            write(out, "502 5.5.1 no ESMTP here");
                        } else {
                            write(out, "250-peer.test greets you\r\n" + extensions);
                        }
                    }
                    case "HELO" -> write(out, "250 peer.test");
                    case "MAIL" -> {
                        mailCommands.add(line);
                        from = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        recipients.clear();
                        write(out, "250 2.1.0 sender ok");
                    }
                    case "RCPT" -> {
                        String recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        String reply = rcptReplies.getOrDefault(recipient, "250 2.1.5 recipient ok");
                        if (reply.startsWith("2")) {
                            recipients.add(recipient);
                        }
                        write(out, reply);
                    }
                    case "DATA" -> {
                        write(out, "354 go ahead");
                        byte[] data = readData(in);
                        transactions.add(new Transaction(from, List.copyOf(recipients), data));
                        write(out, "250-2.0.0 accepted\r\n250 2.0.0 queued as X" + transactions.size());
                    }
                    case "RSET" -> {
                        from = null;
                        recipients.clear();
                        write(out, "250 2.0.0 ok");
                    }
                    case "NOOP" -> write(out, "250 2.0.0 ok");
                    case "QUIT" -> {
                        write(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> write(out, "500 5.5.2 unknown command");
                }
            }
        } catch (IOException e) {
            // client went away
        } finally {
            open.remove(socket);
        }
    }

    /** The data as the client meant it: CRLF lines, dot-stuffing removed (RFC 5321 §4.5.2). */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            if (b == -1) {
                throw new IOException("eof in data");
            }
            byte[] bytes = line.toByteArray();
            if (bytes.length == 3 && bytes[0] == '.' && bytes[1] == '\r') {
                return data.toByteArray();
            }
            int skip = bytes.length > 0 && bytes[0] == '.' ? 1 : 0;
            data.write(bytes, skip, bytes.length - skip);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    int openConnections() {
        return open.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
