package org.guichet.gateway.smtp;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.guichet.node.HomeFolder;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageHandlerFactory;
import org.subethamail.smtp.internal.server.CommandRegistry;
import org.subethamail.smtp.server.SMTPServer;
import org.springframework.stereotype.Component;

/**
 * Builds the SubEthaSMTP servers of both listeners with Guichet's rules: SIZE, PIPELINING,
 * 8BITMIME, SMTPUTF8, STARTTLS when a key store is set, AUTH only where it is safe.
 */
@Component
public record SmtpServerFactory(SmtpProperties properties, HomeFolder home) {

    /** What one message's DATA may be on either listener; large ones wait under {@code <home>/tmp} by default. */
    public DataLimits dataLimits() {
        SmtpProperties.Limits limits = properties.limits();
        Path folder = limits.dataFolder() != null ? limits.dataFolder() : home.resolve("tmp");
        return new DataLimits(properties.maxMessageSize().toBytes(), limits.headerSize().toBytes(),
                limits.headerFields(), limits.lineLength(), limits.memoryThreshold().toBytes(), folder);
    }

    /**
     * @param trusted client addresses not counted against the per-address session limit
     */
    public SMTPServer create(String name, int port, String bindAddress, MessageHandlerFactory handlers,
            Optional<AuthenticationHandlerFactory> authentication, AuthPolicy authPolicy,
            Predicate<InetAddress> trusted) {
        // One virtual thread per session: many idle clients cost no platform threads.
        ExecutorService sessions = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
        SMTPServer.Builder builder = SMTPServer.port(port)
                .hostName(properties.hostname())
                .softwareName("Guichet")
                .messageHandlerFactory(handlers)
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, properties.maxMessageSize().toBytes()))
                .maxRecipients(properties.maxRecipients())
                .maxConnections(properties.maxConnections())
                .connectionTimeout((int) properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .executorService(sessions)
                .sessionHandler(new SessionLimits(name, properties.limits().connectionsPerAddress(),
                        properties.limits().sessionDuration(), trusted))
                .insertReceivedHeaders(true)
                .serverThreadName(name + "-listener");
        if (bindAddress != null && !bindAddress.isBlank()) {
            builder.bindAddress(address(bindAddress));
        }
        authentication.ifPresent(builder::authenticationHandlerFactory);
        if (properties.tls().enabled()) {
            builder.enableTLS(true).startTlsSocketFactory(sslContext(properties.tls()));
        }
        SMTPServer server = builder.build();
        server.getCommandHandler().addCommand(new ExtendedEhloCommand(authPolicy));
        server.getCommandHandler().addCommand(new GuardedAuthCommand(CommandRegistry.AUTH.getCommand(), authPolicy));
        server.getCommandHandler().addCommand(TransactionEndingCommand.data(CommandRegistry.DATA.getCommand()));
        server.getCommandHandler().addCommand(TransactionEndingCommand.bdat(CommandRegistry.BDAT.getCommand()));
        return server;
    }

    private static InetAddress address(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot bind SMTP listener to '" + bindAddress + "'", e);
        }
    }

    private static SSLContext sslContext(SmtpProperties.Tls tls) {
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            char[] password = tls.keyStorePassword() == null ? new char[0] : tls.keyStorePassword().toCharArray();
            KeyStore keyStore = KeyStore.getInstance(tls.keyStoreType());
            keyStore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the SMTP TLS key store " + tls.keyStore()
                    + " (guichet.smtp.tls.key-store): " + e.getMessage(), e);
        }
    }
}
