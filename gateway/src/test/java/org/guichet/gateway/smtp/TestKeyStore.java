package org.guichet.gateway.smtp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A self-signed PKCS#12 key store made with the JDK's keytool, for STARTTLS tests. */
public final class TestKeyStore {

    public static final String PASSWORD = "changeit";

    private TestKeyStore() {
    }

    public static Path create() {
        try {
            Path dir = Files.createTempDirectory("guichet-tls");
            Path store = dir.resolve("smtp.p12");
            Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "smtp",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=guichet.test", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test key store", e);
        }
    }

    /** A server's TLS context over a new self-signed key store. */
    public static javax.net.ssl.SSLContext serverContext() {
        try (var in = Files.newInputStream(create())) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test key store", e);
        }
    }
}
