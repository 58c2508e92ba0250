package org.guichet.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A raw SMTP client for tests: sends exactly the bytes it is given, so tests can speak
 * both correct SMTP and the malformed input an attacker would send.
 */
public final class SmtpDialog implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private static final Pattern QUEUED = Pattern.compile("^250 2\\.0\\.0 Ok: queued as ([0-9A-F]+)$");

    public SmtpDialog(int port) throws IOException {
        this("127.0.0.1", port);
    }

    /** A session to loopback {@code port} from the loopback address {@code local} (any of 127.0.0.0/8). */
    public SmtpDialog(String local, int port) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Reads one reply, multi-line replies joined with '\n'. */
    public String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = line();
            if (line == null) {
                return reply.length() == 0 ? null : reply.toString();
            }
            if (reply.length() > 0) {
                reply.append('\n');
            }
            reply.append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return reply.toString();
            }
        }
    }

    /** The reply already waiting, or null when the server has said nothing yet. */
    public String readyReply() throws IOException {
        return in.available() > 0 ? reply() : null;
    }

    /** A session on loopback {@code port} past the greeting and {@code EHLO client}, whatever they answered. */
    public static SmtpDialog greeted(int port, String client) throws IOException {
        SmtpDialog smtp = new SmtpDialog(port);
        smtp.reply();
        smtp.command("EHLO " + client);
        return smtp;
    }

    /** The queue id in the server's answer to the end of DATA; fails the test if the message was not queued. */
    public static String queueId(String reply) {
        Matcher queued = QUEUED.matcher(reply);
        assertThat(queued.find()).as(reply).isTrue();
        return queued.group(1);
    }

    /**
     * One whole mail transaction from {@code sender} to {@code recipient}, which must get {@code 250 Ok};
     * returns the queue id the server gave {@code message}.
     */
    public String deliver(String sender, String recipient, String message) throws IOException {
        command("MAIL FROM:<" + sender + ">");
        assertThat(command("RCPT TO:<" + recipient + ">")).isEqualTo("250 Ok");
        command("DATA");
        return queueId(command(message + "."));
    }

    /**
     * A transaction from {@code sender} to {@code recipient} whose message seems to end early at
     * {@code fakeEnd}, followed by {@code smuggled}: a second transaction a lax server would run.
     * Returns the reply to the whole DATA.
     */
    public String smuggle(String sender, String recipient, String fakeEnd, String smuggled) throws IOException {
        command("MAIL FROM:<" + sender + ">");
        command("RCPT TO:<" + recipient + ">");
        assertThat(command("DATA")).startsWith("354");
        return command("Subject: first\r\n\r\nbody" + fakeEnd + smuggled);
    }

    public String command(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    public void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Upgrades the connection after a 220 to STARTTLS, trusting any certificate (tests only). */
    public void startTls() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = new BufferedInputStream(tls.getInputStream());
        out = tls.getOutputStream();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
