package org.guichet.gateway.relay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.guichet.gateway.relay.RelayProperties.TlsPolicy;

/**
 * One SMTP client connection to a next hop (RFC 5321), written for the relay rather than
 * taken from Jakarta Mail: the raw message must leave byte for byte (DKIM signatures) and
 * every RCPT reply must be known on its own.
 *
 * <p>Not thread-safe: one transaction at a time, the pool hands a session to one worker.
 */
final class SmtpSession implements Closeable {

    private static final int MAX_LINE = 8192;

    private final RemoteHost host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final Map<String, String> extensions = new LinkedHashMap<>();
    private boolean encrypted;
    /** Whether the next hop's certificate chains to a trusted root and names the host (TLS only). */
    private boolean verified;
    private boolean broken;
    private int transactions;
    private long idleSinceNanos = System.nanoTime();

    private SmtpSession(RemoteHost host) {
        this.host = host;
    }

    /**
     * Connects, reads the greeting, says EHLO (HELO as fallback), applies the STARTTLS
     * policy and authenticates when asked.
     *
     * @param credentials whether to AUTH (smarthost with a user name only)
     */
    static SmtpSession open(RemoteHost host, RelayProperties settings, String ehloName, boolean credentials)
            throws IOException, SessionRefused {
        SmtpSession session = new SmtpSession(host);
        boolean done = false;
        try {
            session.connect(settings);
            SmtpReply greeting = session.readReply();
            if (greeting.code() != 220) {
                throw new SessionRefused(greeting);
            }
            session.hello(ehloName);
            session.secure(settings.tls(), ehloName);
            if (credentials) {
                session.authenticate(settings);
            }
            done = true;
            return session;
        } finally {
            if (!done) {
                session.abandon();
            }
        }
    }

    private void connect(RelayProperties settings) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host.address(), host.port()), (int) settings.connectTimeout().toMillis());
        socket.setSoTimeout((int) settings.readTimeout().toMillis());
        streams();
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private void hello(String ehloName) throws IOException, SessionRefused {
        extensions.clear();
        SmtpReply reply = command("EHLO " + ehloName);
        if (reply.code() == 250) {
            // the first line is the server's name; each further line is one extension (RFC 5321 §4.1.1.1)
            for (String line : reply.lines().subList(1, reply.lines().size())) {
                String[] parts = line.strip().split("[ =]", 2);
                extensions.put(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
            }
            return;
        }
        if (reply.transientFailure()) {
            throw new SessionRefused(reply);
        }
        // a server without ESMTP answers 500/502 to EHLO: fall back to HELO (RFC 5321 §3.2)
        SmtpReply helo = command("HELO " + ehloName);
        if (helo.code() != 250) {
            throw new SessionRefused(helo);
        }
    }

    private void secure(TlsPolicy policy, String ehloName) throws IOException, SessionRefused {
        if (policy == TlsPolicy.NONE) {
            return;
        }
        if (!extensions.containsKey("STARTTLS")) {
            if (policy == TlsPolicy.REQUIRED) {
                throw new SessionRefused(SmtpReply.local(454, "4.7.0", "TLS required but STARTTLS not offered by " + host.name()));
            }
            return;
        }
        SmtpReply reply = command("STARTTLS");
        if (reply.code() != 220) {
            if (policy == TlsPolicy.REQUIRED) {
                throw new SessionRefused(reply);
            }
            return;
        }
        try {
            SSLContext context = policy == TlsPolicy.REQUIRED ? SSLContext.getDefault() : notingVerification();
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host.name(), host.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            // the certificate must name the host we meant to reach (required: or no session)
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setUseClientMode(true);
            tls.startHandshake();
            socket = tls;
            streams();
            encrypted = true;
            verified = verified || policy == TlsPolicy.REQUIRED;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS unavailable: " + e.getMessage(), e);
        }
        // RFC 3207 §4.2: forget everything learnt before TLS and ask again
        hello(ehloName);
    }

    /**
     * RFC 7435: opportunistic encryption protects against passive reading, not against an
     * active attacker, so any certificate is taken; whether it would have been trusted (the JVM's
     * trust store, the host's name) is noted, for the password is given only to a verified host.
     */
    private SSLContext notingVerification() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509ExtendedTrustManager trusted = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
                try {
                    trusted.checkServerTrusted(chain, authType, socket);
                    verified = true;
                } catch (CertificateException e) {
                    verified = false;
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                verified = false; // this client uses sockets only
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                verified = false; // without the socket the host name cannot be checked
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
                // not a server
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                // not a server
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // not a server
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }

    private void authenticate(RelayProperties settings) throws IOException, SessionRefused {
        if (!encrypted && settings.tls() != TlsPolicy.NONE) {
            // a password goes in clear text only when the operator chose tls=NONE
            throw new SessionRefused(SmtpReply.local(454, "4.7.0",
                    "credentials withheld: " + host.name() + " did not offer STARTTLS"));
        }
        if (encrypted && !verified) {
            // an active attacker can offer TLS too: the password goes only to the host it is meant for
            throw new SessionRefused(SmtpReply.local(454, "4.7.0", "credentials withheld: the certificate of "
                    + host.name() + " is not trusted or does not name it"));
        }
        String mechanisms = " " + extensions.getOrDefault("AUTH", "").toUpperCase(Locale.ROOT) + " ";
        SmtpReply reply;
        if (mechanisms.contains(" PLAIN ")) {
            String token = base64("\0" + settings.username() + "\0" + settings.password());
            reply = command("AUTH PLAIN " + token);
            if (reply.code() == 334) {
                reply = command(token);
            }
        } else if (mechanisms.contains(" LOGIN ")) {
            reply = command("AUTH LOGIN");
            if (reply.code() == 334) {
                reply = command(base64(settings.username()));
            }
            if (reply.code() == 334) {
                reply = command(base64(settings.password()));
            }
        } else {
            throw new SessionRefused(SmtpReply.local(454, "4.7.0", host.name() + " offers no AUTH PLAIN or LOGIN"));
        }
        if (reply.code() != 235) {
            throw new SessionRefused(reply);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * MAIL FROM with the parameters the message needs and the server offers: SIZE (RFC 1870),
     * BODY=8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531).
     */
    SmtpReply mail(String sender, long size, boolean eightBit, boolean utf8Addresses) throws IOException {
        transactions++;
        StringBuilder command = new StringBuilder("MAIL FROM:<").append(sender).append('>');
        if (extensions.containsKey("SIZE")) {
            command.append(" SIZE=").append(size);
        }
        if (eightBit && extensions.containsKey("8BITMIME")) {
            command.append(" BODY=8BITMIME");
        }
        if (utf8Addresses) {
            if (!extensions.containsKey("SMTPUTF8")) {
                // RFC 6531 §3.2: a non-ASCII address cannot be downgraded
                return SmtpReply.local(553, "5.6.7", host.name() + " does not support SMTPUTF8 for a non-ASCII address");
            }
            command.append(" SMTPUTF8");
        }
        return command(command.toString());
    }

    SmtpReply rcpt(String recipient) throws IOException {
        return command("RCPT TO:<" + recipient + ">");
    }

    /**
     * DATA, then the message itself: line endings made CRLF (a bare CR or LF would be an SMTP
     * smuggling vector), lines starting with a dot doubled (RFC 5321 §4.5.2), then the final dot.
     */
    SmtpReply data(byte[] raw) throws IOException {
        SmtpReply go = command("DATA");
        if (go.code() != 354) {
            return go;
        }
        try {
            boolean lineStart = true;
            for (int i = 0; i < raw.length; i++) {
                byte b = raw[i];
                if (b == '\r') {
                    out.write('\r');
                    out.write('\n');
                    if (i + 1 < raw.length && raw[i + 1] == '\n') {
                        i++;
                    }
                    lineStart = true;
                } else if (b == '\n') {
                    out.write('\r');
                    out.write('\n');
                    lineStart = true;
                } else {
                    if (lineStart && b == '.') {
                        out.write('.');
                    }
                    out.write(b);
                    lineStart = false;
                }
            }
            if (!lineStart) {
                out.write('\r');
                out.write('\n');
            }
            out.write(new byte[] {'.', '\r', '\n'});
            out.flush();
            return readReply();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    /** Ends a transaction so the connection can carry the next message. */
    SmtpReply reset() throws IOException {
        return command("RSET");
    }

    private SmtpReply command(String line) throws IOException {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\r');
            out.write('\n');
            out.flush();
            return readReply();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    private SmtpReply readReply() throws IOException {
        List<String> texts = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2))) {
                broken = true;
                throw new IOException("malformed SMTP reply from " + host + ": " + line);
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code != -1 && lineCode != code) {
                broken = true;
                throw new IOException("inconsistent multi-line reply from " + host);
            }
            code = lineCode;
            boolean more = line.length() > 3 && line.charAt(3) == '-';
            texts.add(line.length() > 4 ? line.substring(4) : "");
            if (!more) {
                return SmtpReply.parse(code, texts);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b == -1) {
                broken = true;
                throw new IOException("connection closed by " + host);
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                broken = true;
                throw new IOException("reply line too long from " + host);
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    RemoteHost host() {
        return host;
    }

    boolean encrypted() {
        return encrypted;
    }

    /** Whether the connection can carry another transaction. */
    boolean usable() {
        return !broken && socket != null && !socket.isClosed();
    }

    int transactions() {
        return transactions;
    }

    void markIdle() {
        idleSinceNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - idleSinceNanos;
    }

    /** QUIT politely, then close. */
    @Override
    public void close() {
        if (usable()) {
            try {
                socket.setSoTimeout(5_000);
                command("QUIT");
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        abandon();
    }

    /** Close without a word, after a failure. */
    void abandon() {
        broken = true;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
