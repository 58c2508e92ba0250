package org.guichet;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A smarthost for tests that records envelopes exactly (GreenMail drops the null sender)
 * and refuses recipients whose local part is {@code inconnu} with 550 5.1.1.
 */
public final class RecordingSmarthost implements AutoCloseable {

    /** One message as the smarthost received it. */
    public record Received(String sender, List<String> recipients, byte[] raw) {

        public MimeMessage message() throws Exception {
            return new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(raw));
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    public RecordingSmarthost(int port) {
        server = SMTPServer.port(port).bindAddress(java.net.InetAddress.getLoopbackAddress())
                .messageHandlerFactory(context -> new MessageHandler() {
                    private String sender;
                    private final List<String> recipients = new ArrayList<>();

                    @Override
                    public void from(String from) {
                        sender = from;
                    }

                    @Override
                    public void recipient(String recipient) throws RejectException {
                        if (recipient.startsWith("inconnu@")) {
                            throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected");
                        }
                        recipients.add(recipient);
                    }

                    @Override
                    public String data(InputStream data) throws java.io.IOException {
                        received.add(new Received(sender, List.copyOf(recipients), data.readAllBytes()));
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        server.start();
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop();
    }
}
